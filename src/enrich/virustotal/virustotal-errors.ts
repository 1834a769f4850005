/**
 * VirusTotal failures as `SocbotError`s an analyst or admin can act on. The API key never appears: auth errors
 * name the variable, not its value, and any text from the service is scrubbed of the key and shortened.
 */
import { SocbotError } from '../../core/errors.js';

const keyVariable = 'VIRUSTOTAL_API_KEY';

/** Text from the service or a library, without the key, on one line, at most `max` characters. */
export function scrubbed(text: string, apiKey: string, max = 200): string {
  let clean = apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
  clean = clean.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** 401/403: the key is missing, wrong, or its account cannot use the API. */
export function keyRefused(status: number, code: string | undefined): SocbotError {
  const why = code ? ` ${code}` : '';
  return new SocbotError('QueryFailed', `VirusTotal refused socbot's API key (HTTP ${status}${why}).`, {
    hint: `Check ${keyVariable}: copy the key from your VirusTotal profile (API key), and make sure the account is activated.`,
  });
}

/** 429 after the retries: the minute, day or month quota is used up. */
export function quotaExceeded(code: string | undefined, retries: number): SocbotError {
  const tried = retries > 0 ? `, still after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
  return new SocbotError(
    'RateLimited',
    `VirusTotal's quota is used up (HTTP 429 ${code ?? 'QuotaExceededError'}${tried}).`,
    {
      hint: 'The free API allows 4 lookups a minute and 500 a day (the daily quota resets at 00:00 UTC). Try again later, or lower VIRUSTOTAL_REQUESTS_PER_MINUTE.',
    },
  );
}

/** No answer within the per-request timeout. */
export function timedOut(seconds: number): SocbotError {
  return new SocbotError('Timeout', `VirusTotal did not answer within ${seconds} s.`, {
    hint: 'Try again in a moment; raise VIRUSTOTAL_TIMEOUT_SECONDS if it keeps happening.',
  });
}

/** The request never got an HTTP answer (DNS, refused connection, TLS…). */
export function unreachable(error: unknown, apiKey: string): SocbotError {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : undefined;
  const text = code ?? (cause instanceof Error ? scrubbed(cause.message, apiKey, 120) : 'network error');
  return new SocbotError('QueryFailed', `VirusTotal could not be reached (${text}).`, {
    hint: 'Check that socbot can reach www.virustotal.com (proxy, firewall), or VIRUSTOTAL_URL.',
    cause: { name: cause instanceof Error ? cause.name : 'Error', code },
  });
}

/** Any other HTTP failure, with the service's error code and scrubbed message. */
export function httpFailure(status: number, code: string | undefined, message: string, apiKey: string): SocbotError {
  const said = message ? `: ${scrubbed(message, apiKey)}` : '';
  const transient = status >= 500;
  return new SocbotError('QueryFailed', `VirusTotal answered HTTP ${status}${code ? ` ${code}` : ''}${said}.`, {
    hint: transient
      ? 'VirusTotal is having trouble; try again in a minute.'
      : 'The observable may not be valid for VirusTotal.',
  });
}

/** A 200 whose body is not a VirusTotal object. */
export function badBody(): SocbotError {
  return new SocbotError('QueryFailed', 'VirusTotal answered with something that is not a v3 object.', {
    hint: 'Check VIRUSTOTAL_URL: it must be the API v3 base (https://www.virustotal.com/api/v3).',
  });
}
