/**
 * The provider's settings: defaults, what each credential kind needs, the endpoint's /v1 and the scope per cloud,
 * and the credential each kind creates (constructing one does not sign in).
 */
import { ClientSecretCredential, DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import {
  createAzureCredential,
  describeCredential,
  identityKey,
} from '../../../src/data/loganalytics/azure-credential.js';
import {
  logAnalyticsConfig,
  logAnalyticsConfigProblems,
  logAnalyticsConfigSchema,
  queryEndpoint,
  queryScope,
} from '../../../src/data/loganalytics/loganalytics-config.js';

const workspace = { LOG_ANALYTICS_WORKSPACE_ID: '11111111-2222-3333-4444-555555555555' };

describe('Log Analytics configuration', () => {
  it('has working defaults: public cloud, DefaultAzureCredential, 25 s timeout, the API budget', () => {
    const config = logAnalyticsConfig(workspace);
    expect(config).toMatchObject({
      LOG_ANALYTICS_ENDPOINT: 'https://api.loganalytics.io/v1',
      SOCBOT_AZURE_CREDENTIAL: 'default',
      LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS: 25,
      LOG_ANALYTICS_MAX_CONCURRENCY: 5,
      LOG_ANALYTICS_MAX_QUERIES_PER_30S: 200,
      LOG_ANALYTICS_CACHE_SECONDS: 300,
    });
    expect(logAnalyticsConfigProblems(config)).toEqual([]);
    expect(queryScope(config)).toBe('https://api.loganalytics.io/.default');
  });

  it('coerces environment strings and rejects bad values', () => {
    expect(
      logAnalyticsConfigSchema.parse({ LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS: '60' }).LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS,
    ).toBe(60);
    expect(logAnalyticsConfigSchema.safeParse({ LOG_ANALYTICS_WORKSPACE_ID: 'my-workspace' }).success).toBe(false);
    expect(logAnalyticsConfigSchema.safeParse({ LOG_ANALYTICS_MAX_CONCURRENCY: '10' }).success).toBe(false);
    expect(logAnalyticsConfigSchema.safeParse({ SOCBOT_AZURE_CREDENTIAL: 'password' }).success).toBe(false);
  });

  it('names what each credential kind still needs', () => {
    expect(logAnalyticsConfigProblems(logAnalyticsConfig({}))).toEqual([
      expect.stringMatching(/^LOG_ANALYTICS_WORKSPACE_ID: required/),
    ]);
    const secret = logAnalyticsConfigProblems(
      logAnalyticsConfig({ ...workspace, SOCBOT_AZURE_CREDENTIAL: 'client-secret' }),
    );
    expect(secret.map((p) => p.split(':')[0])).toEqual(['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET']);
    const cert = logAnalyticsConfigProblems(
      logAnalyticsConfig({
        ...workspace,
        SOCBOT_AZURE_CREDENTIAL: 'certificate',
        AZURE_TENANT_ID: 't',
        AZURE_CLIENT_ID: 'c',
      }),
    );
    expect(cert).toEqual([expect.stringMatching(/^AZURE_CLIENT_CERTIFICATE_PATH/)]);
    const http = logAnalyticsConfig({ ...workspace, LOG_ANALYTICS_ENDPOINT: 'http://api.loganalytics.io/v1' });
    expect(logAnalyticsConfigProblems(http)).toEqual([expect.stringMatching(/must be https/)]);
  });

  it('adds /v1 to a bare endpoint and derives the scope of sovereign clouds', () => {
    const china = logAnalyticsConfig({ ...workspace, LOG_ANALYTICS_ENDPOINT: 'https://api.loganalytics.azure.cn/' });
    expect(queryEndpoint(china)).toBe('https://api.loganalytics.azure.cn/v1');
    expect(queryScope(china)).toBe('https://api.loganalytics.azure.cn/.default');
    const custom = logAnalyticsConfig({ ...workspace, LOG_ANALYTICS_SCOPE: 'https://api.loganalytics.us/.default' });
    expect(queryScope(custom)).toBe('https://api.loganalytics.us/.default');
  });
});

describe('createAzureCredential', () => {
  it('creates the credential the configuration names', () => {
    const ids = { AZURE_TENANT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', AZURE_CLIENT_ID: 'c1' };
    expect(createAzureCredential(logAnalyticsConfig(workspace))).toBeInstanceOf(DefaultAzureCredential);
    const secret = logAnalyticsConfig({
      ...workspace,
      ...ids,
      SOCBOT_AZURE_CREDENTIAL: 'client-secret',
      AZURE_CLIENT_SECRET: 's3cret',
    });
    expect(createAzureCredential(secret)).toBeInstanceOf(ClientSecretCredential);
    const managed = logAnalyticsConfig({ ...workspace, SOCBOT_AZURE_CREDENTIAL: 'managed-identity' });
    expect(createAzureCredential(managed)).toBeInstanceOf(ManagedIdentityCredential);
    expect(describeCredential(secret)).toBe('client-secret (tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee, client c1)');
    expect(describeCredential(secret)).not.toContain('s3cret');
    expect(identityKey(secret)).not.toContain('s3cret');
  });

  it('refuses a credential kind whose variables are missing, naming the variable', () => {
    const config = logAnalyticsConfig({ ...workspace, SOCBOT_AZURE_CREDENTIAL: 'client-secret', AZURE_TENANT_ID: 't' });
    expect(() => createAzureCredential(config)).toThrow('AZURE_CLIENT_ID is not set.');
  });
});
