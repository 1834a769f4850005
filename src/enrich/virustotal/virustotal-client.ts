/**
 * One VirusTotal API v3 request on global `fetch`: `GET {base}/{collection}/{id}` with the `x-apikey` header and a
 * per-request timeout. The answer is classified (found, not found, over quota, briefly unavailable); everything
 * the user must fix throws a `SocbotError`. Retrying and pacing are the provider's job, not this one's.
 */
import { isSocbotError, type SocbotError } from '../../core/errors.js';
import { retryAfterHeaderMs } from '../../core/retry-after.js';
import type { ThreatIntelType } from '../threat-intel.js';
import { badBody, httpFailure, keyRefused, timedOut, unreachable } from './virustotal-errors.js';
import { objectPath } from './virustotal-objects.js';
import { parseObjectBody, type VirusTotalObject } from './virustotal-response.js';

export interface VirusTotalClientOptions {
  apiKey: string;
  /** The API v3 base, e.g. `https://www.virustotal.com/api/v3`. */
  baseUrl: string;
  timeoutMs: number;
  /** Injected for tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
}

/** How one request went. */
export type VirusTotalOutcome =
  | { kind: 'found'; object: VirusTotalObject }
  | { kind: 'not-found' }
  /** 429: over the minute/day quota; `retryAfterMs` when the service said how long to wait. */
  | { kind: 'rate-limited'; code: string | undefined; retryAfterMs: number | undefined }
  /** 5xx: worth one retry; `error` is what to throw if the retry fails too. */
  | { kind: 'unavailable'; error: SocbotError };

/** A VirusTotal API v3 client. */
export interface VirusTotalClient {
  getObject(value: string, type: ThreatIntelType, signal?: AbortSignal): Promise<VirusTotalOutcome>;
}

/** The `{ error: { code, message } }` of a failed answer, when it has one. */
async function errorOf(response: Response): Promise<{ code: string | undefined; message: string }> {
  try {
    const body: unknown = await response.json();
    const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
    if (typeof error !== 'object' || error === null) return { code: undefined, message: '' };
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
    return { code, message };
  } catch {
    return { code: undefined, message: '' };
  }
}

/** Creates the client; the key is only ever put in the `x-apikey` header. */
export function createVirusTotalClient(options: VirusTotalClientOptions): VirusTotalClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutSeconds = Math.round(options.timeoutMs / 100) / 10;

  async function classify(response: Response): Promise<VirusTotalOutcome> {
    if (response.status === 200) {
      const object = parseObjectBody(await response.json().catch(() => null));
      if (!object) throw badBody();
      return { kind: 'found', object };
    }
    const { code, message } = await errorOf(response);
    if (response.status === 404) return { kind: 'not-found' };
    if (response.status === 401 || response.status === 403) throw keyRefused(response.status, code);
    if (response.status === 429) {
      return { kind: 'rate-limited', code, retryAfterMs: retryAfterHeaderMs(response.headers.get('retry-after')) };
    }
    const error = httpFailure(response.status, code, message, options.apiKey);
    if (response.status >= 500) return { kind: 'unavailable', error };
    throw error;
  }

  return {
    async getObject(value, type, signal) {
      signal?.throwIfAborted();
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      try {
        const response = await doFetch(`${base}${objectPath(value, type)}`, {
          headers: { 'x-apikey': options.apiKey, accept: 'application/json' },
          signal: combined,
        });
        return await classify(response);
      } catch (error) {
        // The caller gave up: say so with its own reason, not as a VirusTotal failure.
        if (signal?.aborted) throw signal.reason;
        if (timeout.aborted) throw timedOut(timeoutSeconds);
        if (isSocbotError(error)) throw error;
        throw unreachable(error, options.apiKey);
      }
    },
  };
}
