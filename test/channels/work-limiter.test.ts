/**
 * The limiter that keeps CPU-heavy work (answers, drawings) from starving acknowledgements, in every channel.
 */
import { describe, expect, it } from 'vitest';
import { WorkLimiter } from '../../src/channels/work-limiter.js';

describe('WorkLimiter', () => {
  it('runs at most `slots` tasks at once, in arrival order, and frees the slot of a failed task', async () => {
    const limiter = new WorkLimiter(2);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const task = (n: number) => async () => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (n === 1) throw new Error('step failed');
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => limiter.run(task(n))));
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(limiter.active).toBe(0);
    expect(limiter.waiting).toBe(0);
  });
});
