/**
 * Turns what the Azure SDK throws into `SocbotError`s a SOC analyst (or the admin) can act on. Messages never
 * carry secrets: no tokens, no client secret, no request URLs; the service's own text is scrubbed and shortened.
 */
import { SocbotError } from '../../core/errors.js';
import { isAbortError, isIdentityError, type RestFailure, restFailureOf } from './rest-failure.js';
import { retryAfterMs } from './retry.js';

/** What an error message may mention about the set-up. */
export interface ErrorContext {
  queryName: string;
  workspaceId: string;
  /** The credential without secrets (`client-secret (tenant …, client …)`). */
  credential: string;
  endpointHost: string;
  timeoutSeconds: number;
  /** Values that must never appear in a message (the client secret). */
  secrets: readonly string[];
}

/** Removes anything secret-looking from service or library text, and caps its length. */
export function scrubMessage(text: string, secrets: readonly string[] = [], maxChars = 300): string {
  let clean = text;
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  clean = clean
    .replace(/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]')
    .replace(/(https?:\/\/[^\s?#"']+)[?#][^\s"']*/g, '$1')
    .replace(/(client_secret|client_assertion|access_token|password)=[^&\s]+/gi, '$1=[redacted]')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > maxChars ? `${clean.slice(0, maxChars - 1)}…` : clean;
}

/** Microsoft Entra sign-in errors that have an obvious fix. */
const entraCodes: Record<string, string> = {
  AADSTS7000215: 'the client secret is wrong (use the secret value, not its id)',
  AADSTS7000222: 'the client secret has expired',
  AADSTS700016: 'the client id is not an application in this tenant',
  AADSTS90002: 'the tenant was not found',
  AADSTS900023: 'the tenant id is not valid',
  AADSTS700027: 'the certificate is not registered on the application',
  AADSTS53003: 'a Conditional Access policy blocked the sign-in',
};

const signInHint =
  'Check AZURE_TENANT_ID, AZURE_CLIENT_ID and the secret or certificate (SOCBOT_AZURE_CREDENTIAL says which), ' +
  'then run `socbot doctor`.';

/** A sign-in failure: which credential, the Entra error code and what it means, never the secret. */
export function signInError(error: Error, context: ErrorContext): SocbotError {
  const code = /AADSTS\d+/.exec(error.message)?.[0];
  const meaning = code ? entraCodes[code] : undefined;
  const reason = code ? `${code}${meaning ? `: ${meaning}` : ''}` : scrubMessage(error.message, context.secrets, 200);
  const unavailable = error.name === 'CredentialUnavailableError' || error.name === 'AggregateAuthenticationError';
  return new SocbotError(
    'QueryFailed',
    `Could not sign in to Azure with the ${context.credential} credential: ${unavailable ? 'no usable credential was found' : reason}.`,
    {
      hint: unavailable
        ? 'Set SOCBOT_AZURE_CREDENTIAL (client-secret, certificate or managed-identity) and its variables, or sign in with `az login`; then run `socbot doctor`.'
        : signInHint,
      cause: { name: error.name, code },
    },
  );
}

function serviceText(failure: RestFailure, context: ErrorContext): string {
  const [outer, ...inner] = failure.messages;
  const innermost = inner.at(-1);
  const joined = innermost ? `${outer}: ${innermost}` : (outer ?? '');
  return scrubMessage(joined, context.secrets);
}

function httpError(failure: RestFailure, context: ErrorContext, cause: unknown): SocbotError {
  const { status } = failure;
  const what = `The ${context.queryName} query`;
  const options = (hint: string) => ({ hint, cause });
  if (status === 429) {
    const wait = retryAfterMs(failure.header);
    const after = wait === undefined ? '' : ` (it asked to wait ${Math.ceil(wait / 1000)} s)`;
    return new SocbotError('RateLimited', `Log Analytics is throttling socbot's queries${after}.`, {
      hint: 'Wait a minute and try again; the API allows 5 queries at once and 200 per 30 s per identity.',
      cause,
    });
  }
  if (status === 401) {
    return new SocbotError(
      'QueryFailed',
      `Log Analytics did not accept socbot's sign-in (HTTP 401).`,
      options(
        'Check that AZURE_TENANT_ID is the workspace tenant and that LOG_ANALYTICS_SCOPE matches the cloud of LOG_ANALYTICS_ENDPOINT; run `socbot doctor`.',
      ),
    );
  }
  if (status === 403) {
    return new SocbotError(
      'QueryFailed',
      `The ${context.credential} identity may not read workspace ${context.workspaceId} (HTTP 403).`,
      options('Give the identity the "Log Analytics Reader" role (or "Microsoft Sentinel Reader") on the workspace.'),
    );
  }
  if (status === 404) {
    return new SocbotError(
      'QueryFailed',
      `Log Analytics has no workspace ${context.workspaceId} (HTTP 404).`,
      options('Set LOG_ANALYTICS_WORKSPACE_ID to the Workspace ID (a GUID) on the workspace overview page.'),
    );
  }
  if (status === 408 || status === 504 || /timeout/i.test(failure.code ?? '')) {
    return new SocbotError(
      'Timeout',
      `${what} did not finish within ${context.timeoutSeconds} s on Log Analytics.`,
      options('Try a shorter time window, or raise LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS.'),
    );
  }
  if (status !== undefined && status >= 500) {
    return new SocbotError(
      'QueryFailed',
      `Log Analytics could not answer the ${context.queryName} query (HTTP ${status}).`,
      options('The service had a problem; try again in a minute.'),
    );
  }
  if (status === undefined) {
    return new SocbotError(
      'QueryFailed',
      `Could not reach Log Analytics at ${context.endpointHost} (${failure.code ?? 'network error'}).`,
      options('Check the network, proxy and LOG_ANALYTICS_ENDPOINT; run `socbot doctor`.'),
    );
  }
  return new SocbotError(
    'QueryFailed',
    `${what} was refused by Log Analytics (HTTP ${status}): ${serviceText(failure, context)}`,
    options('This is a socbot bug if it persists; the query text is in the server log at debug level.'),
  );
}

/** Any failure of a query as a `SocbotError`. `deadlinePassed` tells our own timeout from other aborts. */
export function toQueryError(error: unknown, context: ErrorContext, deadlinePassed: boolean): SocbotError {
  if (error instanceof SocbotError) return error;
  if (isIdentityError(error)) return signInError(error, context);
  const failure = restFailureOf(error);
  // The SDK error holds the request (with its Authorization header): only a summary goes on as the cause.
  if (failure) return httpError(failure, context, { name: 'RestError', status: failure.status, code: failure.code });
  if (isAbortError(error) || deadlinePassed) {
    return new SocbotError(
      'Timeout',
      `The ${context.queryName} query did not finish within ${context.timeoutSeconds} s.`,
      { hint: 'Try a shorter time window, or raise LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS.', cause: error },
    );
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new SocbotError(
    'QueryFailed',
    `The ${context.queryName} query failed: ${scrubMessage(message, context.secrets)}`,
    { cause: error },
  );
}
