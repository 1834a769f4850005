/**
 * Connector retries: what is retried, how long it waits (Retry-After first), and when it gives up.
 */
import { HttpError } from '@microsoft/agents-hosting';
import { describe, expect, it } from 'vitest';
import {
  connectorStatusOf,
  defaultRetryOptions,
  isRetryable,
  type RetryOptions,
  retryAfterMsOf,
  retryDelayMs,
  withConnectorRetry,
} from '../../../src/channels/teams/connector-retry.js';

/** The error the Agents SDK's HttpClient throws for a non-2xx answer. */
function httpError(status: number, headers: Record<string, string> = {}): HttpError {
  const config = { method: 'post', url: 'v3/conversations/c/activities' };
  return new HttpError(
    `Request failed with status ${status}`,
    { data: {}, status, statusText: '', headers: new Headers(headers), config },
    config,
  );
}

function options(overrides: Partial<RetryOptions> = {}): RetryOptions & { waits: number[] } {
  const waits: number[] = [];
  return {
    ...defaultRetryOptions,
    random: () => 0.5,
    now: () => Date.parse('2026-11-26T10:00:00Z'),
    sleep: async (ms) => void waits.push(ms),
    waits,
    ...overrides,
  };
}

describe('connector errors', () => {
  it('retries throttling, server failures and network failures only', () => {
    expect(isRetryable(httpError(429))).toBe(true);
    expect(isRetryable(httpError(502))).toBe(true);
    expect(isRetryable(new TypeError('fetch failed'))).toBe(true);
    for (const status of [400, 401, 403, 404, 413]) expect(isRetryable(httpError(status))).toBe(false);
    expect(isRetryable(new Error('bug'))).toBe(false);
    expect(connectorStatusOf(httpError(503))).toBe(503);
    expect(connectorStatusOf(new Error('x'))).toBeUndefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(retryAfterMsOf(httpError(429, { 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMsOf(httpError(429, { 'retry-after': 'Thu, 26 Nov 2026 10:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMsOf(httpError(429, { 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMsOf(httpError(429), now)).toBeUndefined();
  });

  it('waits what Retry-After says (capped), else backs off exponentially with jitter', () => {
    const o = options();
    expect(retryDelayMs(httpError(429, { 'retry-after': '2' }), 1, o)).toBe(2000);
    expect(retryDelayMs(httpError(429, { 'retry-after': '3600' }), 1, o)).toBe(o.maxRetryAfterMs);
    expect([1, 2, 3, 6].map((attempt) => retryDelayMs(httpError(503), attempt, o))).toEqual([375, 750, 1500, 7500]);
  });
});

describe('withConnectorRetry', () => {
  it('retries until the connector accepts', async () => {
    const o = options();
    const answers = [httpError(429, { 'retry-after': '1' }), httpError(503)];
    const result = await withConnectorRetry(async () => {
      const failure = answers.shift();
      if (failure) throw failure;
      return { id: 'activity-1' };
    }, o);
    expect(result).toEqual({ id: 'activity-1' });
    expect(o.waits).toEqual([1000, 750]);
  });

  it('gives up at once on a permanent failure, and after the last attempt on a transient one', async () => {
    const o = options({ attempts: 3 });
    await expect(withConnectorRetry(async () => Promise.reject(httpError(403)), o)).rejects.toMatchObject({
      status: 403,
    });
    expect(o.waits).toEqual([]);
    let calls = 0;
    await expect(
      withConnectorRetry(async () => {
        calls += 1;
        throw httpError(500);
      }, o),
    ).rejects.toMatchObject({ status: 500 });
    expect(calls).toBe(3);
  });
});
