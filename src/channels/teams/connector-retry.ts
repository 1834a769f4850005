/**
 * Retries of Bot Connector calls: 429 (throttled) and 5xx answers and network failures are retried with
 * exponential backoff; a `Retry-After` from the connector is honoured instead. Other failures (400, 401, 403,
 * 404, 413) would fail again, so they are not retried.
 */
import { z } from 'zod';
import { retryAfterHeaderMs } from '../../core/retry-after.js';

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest `Retry-After` waited for; longer ones are capped (the message still goes out, later). */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  onRetry?: (retry: { attempt: number; status?: number; delayMs: number }) => void;
}

export const defaultRetryOptions: RetryOptions = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

// The SDK's HttpError carries `status` and the fetch `Response` headers.
const httpErrorSchema = z.looseObject({
  status: z.number(),
  response: z.looseObject({ headers: z.instanceof(Headers).optional() }).optional(),
});

/** The HTTP status of a failed connector call, if the connector answered at all. */
export function connectorStatusOf(error: unknown): number | undefined {
  const parsed = httpErrorSchema.safeParse(error);
  return parsed.success ? parsed.data.status : undefined;
}

/** `Retry-After` in milliseconds (delta-seconds or an HTTP date), if the failed call carried one. */
export function retryAfterMsOf(error: unknown, nowMs: number): number | undefined {
  const parsed = httpErrorSchema.safeParse(error);
  return retryAfterHeaderMs(parsed.success ? parsed.data.response?.headers?.get('retry-after') : undefined, nowMs);
}

/** Worth another try: throttled, a server failure, or no answer (connection refused or reset). */
export function isRetryable(error: unknown): boolean {
  const status = connectorStatusOf(error);
  if (status === undefined) return error instanceof TypeError; // fetch reports network failures as TypeError
  return status === 429 || status >= 500;
}

/** The wait before retry `attempt` (1-based): the connector's Retry-After, else backoff with jitter. */
export function retryDelayMs(error: unknown, attempt: number, options: RetryOptions): number {
  const retryAfter = retryAfterMsOf(error, options.now());
  if (retryAfter !== undefined) return Math.min(retryAfter, options.maxRetryAfterMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  // Half fixed, half random: spreads retries of many threads throttled at once.
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

/** Calls `send` until it succeeds, fails for good, or the attempts run out (then the last error is thrown). */
export async function withConnectorRetry<T>(send: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= options.attempts || !isRetryable(error)) throw error;
      const delayMs = retryDelayMs(error, attempt, options);
      const status = connectorStatusOf(error);
      options.onRetry?.({ attempt, delayMs, ...(status !== undefined ? { status } : {}) });
      await options.sleep(delayMs);
    }
  }
}
