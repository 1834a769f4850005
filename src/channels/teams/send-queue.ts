/**
 * One send lane per Teams thread: messages to a thread go out one at a time, in order, and no faster than Teams
 * allows a bot to post in one thread (7 a second). Different threads do not wait for each other.
 */

/** At most `count` sends in any `ms` milliseconds. */
export interface RateWindow {
  count: number;
  ms: number;
}

export interface SendQueueOptions {
  /** Teams' per-thread limit is 7 messages a second; more windows can be added (all must hold). */
  windows?: readonly RateWindow[];
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Waits for the lane's next free slot; a task calls it before each attempt (retries use slots too). */
export type AcquireSlot = () => Promise<void>;

interface Lane {
  tail: Promise<void>;
  /** Start times of recent sends, oldest first. */
  sent: number[];
  pending: number;
}

/** Teams: a bot may send 7 messages a second to one thread. */
export const teamsThreadRate: readonly RateWindow[] = [{ count: 7, ms: 1_000 }];

const sweepAbove = 1_000;

/** Per-thread FIFO send queues with a sliding-window rate limit. */
export class ConversationSendQueue {
  private readonly lanes = new Map<string, Lane>();
  private readonly windows: readonly RateWindow[];
  private readonly longestMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: SendQueueOptions = {}) {
    this.windows = options.windows ?? teamsThreadRate;
    this.longestMs = Math.max(0, ...this.windows.map((w) => w.ms));
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Runs `task` after every earlier task of this thread; the task calls `acquire` before each send attempt. */
  enqueue<T>(thread: string, task: (acquire: AcquireSlot) => Promise<T>): Promise<T> {
    const lane = this.laneOf(thread);
    lane.pending += 1;
    const run = lane.tail.then(() => task(() => this.acquire(lane)));
    lane.tail = run.then(
      () => this.settle(lane),
      () => this.settle(lane),
    );
    return run;
  }

  /**
   * Runs `task` outside the thread's order, once the rate allows: for sends whose order does not matter (the
   * typing indicator), so they hold up nothing behind them.
   */
  async unordered<T>(thread: string, task: () => Promise<T>): Promise<T> {
    const lane = this.laneOf(thread);
    lane.pending += 1;
    try {
      await this.acquire(lane);
      return await task();
    } finally {
      this.settle(lane);
    }
  }

  /** Threads with queued or recent sends (for tests and health). */
  get size(): number {
    return this.lanes.size;
  }

  private laneOf(thread: string): Lane {
    let lane = this.lanes.get(thread);
    if (!lane) {
      if (this.lanes.size >= sweepAbove) this.sweep();
      lane = { tail: Promise.resolve(), sent: [], pending: 0 };
      this.lanes.set(thread, lane);
    }
    return lane;
  }

  private settle(lane: Lane): void {
    lane.pending -= 1;
  }

  /** Forgets idle lanes whose sends are all older than the longest window. */
  private sweep(): void {
    const horizon = this.now() - this.longestMs;
    for (const [thread, lane] of this.lanes) {
      if (lane.pending === 0 && (lane.sent.at(-1) ?? Number.NEGATIVE_INFINITY) < horizon) this.lanes.delete(thread);
    }
  }

  /** How long until every window has room for one more send (0 = now). */
  private waitMs(lane: Lane, at: number): number {
    while (lane.sent.length > 0 && lane.sent[0]! <= at - this.longestMs) lane.sent.shift();
    let wait = 0;
    for (const window of this.windows) {
      const inWindow = lane.sent.filter((t) => t > at - window.ms);
      if (inWindow.length >= window.count) {
        const oldestThatMatters = inWindow[inWindow.length - window.count]!;
        wait = Math.max(wait, oldestThatMatters + window.ms - at);
      }
    }
    return wait;
  }

  private async acquire(lane: Lane): Promise<void> {
    for (let wait = this.waitMs(lane, this.now()); wait > 0; wait = this.waitMs(lane, this.now())) {
      await this.sleep(wait);
    }
    lane.sent.push(this.now());
  }
}
