/**
 * Test helpers: a Log Analytics provider wired to the loopback fake, a fake credential (the edge: Entra ID is not
 * reachable here), and a configuration with test-sized timeouts.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import {
  type LogAnalyticsConfig,
  logAnalyticsConfigSchema,
} from '../../../src/data/loganalytics/loganalytics-config.js';
import {
  createLogAnalyticsProvider,
  type LogAnalyticsProviderOptions,
} from '../../../src/data/loganalytics/loganalytics-provider.js';
import { QueryLimiter } from '../../../src/data/loganalytics/query-limiter.js';
import type { DataProvider } from '../../../src/data/provider.js';
import type { FakeLogAnalytics } from '../../fakes/log-analytics-server.js';

/** A credential that hands out a fixed token, or fails with the given error. */
export class FakeCredential implements TokenCredential {
  calls = 0;
  scopes: string[] = [];

  constructor(
    private readonly token: string,
    private readonly failure?: Error,
  ) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.calls += 1;
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    if (this.failure) throw this.failure;
    return { token: this.token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

/** The client secret of the test configuration: no message may ever contain it. */
export const fakeSecret = 'super-secret-value~42';

/** A client-secret configuration for the fake's workspace (the secret is there to prove it never leaks). */
export function fakeConfig(
  fake: Pick<FakeLogAnalytics, 'workspaceId'>,
  overrides: Partial<Record<keyof LogAnalyticsConfig, string | number>> = {},
): LogAnalyticsConfig {
  return logAnalyticsConfigSchema.parse({
    LOG_ANALYTICS_WORKSPACE_ID: fake.workspaceId,
    SOCBOT_AZURE_CREDENTIAL: 'client-secret',
    AZURE_TENANT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    AZURE_CLIENT_ID: 'ffffffff-0000-1111-2222-333333333333',
    AZURE_CLIENT_SECRET: fakeSecret,
    LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS: 5,
    ...overrides,
  });
}

/** The provider on the fake, with fast retries and its own limiter (tests do not share a budget). */
export function providerOnFake(
  fake: FakeLogAnalytics,
  options: LogAnalyticsProviderOptions & { config?: LogAnalyticsConfig } = {},
): DataProvider {
  const config = options.config ?? fakeConfig(fake);
  return createLogAnalyticsProvider(config, {
    credential: new FakeCredential(fake.token),
    policies: [fake.redirectPolicy()],
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    limiter: new QueryLimiter({
      maxConcurrent: config.LOG_ANALYTICS_MAX_CONCURRENCY,
      maxPerWindow: config.LOG_ANALYTICS_MAX_QUERIES_PER_30S,
      windowMs: 30_000,
    }),
    ...options,
  });
}
