/**
 * The per-identity budget: at most N queries at once and M per window, FIFO, abortable while queued, bounded.
 */
import { describe, expect, it } from 'vitest';
import { isSocbotError } from '../../../src/core/errors.js';
import { QueryLimiter, sharedLimiter } from '../../../src/data/loganalytics/query-limiter.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('QueryLimiter', () => {
  it('runs at most maxConcurrent tasks at once, in arrival order', async () => {
    const limiter = new QueryLimiter({ maxConcurrent: 2, maxPerWindow: 100, windowMs: 30_000 });
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        limiter.run(async () => {
          started.push(i);
          running += 1;
          most = Math.max(most, running);
          await sleep(10);
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(limiter.load).toEqual({ running: 0, queued: 0 });
  });

  it('starts at most maxPerWindow tasks per sliding window, then waits for the window to free one', async () => {
    const limiter = new QueryLimiter({ maxConcurrent: 5, maxPerWindow: 3, windowMs: 150 });
    const begin = Date.now();
    const startedAt: number[] = [];
    await Promise.all([0, 1, 2, 3].map(() => limiter.run(async () => void startedAt.push(Date.now() - begin))));
    expect(startedAt.slice(0, 3).every((t) => t < 50)).toBe(true);
    expect(startedAt[3]).toBeGreaterThanOrEqual(140);
  });

  it('drops an aborted waiter from the queue without using a slot', async () => {
    const limiter = new QueryLimiter({ maxConcurrent: 1, maxPerWindow: 100, windowMs: 30_000 });
    const release = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    expect(limiter.load).toEqual({ running: 1, queued: 1 });
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    expect(limiter.load.queued).toBe(0);
    release();
    release(); // a second release is ignored
    expect(limiter.load.running).toBe(0);
  });

  it('refuses callers beyond the queue bound with RateLimited', async () => {
    const limiter = new QueryLimiter({ maxConcurrent: 1, maxPerWindow: 100, windowMs: 30_000, maxQueued: 1 });
    const release = await limiter.acquire();
    const queued = limiter.acquire();
    const refused = await limiter.acquire().catch((e: unknown) => e);
    expect(isSocbotError(refused) && refused.code).toBe('RateLimited');
    release();
    (await queued)();
  });

  it('is shared per identity', () => {
    const options = { maxConcurrent: 5, maxPerWindow: 200, windowMs: 30_000 };
    expect(sharedLimiter('id-a', options)).toBe(sharedLimiter('id-a', options));
    expect(sharedLimiter('id-a', options)).not.toBe(sharedLimiter('id-b', options));
  });
});
