/**
 * Admission control for CPU-heavy work (answering, drawing charts): Node runs it all on one thread, so fifty
 * investigations at once would queue every incoming request behind all of their callbacks, and Slack's 3-second ack
 * would be missed. A few run at a time, the rest wait their turn in order; total throughput is the same.
 */

/** Runs at most `slots` tasks at once, first come first served. */
export class WorkLimiter {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new RangeError('slots must be a positive integer');
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /** Tasks waiting for a slot. */
  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active < this.slots) this.#active += 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task, so a newcomer cannot overtake the queue.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    }
  }
}
