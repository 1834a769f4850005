/**
 * The Azure Log Analytics data provider: runs the named queries of `queries/loganalytics/*.kql` on a Sentinel
 * workspace and returns the same rows as the local provider. Parameters become KQL literals through one function;
 * every query has a server timeout and a client deadline, is retried on 429/5xx within it, waits its turn in the
 * identity's budget, and is cached for a few minutes so buttons and follow-ups do not query again.
 */
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import {
  type LogsQueryClient,
  type LogsQueryResult,
  LogsQueryResultStatus,
  type QueryTimeInterval,
} from '@azure/monitor-query-logs';
import { SocbotError } from '../../core/errors.js';
import type { Logger } from '../../logger.js';
import { type QueryName, type QueryParams, type QueryRow, queryCatalog, validateParams } from '../catalog.js';
import { type DataProvider, defaultRowLimit, type QueryResult, type RunOptions } from '../provider.js';
import { createAzureCredential, describeCredential, identityKey } from './azure-credential.js';
import { type KqlQueryTexts, loadKqlQueries, renderNamedQuery } from './kql-queries.js';
import { type LogAnalyticsConfig, logAnalyticsConfigProblems, queryEndpoint } from './loganalytics-config.js';
import { createLogsClient, type ExtraPolicies } from './logs-client.js';
import { tableToRows } from './map-rows.js';
import { captureHeader, createPartialErrorCapture, type PartialErrorCapture } from './partial-error-capture.js';
import { type ErrorContext, scrubMessage, toQueryError } from './query-errors.js';
import { type QueryLimiter, sharedLimiter } from './query-limiter.js';
import { errorInfoMessages, errorInfoText } from './rest-failure.js';
import { ResultCache } from './result-cache.js';
import { defaultRetryPolicy, type RetryPolicy, withRetries } from './retry.js';

/** The API's own cap on rows per query. */
export const apiRowCap = 500_000;
const dayMs = 86_400_000;

export interface LogAnalyticsProviderOptions {
  /** Defaults to the credential the configuration names. */
  credential?: TokenCredential;
  /** Extra SDK pipeline policies (tests: the loopback redirect). */
  policies?: ExtraPolicies;
  retry?: Partial<RetryPolicy>;
  /** Defaults to the limiter shared by every provider of the same identity in this process. */
  limiter?: QueryLimiter;
  log?: Logger;
}

/** The outer time bound sent with a query: its own window padded (lookbacks such as the parent's 2 h fit in). */
export function queryTimespan(params: Record<string, unknown>): QueryTimeInterval {
  const { start, end } = params;
  if (start instanceof Date && end instanceof Date) {
    return { startTime: new Date(start.getTime() - dayMs), endTime: new Date(end.getTime() + 60_000) };
  }
  // get_alert has no window (msticpy's neither): as far back as any retention goes.
  return { duration: 'P3650D' };
}

/** A stable cache key: query, row limit and parameters in key order (dates as ISO text). */
function cacheKey(name: QueryName, params: Record<string, unknown>, limit: number): string {
  const sorted = Object.keys(params)
    .sort()
    .map((key) => [key, params[key] instanceof Date ? (params[key] as Date).toISOString() : params[key]]);
  return `${name}|${limit}|${JSON.stringify(sorted)}`;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A copy callers may change without touching the cached result. */
function copyResult<Q extends QueryName>(result: QueryResult<Q>): QueryResult<Q> {
  return { rows: result.rows.map((row) => ({ ...row })), truncated: result.truncated, warnings: [...result.warnings] };
}

const truncationWarning = (limit: number) =>
  `Only the first ${limit} rows are shown; narrow the time window to see all.`;

/** Rows, truncation and warnings of a Log Analytics answer. */
export function resultOf<Q extends QueryName>(
  name: Q,
  answer: LogsQueryResult,
  limit: number,
  context: { secrets: readonly string[]; rawError?: unknown },
): QueryResult<Q> {
  const partial = answer.status === LogsQueryResultStatus.PartialFailure;
  const tables = partial ? answer.partialTables : answer.tables;
  const all = tableToRows(tables[0], queryCatalog[name].returns === 'events');
  const warnings: string[] = [];
  const error = partial ? (context.rawError ?? answer.partialError) : undefined;
  // The service trims results past 500,000 rows or ~64 MB and says so in a partial error.
  const serviceTrimmed = partial && /RESULT_SET_TOO_LARGE|exceeded the internal/i.test(errorInfoText(error));
  const truncated = all.length > limit || serviceTrimmed;
  if (truncated) warnings.push(truncationWarning(Math.min(limit, all.length)));
  if (partial) {
    const messages = errorInfoMessages(error);
    const detail = scrubMessage(messages.at(-1) ?? 'no details', context.secrets, 200);
    warnings.push(`Log Analytics returned partial results: ${detail}`);
  }
  return { rows: all.slice(0, limit) as unknown as QueryRow<Q>[], truncated, warnings };
}

interface Engine {
  config: LogAnalyticsConfig;
  client: LogsQueryClient;
  texts: KqlQueryTexts;
  limiter: QueryLimiter;
  retry: RetryPolicy;
  errorContext: Omit<ErrorContext, 'queryName'>;
  capture: PartialErrorCapture;
  log: Logger | undefined;
}

/** One attempt: a slot in the identity's budget, then the request, bounded by what is left of the deadline. */
function attempt(engine: Engine, query: string, timespan: QueryTimeInterval, deadline: number, signal: AbortSignal) {
  const captureId = randomUUID();
  const timeoutSeconds = engine.config.LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS;
  return engine.limiter.run(async () => {
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) throw new DOMException('The query deadline passed while it was queued.', 'TimeoutError');
    // The SDK ignores `abortSignal` in queryWorkspace's options; `requestOptions.timeout` does reach the request.
    const answer = await raceAbort(
      engine.client.queryWorkspace(engine.config.LOG_ANALYTICS_WORKSPACE_ID ?? '', query, timespan, {
        serverTimeoutInSeconds: Math.max(1, Math.ceil(timeoutSeconds)),
        requestOptions: { timeout: remainingMs, headers: { [captureHeader]: captureId } },
      }),
      signal,
    );
    return { answer, rawError: engine.capture.take(captureId) };
  }, signal);
}

/** One query on the service: rendered, limited, retried within its deadline, mapped or turned into a SocbotError. */
async function execute<Q extends QueryName>(
  engine: Engine,
  name: Q,
  params: QueryParams<Q>,
  limit: number,
): Promise<QueryResult<Q>> {
  const query = renderNamedQuery(engine.texts, name, params, limit);
  const timespan = queryTimespan(params as Record<string, unknown>);
  const timeoutMs = engine.config.LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS * 1000;
  // The client waits a little longer than the server so the server's own timeout answer can arrive.
  const deadlineMs = timeoutMs + Math.min(2_000, timeoutMs / 5);
  const deadline = Date.now() + deadlineMs;
  const signal = AbortSignal.timeout(deadlineMs);
  const started = Date.now();
  try {
    const { answer, rawError } = await withRetries(() => attempt(engine, query, timespan, deadline, signal), {
      policy: engine.retry,
      deadline,
      signal,
      onRetry: (n, delayMs) => engine.log?.warn({ query: name, attempt: n, delayMs }, 'retrying Log Analytics'),
    });
    engine.log?.debug({ query: name, ms: Date.now() - started }, 'Log Analytics query answered');
    return resultOf(name, answer, limit, { secrets: engine.errorContext.secrets, rawError });
  } catch (error) {
    // The KQL holds alert data (hosts, command lines): debug level only.
    engine.log?.debug({ query: name, kql: query }, 'Log Analytics query failed');
    throw toQueryError(error, { ...engine.errorContext, queryName: name }, signal.aborted || Date.now() >= deadline);
  }
}

/** Creates the provider. Throws `BadInput` when the configuration cannot work (see `socbot doctor`). */
export function createLogAnalyticsProvider(
  config: LogAnalyticsConfig,
  options: LogAnalyticsProviderOptions = {},
): DataProvider {
  const problems = logAnalyticsConfigProblems(config);
  if (problems.length > 0) {
    throw new SocbotError('BadInput', `The Log Analytics provider is not configured: ${problems.join('; ')}.`, {
      hint: 'Fix these variables (see .env.example) and run `socbot doctor`.',
    });
  }
  const credential = options.credential ?? createAzureCredential(config);
  const capture = createPartialErrorCapture();
  const engine: Engine = {
    config,
    client: createLogsClient(config, credential, [capture.policy, ...(options.policies ?? [])]),
    capture,
    texts: loadKqlQueries(),
    limiter:
      options.limiter ??
      sharedLimiter(identityKey(config), {
        maxConcurrent: config.LOG_ANALYTICS_MAX_CONCURRENCY,
        maxPerWindow: config.LOG_ANALYTICS_MAX_QUERIES_PER_30S,
        windowMs: 30_000,
      }),
    retry: { ...defaultRetryPolicy, ...options.retry },
    errorContext: {
      workspaceId: config.LOG_ANALYTICS_WORKSPACE_ID ?? '',
      credential: describeCredential(config),
      endpointHost: new URL(queryEndpoint(config)).host,
      timeoutSeconds: config.LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS,
      secrets: config.AZURE_CLIENT_SECRET ? [config.AZURE_CLIENT_SECRET] : [],
    },
    log: options.log,
  };
  const cache = new ResultCache<QueryResult<QueryName>>({
    ttlMs: config.LOG_ANALYTICS_CACHE_SECONDS * 1000,
    maxEntries: 200,
  });

  return {
    id: 'loganalytics',
    async run<Q extends QueryName>(name: Q, params: QueryParams<Q>, runOptions: RunOptions = {}) {
      const values = params as Record<string, unknown>;
      const problems = validateParams(name, values);
      if (problems.length > 0) throw new SocbotError('BadInput', problems.join('; '));
      runOptions.signal?.throwIfAborted();
      const limit = Math.max(1, Math.min(runOptions.rowLimit ?? defaultRowLimit, apiRowCap));
      const result = cache.get(
        cacheKey(name, values, limit),
        () => execute(engine, name, params, limit) as Promise<QueryResult<QueryName>>,
        // Partial answers are not kept: the next ask may get everything.
        (answer) => !answer.warnings.some((w) => w.startsWith('Log Analytics returned partial')),
      );
      return copyResult((await raceAbort(result, runOptions.signal)) as QueryResult<Q>);
    },
    async close() {
      cache.clear();
    },
  };
}
