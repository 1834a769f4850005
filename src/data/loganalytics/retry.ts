/**
 * Retries for Log Analytics requests: 429 and 5xx (and network failures) are tried again with exponential
 * backoff, honouring Retry-After, within the query's deadline. The SDK's own retry policy is switched off
 * (`maxRetries: 0`) so every attempt passes through socbot's rate limiter and its deadline.
 */

import { retryAfterHeaderMs } from '../../core/retry-after.js';
import { restFailureOf } from './rest-failure.js';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Defaults: 3 retries, 0.5 s doubling to at most 8 s (LA's throttling windows are 30 s; Retry-After wins). */
export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

const transientNetworkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
]);

/** The wait a server asked for, in ms: `retry-after-ms`, `x-ms-retry-after-ms`, or `Retry-After` (s or date). */
export function retryAfterMs(header: (name: string) => string | undefined, now = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(header(name));
    if (header(name) !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  }
  return retryAfterHeaderMs(header('retry-after'), now);
}

function backoffMs(attempt: number, policy: RetryPolicy): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // ±20 % jitter so callers throttled together do not come back together.
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

/** How long to wait before retrying after `error`, or undefined when it is not worth retrying. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy): number | undefined {
  const failure = restFailureOf(error);
  if (!failure) return undefined;
  const { status } = failure;
  if (status === undefined) {
    return failure.code && transientNetworkCodes.has(failure.code) ? backoffMs(attempt, policy) : undefined;
  }
  const retryable = status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
  if (!retryable) return undefined;
  return retryAfterMs(failure.header) ?? backoffMs(attempt, policy);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryContext {
  policy: RetryPolicy;
  /** Epoch ms after which no retry starts (a wait that would end later fails now). */
  deadline: number;
  signal?: AbortSignal;
  /** Hears each retry, e.g. for logs. */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/** Runs `attempt` until it succeeds, a failure is not retryable, retries run out or the deadline would pass. */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, context: RetryContext): Promise<T> {
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n);
    } catch (error) {
      const delay = n < context.policy.maxRetries ? retryDelayMs(error, n, context.policy) : undefined;
      if (delay === undefined || Date.now() + delay >= context.deadline) throw error;
      context.onRetry?.(n + 1, delay, error);
      await sleep(delay, context.signal);
    }
  }
}
