/**
 * Retry decisions: which failures are retried, how long Retry-After asks to wait, and the deadline.
 */
import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryDelayMs, withRetries } from '../../../src/data/loganalytics/retry.js';

const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 };

/** An SDK RestError as the pipeline throws it (only the fields socbot reads). */
function restError(statusCode: number | undefined, headers: Record<string, string> = {}, code?: string) {
  return Object.assign(new Error('failed'), {
    name: 'RestError',
    statusCode,
    code,
    response: { headers: { get: (name: string) => headers[name.toLowerCase()] } },
  });
}

describe('retryAfterMs', () => {
  const header = (values: Record<string, string>) => (name: string) => values[name];
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterMs(header({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(header({ 'retry-after-ms': '150', 'retry-after': '9' }))).toBe(150);
    expect(retryAfterMs(header({ 'x-ms-retry-after-ms': '40' }))).toBe(40);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(header({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(header({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(header({}))).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('retries 429 (honouring Retry-After), 408 and 5xx except 501/505, and transient network errors', () => {
    expect(retryDelayMs(restError(429, { 'retry-after': '3' }), 0, policy)).toBe(3000);
    expect(retryDelayMs(restError(429), 0, policy)).toBeGreaterThanOrEqual(80);
    expect(retryDelayMs(restError(503, { 'retry-after': '1' }), 2, policy)).toBe(1000);
    for (const status of [408, 500, 502, 503, 504]) expect(retryDelayMs(restError(status), 0, policy)).toBeDefined();
    expect(retryDelayMs(restError(undefined, {}, 'ECONNRESET'), 0, policy)).toBeDefined();
  });

  it('does not retry client errors, 501/505, unknown network errors or non-HTTP errors', () => {
    for (const status of [400, 401, 403, 404, 501, 505])
      expect(retryDelayMs(restError(status), 0, policy)).toBeUndefined();
    expect(retryDelayMs(restError(undefined, {}, 'ENOTFOUND'), 0, policy)).toBeUndefined();
    expect(retryDelayMs(new Error('bug'), 0, policy)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(retryDelayMs(restError(500), 1, policy)).toBeGreaterThanOrEqual(160);
    expect(retryDelayMs(restError(500), 1, policy)).toBeLessThanOrEqual(240);
    expect(retryDelayMs(restError(500), 10, policy)).toBeLessThanOrEqual(1200);
  });
});

describe('withRetries', () => {
  it('retries until success, at most maxRetries times', async () => {
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls += 1;
        if (calls < 3) throw restError(500);
        return 'ok';
      },
      { policy: { ...policy, baseDelayMs: 1 }, deadline: Date.now() + 5000 },
    );
    expect(result).toBe('ok');
    calls = 0;
    await expect(
      withRetries(
        async () => {
          calls += 1;
          throw restError(500);
        },
        { policy: { ...policy, baseDelayMs: 1 }, deadline: Date.now() + 5000 },
      ),
    ).rejects.toThrow('failed');
    expect(calls).toBe(4);
  });

  it('fails at once when the wait would pass the deadline', async () => {
    let calls = 0;
    const started = Date.now();
    await expect(
      withRetries(
        async () => {
          calls += 1;
          throw restError(429, { 'retry-after': '30' });
        },
        { policy, deadline: Date.now() + 1000 },
      ),
    ).rejects.toThrow('failed');
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
