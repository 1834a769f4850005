/**
 * Threat intel from configuration: VirusTotal behind its rate limiter, with answers cached in the workspace store.
 * Without `VIRUSTOTAL_API_KEY` there is none (commands and steps then say how to turn it on).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../logger.js';
import { duckdbThreatIntelCache, ensureThreatIntelCacheSchema } from '../store/ti-cache-store.js';
import { withCache } from './cached-provider.js';
import { RequestRateLimiter } from './rate-limiter.js';
import type { ThreatIntel } from './threat-intel.js';
import { createVirusTotalClient } from './virustotal/virustotal-client.js';
import type { VirusTotalConfig } from './virustotal/virustotal-config.js';
import { createVirusTotalProvider } from './virustotal/virustotal-provider.js';

/** How long an investigation waits for its lookups (below the playbook's 30 s step deadline). */
export const defaultInvestigationBudgetMs = 20_000;

export interface ThreatIntelOptions {
  log: Logger;
  now?: () => Date;
  /** Injected for tests. */
  fetch?: typeof fetch;
  limiter?: RequestRateLimiter;
  investigationBudgetMs?: number;
}

/** Builds threat intel when a key is configured; undefined otherwise. Creates the cache table. */
export async function createThreatIntel(
  config: VirusTotalConfig,
  connection: DuckDBConnection,
  options: ThreatIntelOptions,
): Promise<ThreatIntel | undefined> {
  const apiKey = config.VIRUSTOTAL_API_KEY;
  if (!apiKey) {
    options.log.info('threat intel off (set VIRUSTOTAL_API_KEY to look IoCs up on VirusTotal)');
    return undefined;
  }
  await ensureThreatIntelCacheSchema(connection);
  const perMinute = config.VIRUSTOTAL_REQUESTS_PER_MINUTE;
  const client = createVirusTotalClient({
    apiKey,
    baseUrl: config.VIRUSTOTAL_URL,
    timeoutMs: config.VIRUSTOTAL_TIMEOUT_SECONDS * 1000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const limiter = options.limiter ?? new RequestRateLimiter({ perMinute, owner: "VirusTotal's" });
  const provider = createVirusTotalProvider({
    client,
    limiter,
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
  });
  options.log.info({ perMinute, cacheHours: config.VIRUSTOTAL_CACHE_HOURS }, 'threat intel on (VirusTotal)');
  return {
    provider: withCache(provider, {
      store: duckdbThreatIntelCache(connection),
      ttlMs: config.VIRUSTOTAL_CACHE_HOURS * 3_600_000,
      log: options.log,
      ...(options.now ? { now: options.now } : {}),
    }),
    lookupsPerInvestigation: config.VIRUSTOTAL_LOOKUPS_PER_INVESTIGATION ?? perMinute,
    investigationBudgetMs: options.investigationBudgetMs ?? defaultInvestigationBudgetMs,
  };
}
