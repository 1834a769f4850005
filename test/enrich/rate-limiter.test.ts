/**
 * The threat-intel rate limiter on an injected clock: at most N requests in any sliding minute, first come first
 * served, sleeping (never spinning) until the window frees a slot; a 429 hold delays everyone; aborts leave the queue.
 */
import { describe, expect, it } from 'vitest';
import { RateBudgetBusy, RequestRateLimiter } from '../../src/enrich/rate-limiter.js';

/** A clock that only moves when the limiter sleeps, recording each sleep. */
function fakeClock() {
  const clock = { at: 0, sleeps: [] as number[] };
  const now = () => clock.at;
  const sleep = async (ms: number) => {
    clock.sleeps.push(ms);
    // Let the callers granted so far see the time of their grant before the clock moves on.
    await new Promise((resolve) => setImmediate(resolve));
    clock.at += ms;
  };
  return { clock, now, sleep };
}

describe('RequestRateLimiter', () => {
  it('grants the per-minute budget at once, then one slot each time the oldest request leaves the window', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RequestRateLimiter({ perMinute: 4, now, sleep });
    const grantedAt: number[] = [];
    await Promise.all(Array.from({ length: 9 }, () => limiter.acquire().then(() => grantedAt.push(clock.at))));
    expect(grantedAt).toEqual([0, 0, 0, 0, 60_000, 60_000, 60_000, 60_000, 120_000]);
    // Two sleeps for two windows: the queue waits, it does not poll.
    expect(clock.sleeps).toEqual([60_000, 60_000]);
    for (let i = 4; i < grantedAt.length; i++) expect(grantedAt[i]! - grantedAt[i - 4]!).toBeGreaterThanOrEqual(60_000);
  });

  it('serves callers first come, first served', async () => {
    const { now, sleep } = fakeClock();
    const limiter = new RequestRateLimiter({ perMinute: 1, now, sleep });
    const order: string[] = [];
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => limiter.acquire().then(() => order.push(name))));
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('holds every request for the time a 429 asked, on top of the window', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RequestRateLimiter({ perMinute: 4, now, sleep });
    await limiter.acquire();
    limiter.holdFor(7_000);
    expect(limiter.nextSlotInMs()).toBe(7_000);
    await limiter.acquire();
    expect(clock.at).toBe(7_000);
  });

  it('an aborted caller leaves the queue with its reason; the others keep their turn', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RequestRateLimiter({ perMinute: 1, now, sleep });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    await next;
    expect(clock.at).toBe(60_000);
    expect(limiter.queued).toBe(0);
    await expect(limiter.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('refuses at once, without queueing, a caller whose turn would come later than it allows', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RequestRateLimiter({ perMinute: 2, owner: "VirusTotal's", now, sleep });
    await limiter.acquire();
    clock.at = 10_000;
    await limiter.acquire();
    expect(limiter.waitForNewCallerMs()).toBe(50_000);
    const refused = await limiter.acquire(undefined, 30_000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateBudgetBusy);
    expect(refused).toMatchObject({
      code: 'RateLimited',
      waitMs: 50_000,
      message: "VirusTotal's rate limit (2 a minute) is in use: the next lookup could start in 50 s.",
    });
    expect(limiter.queued).toBe(0);
    // Behind one queued caller, the next waits for the second slot to free (at 70 s).
    const first = limiter.acquire(undefined, 60_000);
    expect(limiter.waitForNewCallerMs()).toBe(60_000);
    limiter.holdFor(65_000);
    expect(limiter.waitForNewCallerMs()).toBe(65_000);
    await first;
    expect(clock.at).toBe(75_000);
  });

  it('refuses callers beyond the queue bound with RateLimited', async () => {
    const limiter = new RequestRateLimiter({ perMinute: 1, maxQueued: 1, sleep: () => new Promise(() => {}) });
    await limiter.acquire();
    void limiter.acquire();
    await expect(limiter.acquire()).rejects.toMatchObject({ code: 'RateLimited' });
  });

  it('needs a budget of at least one request', () => {
    expect(() => new RequestRateLimiter({ perMinute: 0 })).toThrow(RangeError);
  });
});
