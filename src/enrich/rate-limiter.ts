/**
 * A request budget per sliding minute (VirusTotal's free tier: 4 lookups a minute), with one FIFO queue: callers
 * are served first come, first served, and the queue sleeps until the oldest request leaves the window — no busy
 * loop. A 429 can hold the whole queue for the time the service asked (`holdFor`). Clock and sleep are injected,
 * so tests check the spacing without waiting minutes.
 */
import { SocbotError } from '../core/errors.js';

/** Milliseconds a request counts against the budget. */
export const rateWindowMs = 60_000;

export interface RateLimiterOptions {
  /** Requests allowed in any sliding minute. */
  perMinute: number;
  /** Whose limit it is, for messages (`VirusTotal's`). */
  owner?: string;
  /** Callers allowed to wait; more are refused at once with `RateLimited`. */
  maxQueued?: number;
  now?: () => number;
  /** Resolves after `ms`; the default timer does not keep the process alive. */
  sleep?: (ms: number) => Promise<void>;
}

interface Waiter {
  grant: () => void;
}

/** The caller would wait longer than it allowed: it was not queued (nothing was sent). */
export class RateBudgetBusy extends SocbotError {
  constructor(
    readonly waitMs: number,
    whose = 'The',
    perMinute?: number,
  ) {
    const budget = perMinute === undefined ? '' : ` (${perMinute} a minute)`;
    const seconds = Math.ceil(waitMs / 1000);
    super('RateLimited', `${whose} rate limit${budget} is in use: the next lookup could start in ${seconds} s.`, {
      hint: 'Try again then.',
    });
  }
}

function unrefSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** A sliding-window request budget with a FIFO queue. */
export class RequestRateLimiter {
  private readonly granted: number[] = [];
  private readonly queue: Waiter[] = [];
  private heldUntil = 0;
  private pumping = false;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: RateLimiterOptions) {
    if (!(options.perMinute >= 1)) throw new RangeError('perMinute must be at least 1');
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? unrefSleep;
  }

  /** Callers waiting now. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * Resolves when the caller may send one request (which then counts for a minute). An aborted signal takes the
   * caller out of the queue and rejects with the signal's reason; a caller whose turn would come later than
   * `maxWaitMs` is refused at once with `RateBudgetBusy`.
   */
  acquire(signal?: AbortSignal, maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const wait = this.waitForNewCallerMs();
    if (wait > maxWaitMs) return Promise.reject(new RateBudgetBusy(wait, this.options.owner, this.options.perMinute));
    if (this.queue.length >= (this.options.maxQueued ?? 100)) {
      return Promise.reject(
        new SocbotError('RateLimited', 'Too many threat-intel lookups are waiting for the rate limit.', {
          hint: 'Wait a minute and try again.',
        }),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /** Holds every request for `ms` (the service said it is over quota), on top of the sliding window. */
  holdFor(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.now() + Math.max(0, ms));
  }

  /** When the next request could start, as milliseconds from now (0 = at once), ignoring the queue. */
  nextSlotInMs(): number {
    return Math.max(0, this.nextSlotAt(this.now()) - this.now());
  }

  /** How long a caller arriving now would wait: behind everyone queued, each taking the next free slot. */
  waitForNewCallerMs(): number {
    const now = this.now();
    this.nextSlotAt(now);
    const { perMinute } = this.options;
    const times = [...this.granted];
    let at = now;
    for (let i = 0; i <= this.queue.length; i++) {
      const windowFree = times.length < perMinute ? now : times[times.length - perMinute]! + rateWindowMs;
      at = Math.max(now, windowFree, this.heldUntil);
      times.push(at);
    }
    return at - now;
  }

  private nextSlotAt(now: number): number {
    while (this.granted.length > 0 && this.granted[0]! <= now - rateWindowMs) this.granted.shift();
    const windowFree = this.granted.length < this.options.perMinute ? now : this.granted[0]! + rateWindowMs;
    return Math.max(windowFree, this.heldUntil);
  }

  /** One loop serves the queue in order and sleeps until the next slot; it ends when the queue is empty. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const now = this.now();
        const at = this.nextSlotAt(now);
        if (at > now) {
          await this.sleep(at - now);
          continue;
        }
        this.granted.push(now);
        this.queue.shift()?.grant();
      }
    } finally {
      this.pumping = false;
    }
  }
}
