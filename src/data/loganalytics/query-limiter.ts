/**
 * A per-identity budget for Log Analytics: at most N queries at once and M started per sliding window (the API
 * allows 5 concurrent and 200 per 30 s per user). Callers wait in one FIFO queue, so a burst from one busy
 * channel is served in turn instead of drawing 429s that would throttle every channel sharing the identity.
 */
import { SocbotError } from '../../core/errors.js';

export interface LimiterOptions {
  maxConcurrent: number;
  maxPerWindow: number;
  windowMs: number;
  /** Callers allowed to wait; more are refused at once with `RateLimited`. */
  maxQueued?: number;
  now?: () => number;
}

interface Waiter {
  start: (release: () => void) => void;
}

/** A concurrency and rate limit with a FIFO queue. */
export class QueryLimiter {
  private running = 0;
  private readonly starts: number[] = [];
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: LimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Queries running now and waiting now (for health output and tests). */
  get load(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  /**
   * Waits for a slot and resolves with its release function (call it exactly once when the query is done).
   * An aborted signal removes the caller from the queue and rejects with the signal's reason.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.queue.length >= (this.options.maxQueued ?? 1000)) {
      return Promise.reject(
        new SocbotError('RateLimited', 'Too many Log Analytics queries are waiting.', {
          hint: 'Wait a minute and try again.',
        }),
      );
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        start: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Runs `task` inside a slot. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  private pruneStarts(now: number): void {
    while (this.starts.length > 0 && this.starts[0]! <= now - this.options.windowMs) this.starts.shift();
  }

  /** Starts as many waiters as the budget allows, and wakes up later when the window frees a start. */
  private pump(): void {
    const now = this.now();
    this.pruneStarts(now);
    while (
      this.queue.length > 0 &&
      this.running < this.options.maxConcurrent &&
      this.starts.length < this.options.maxPerWindow
    ) {
      const waiter = this.queue.shift()!;
      this.running += 1;
      this.starts.push(now);
      let released = false;
      waiter.start(() => {
        if (released) return;
        released = true;
        this.running -= 1;
        this.pump();
      });
    }
    if (this.queue.length > 0 && this.starts.length >= this.options.maxPerWindow && !this.timer) {
      const wait = Math.max(1, this.starts[0]! + this.options.windowMs - now);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
    }
  }
}

const shared = new Map<string, QueryLimiter>();

/** The limiter of one identity, shared by every provider in the process that signs in as it. */
export function sharedLimiter(identity: string, options: LimiterOptions): QueryLimiter {
  let limiter = shared.get(identity);
  if (!limiter) {
    limiter = new QueryLimiter(options);
    shared.set(identity, limiter);
  }
  return limiter;
}
