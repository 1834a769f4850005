/**
 * Slack allows about one message a second per channel: every write to a channel goes through its own queue, which
 * runs one task at a time and starts them at least `intervalMs` apart. Channels do not wait for each other.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { BoundedMap } from '../bounded-map.js';

interface Lane {
  tail: Promise<void>;
  pending: number;
}

/** Per-channel serial queues with a minimum spacing between task starts. */
export class ChannelPacer {
  readonly #lanes = new Map<string, Lane>();
  // Kept apart from the lanes, which go away when idle: a task right after an idle lane still waits its turn.
  readonly #lastStart = new BoundedMap<string, number>(10_000);

  constructor(
    readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `task` after the channel's earlier tasks, no sooner than `intervalMs` after the previous one started. */
  run<T>(channel: string, task: () => Promise<T>): Promise<T> {
    let lane = this.#lanes.get(channel);
    if (!lane) {
      lane = { tail: Promise.resolve(), pending: 0 };
      this.#lanes.set(channel, lane);
    }
    const current = lane;
    current.pending += 1;
    const result = current.tail.then(async () => {
      const wait = (this.#lastStart.get(channel) ?? Number.NEGATIVE_INFINITY) + this.intervalMs - this.now();
      if (wait > 0) await sleep(wait);
      this.#lastStart.set(channel, this.now());
      return task();
    });
    current.tail = result.then(
      () => this.#release(channel, current),
      () => this.#release(channel, current),
    );
    return result;
  }

  /** Channels with queued or running tasks. */
  get busyChannels(): number {
    return this.#lanes.size;
  }

  #release(channel: string, lane: Lane): void {
    lane.pending -= 1;
    if (lane.pending === 0 && this.#lanes.get(channel) === lane) this.#lanes.delete(channel);
  }
}
