/**
 * Settings of the Azure Log Analytics provider, from the environment. The lead merges `logAnalyticsConfigSchema`
 * into the app's configuration; `logAnalyticsConfigProblems` says what is missing once the provider is chosen.
 */
import { z } from 'zod';

/** How socbot signs in to Azure. */
export const credentialKinds = ['default', 'client-secret', 'certificate', 'managed-identity'] as const;
export type CredentialKind = (typeof credentialKinds)[number];

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const logAnalyticsConfigSchema = z.object({
  LOG_ANALYTICS_WORKSPACE_ID: z
    .string()
    .regex(guid, 'must be the workspace ID (a GUID, shown on the workspace overview page)')
    .optional()
    .describe('Log Analytics workspace ID (GUID) of the Sentinel workspace'),
  LOG_ANALYTICS_ENDPOINT: z
    .url()
    .default('https://api.loganalytics.io/v1')
    .describe('Log Analytics query API, including /v1 (China: https://api.loganalytics.azure.cn/v1)'),
  LOG_ANALYTICS_SCOPE: z
    .string()
    .optional()
    .describe('Token scope; defaults to <endpoint origin>/.default (set it for sovereign clouds if different)'),
  SOCBOT_AZURE_CREDENTIAL: z
    .enum(credentialKinds)
    .default('default')
    .describe('default (DefaultAzureCredential), client-secret, certificate or managed-identity'),
  AZURE_TENANT_ID: z.string().optional().describe('Microsoft Entra tenant (directory) ID'),
  AZURE_CLIENT_ID: z
    .string()
    .optional()
    .describe('App registration client ID, or the user-assigned managed identity client ID'),
  AZURE_CLIENT_SECRET: z.string().optional().describe('App registration client secret (client-secret credential)'),
  AZURE_CLIENT_CERTIFICATE_PATH: z
    .string()
    .optional()
    .describe('PEM file with the certificate and private key (certificate credential)'),
  AZURE_AUTHORITY_HOST: z
    .url()
    .optional()
    .describe('Microsoft Entra authority for sovereign clouds, e.g. https://login.chinacloudapi.cn'),
  LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS: z.coerce
    .number()
    .positive()
    .max(600)
    .default(25)
    .describe('Longest a query may run on the server (the client gives up a little later)'),
  LOG_ANALYTICS_MAX_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(5)
    .default(5)
    .describe('Queries running at once for this identity (the API allows 5)'),
  LOG_ANALYTICS_MAX_QUERIES_PER_30S: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(200)
    .describe('Queries started per 30 s for this identity (the API allows 200)'),
  LOG_ANALYTICS_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(300)
    .describe('How long a query result is reused by buttons and follow-ups (0 = no cache)'),
});

/** The validated Log Analytics settings. */
export type LogAnalyticsConfig = Readonly<z.infer<typeof logAnalyticsConfigSchema>>;

/** Fills the defaults (for tests and tools that build a config by hand). */
export function logAnalyticsConfig(values: z.input<typeof logAnalyticsConfigSchema>): LogAnalyticsConfig {
  return logAnalyticsConfigSchema.parse(values);
}

/**
 * The query endpoint with `/v1` (the SDK needs the version in the endpoint; a bare host is a common mistake),
 * without a trailing slash.
 */
export function queryEndpoint(config: LogAnalyticsConfig): string {
  const url = new URL(config.LOG_ANALYTICS_ENDPOINT);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path === '' ? '/v1' : path}`;
}

/** The token scope: configured, or the endpoint's origin + `/.default`. */
export function queryScope(config: LogAnalyticsConfig): string {
  return config.LOG_ANALYTICS_SCOPE ?? `${new URL(config.LOG_ANALYTICS_ENDPOINT).origin}/.default`;
}

/** What must be fixed before the provider can run, one line per variable (empty when ready). */
export function logAnalyticsConfigProblems(config: LogAnalyticsConfig): string[] {
  const problems: string[] = [];
  if (!config.LOG_ANALYTICS_WORKSPACE_ID) {
    problems.push('LOG_ANALYTICS_WORKSPACE_ID: required; the workspace ID (GUID) from the workspace overview page');
  }
  if (new URL(config.LOG_ANALYTICS_ENDPOINT).protocol !== 'https:') {
    problems.push('LOG_ANALYTICS_ENDPOINT: must be https (the bearer token is never sent over plain http)');
  }
  const kind = config.SOCBOT_AZURE_CREDENTIAL;
  const needs = (variable: keyof LogAnalyticsConfig, why: string) => {
    if (!config[variable]) problems.push(`${variable}: required for SOCBOT_AZURE_CREDENTIAL=${kind} (${why})`);
  };
  if (kind === 'client-secret' || kind === 'certificate') {
    needs('AZURE_TENANT_ID', 'the directory of the app registration');
    needs('AZURE_CLIENT_ID', 'the app registration');
  }
  if (kind === 'client-secret') needs('AZURE_CLIENT_SECRET', 'a secret of the app registration');
  if (kind === 'certificate') needs('AZURE_CLIENT_CERTIFICATE_PATH', 'a PEM with certificate and private key');
  return problems;
}
