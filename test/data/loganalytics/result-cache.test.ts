/**
 * The result cache: reuse within the TTL, one load for concurrent callers, failures and rejected values not kept,
 * a bound on entries.
 */
import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../../src/data/loganalytics/result-cache.js';

describe('ResultCache', () => {
  it('reuses a value within its TTL and loads again after it', async () => {
    let now = 0;
    const cache = new ResultCache<number>({ ttlMs: 1000, maxEntries: 10, now: () => now });
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    now = 999;
    expect(await cache.get('k', load)).toBe(1);
    now = 1000;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('shares one load between concurrent callers', async () => {
    const cache = new ResultCache<string>({ ttlMs: 1000, maxEntries: 10 });
    let loads = 0;
    const load = () => new Promise<string>((resolve) => setTimeout(() => resolve(`v${++loads}`), 10));
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual(['v1', 'v1']);
  });

  it('forgets failures and values the keep test rejects', async () => {
    const cache = new ResultCache<string>({ ttlMs: 1000, maxEntries: 10 });
    await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
    await cache.get(
      'p',
      async () => 'partial',
      (v) => v !== 'partial',
    );
    await Promise.resolve();
    expect(await cache.get('p', async () => 'full')).toBe('full');
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new ResultCache<string>({ ttlMs: 1000, maxEntries: 2 });
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('a', async () => 'a2');
    await cache.get('c', async () => 'c1');
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'a3')).toBe('a1');
    expect(await cache.get('b', async () => 'b2')).toBe('b2');
  });

  it('does nothing when the TTL is 0', async () => {
    const cache = new ResultCache<number>({ ttlMs: 0, maxEntries: 10 });
    let loads = 0;
    await cache.get('k', async () => ++loads);
    await cache.get('k', async () => ++loads);
    expect(loads).toBe(2);
  });
});
