/**
 * Reading the failures the Azure SDK throws (RestError from the HTTP pipeline, identity errors from the
 * credential) without importing their classes: only the fields socbot needs, narrowed from `unknown`.
 */

/** What socbot needs of a failed request. */
export interface RestFailure {
  status: number | undefined;
  /** The service's or the network's error code (`ThrottledError`, `ECONNREFUSED`…). */
  code: string | undefined;
  /** The service's messages from outermost to innermost (Log Analytics nests `innererror`s). */
  messages: string[];
  header(name: string): string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The messages of a Log Analytics error body (`{error: {message, innererror: {message, innererror…}}}`). */
function nestedMessages(error: unknown): string[] {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && isRecord(current); depth += 1) {
    const message = text(current.message);
    if (message && !messages.includes(message)) messages.push(message);
    const details = Array.isArray(current.details) ? current.details[0] : undefined;
    current = current.innererror ?? details;
  }
  return messages;
}

/** The failed request inside an SDK error, or undefined when the error is not an HTTP/network failure. */
export function restFailureOf(error: unknown): RestFailure | undefined {
  if (!isRecord(error) || error.name !== 'RestError') return undefined;
  const response = isRecord(error.response) ? error.response : undefined;
  const headers = response && isRecord(response.headers) ? response.headers : undefined;
  const get = headers && typeof headers.get === 'function' ? (headers.get as (name: string) => unknown) : undefined;
  const details = isRecord(error.details) ? error.details.error : undefined;
  const fromBody = nestedMessages(details);
  const own = text(error.message);
  return {
    status: typeof error.statusCode === 'number' ? error.statusCode : undefined,
    code: text(error.code) ?? (isRecord(details) ? text(details.code) : undefined),
    messages: fromBody.length > 0 ? fromBody : own ? [own] : [],
    header: (name) => {
      const value = get?.call(headers, name);
      return typeof value === 'string' ? value : undefined;
    },
  };
}

const identityErrorNames = new Set([
  'AuthenticationError',
  'CredentialUnavailableError',
  'AggregateAuthenticationError',
  'AuthenticationRequiredError',
]);

/** True for the errors `@azure/identity` throws when it cannot get a token. */
export function isIdentityError(error: unknown): error is Error {
  return error instanceof Error && identityErrorNames.has(error.name);
}

/** True when the request was aborted (our deadline or the caller's signal). */
export function isAbortError(error: unknown): boolean {
  return isRecord(error) && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** The messages of an error-info object of a partial result (`partialError`). */
export function errorInfoMessages(info: unknown): string[] {
  return nestedMessages(info);
}

/** The codes in an error-info chain (outermost first), e.g. to spot `E_QUERY_RESULT_SET_TOO_LARGE`. */
export function errorInfoText(info: unknown): string {
  const parts: string[] = [];
  let current: unknown = info;
  for (let depth = 0; depth < 8 && isRecord(current); depth += 1) {
    for (const key of ['code', 'message']) {
      const value = text(current[key]);
      if (value) parts.push(value);
    }
    const details = Array.isArray(current.details) ? current.details[0] : undefined;
    current = current.innererror ?? details;
  }
  return parts.join(' ');
}
