/**
 * The VirusTotal threat-intel provider: every request (retries included) waits its turn in the rate limiter; a
 * 429 holds the whole queue for the time VirusTotal asked (or a default) and is retried a bounded number of times,
 * then reported as `RateLimited`; a 5xx is retried once. 404 is an answer: "not known to VirusTotal".
 */
import type { Logger } from '../../logger.js';
import type { RequestRateLimiter } from '../rate-limiter.js';
import type { ThreatIntelProvider } from '../threat-intel.js';
import type { VirusTotalClient } from './virustotal-client.js';
import { quotaExceeded } from './virustotal-errors.js';
import { notFoundResult, objectResult, virusTotalName } from './virustotal-response.js';

export interface VirusTotalProviderOptions {
  client: VirusTotalClient;
  limiter: RequestRateLimiter;
  /** Retries after a 429 before giving up with `RateLimited`. */
  maxRateLimitRetries?: number;
  /** Wait after a 429 that has no `Retry-After`. */
  defaultRetryWaitMs?: number;
  /** Longest wait honoured from `Retry-After` (a day-quota answer may ask for hours). */
  maxRetryWaitMs?: number;
  now?: () => Date;
  log?: Logger;
}

/** 5xx answers retried once, after this pause. */
const transientRetryWaitMs = 2_000;

/** VirusTotal behind a rate limiter, with bounded retries. */
export function createVirusTotalProvider(options: VirusTotalProviderOptions): ThreatIntelProvider {
  const now = options.now ?? (() => new Date());
  const maxRetries = options.maxRateLimitRetries ?? 2;
  const defaultWait = options.defaultRetryWaitMs ?? 20_000;
  const maxWait = options.maxRetryWaitMs ?? 60_000;
  return {
    name: virusTotalName,
    async lookup(value, type, lookupOptions = {}) {
      const { signal, maxWaitMs } = lookupOptions;
      let rateLimited = 0;
      let transient = 0;
      for (;;) {
        await options.limiter.acquire(signal, maxWaitMs);
        const outcome = await options.client.getObject(value, type, signal);
        const lookup = { value, type, checkedAt: now() };
        switch (outcome.kind) {
          case 'found':
            return objectResult(outcome.object, lookup);
          case 'not-found':
            return notFoundResult(lookup);
          case 'rate-limited': {
            if (rateLimited >= maxRetries) throw quotaExceeded(outcome.code, rateLimited);
            rateLimited += 1;
            const wait = Math.min(outcome.retryAfterMs ?? defaultWait, maxWait);
            options.log?.info(
              { provider: virusTotalName, waitMs: wait, retry: rateLimited },
              'threat intel over quota',
            );
            options.limiter.holdFor(wait);
            break;
          }
          case 'unavailable':
            if (transient >= 1) throw outcome.error;
            transient += 1;
            options.limiter.holdFor(transientRetryWaitMs);
            break;
        }
      }
    },
  };
}
