/**
 * The `LogsQueryClient` of `@azure/monitor-query-logs`, set up from configuration: endpoint with `/v1`, the
 * token scope of the endpoint's cloud (`audience` is ignored by this SDK version; `credentials.scopes` is not),
 * and the SDK's retry switched off because socbot retries itself (see retry.ts).
 */
import type { TokenCredential } from '@azure/identity';
import { LogsQueryClient, type LogsQueryClientOptions } from '@azure/monitor-query-logs';
import { type LogAnalyticsConfig, queryEndpoint, queryScope } from './loganalytics-config.js';

/** Extra pipeline policies (tests put a loopback redirect here, at position `perRetry`). */
export type ExtraPolicies = NonNullable<LogsQueryClientOptions['additionalPolicies']>;

/** Creates the SDK client for the configured workspace's cloud. */
export function createLogsClient(
  config: LogAnalyticsConfig,
  credential: TokenCredential,
  additionalPolicies: ExtraPolicies = [],
): LogsQueryClient {
  return new LogsQueryClient(credential, {
    endpoint: queryEndpoint(config),
    credentials: { scopes: [queryScope(config)] },
    retryOptions: { maxRetries: 0 },
    userAgentOptions: { userAgentPrefix: 'socbot' },
    additionalPolicies,
  });
}
