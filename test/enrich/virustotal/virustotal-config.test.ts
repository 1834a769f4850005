/**
 * VirusTotal settings through the app's configuration: defaults, bad values named, the key never echoed, an http
 * API URL refused unless it is a loopback test server; and threat intel off without a key.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createThreatIntel } from '../../../src/enrich/create-threat-intel.js';
import { virusTotalConfig } from '../../../src/enrich/virustotal/virustotal-config.js';
import { createLogger } from '../../../src/logger.js';

const apiKey = 'ab12'.repeat(16);

describe('VirusTotal configuration', () => {
  it('has the free tier’s defaults and no key', () => {
    expect(virusTotalConfig({})).toEqual({
      VIRUSTOTAL_URL: 'https://www.virustotal.com/api/v3',
      VIRUSTOTAL_REQUESTS_PER_MINUTE: 4,
      VIRUSTOTAL_CACHE_HOURS: 24,
      VIRUSTOTAL_TIMEOUT_SECONDS: 10,
    });
    const config = loadConfig({ VIRUSTOTAL_API_KEY: apiKey, VIRUSTOTAL_LOOKUPS_PER_INVESTIGATION: '2' });
    expect(config).toMatchObject({ VIRUSTOTAL_API_KEY: apiKey, VIRUSTOTAL_LOOKUPS_PER_INVESTIGATION: 2 });
  });

  it('names a bad variable and never echoes the key', () => {
    const bad = () =>
      loadConfig({
        VIRUSTOTAL_API_KEY: apiKey,
        VIRUSTOTAL_REQUESTS_PER_MINUTE: 'lots',
        VIRUSTOTAL_URL: 'http://vt.example/api/v3',
      });
    expect(bad).toThrow(/VIRUSTOTAL_REQUESTS_PER_MINUTE/);
    expect(bad).toThrow(/VIRUSTOTAL_URL: must be https/);
    try {
      bad();
    } catch (error) {
      expect(String(error)).not.toContain(apiKey);
    }
  });

  it('allows plain http only to a loopback server (the key travels in every request)', () => {
    expect(loadConfig({ VIRUSTOTAL_URL: 'http://127.0.0.1:9999/api/v3' }).VIRUSTOTAL_URL).toBe(
      'http://127.0.0.1:9999/api/v3',
    );
    expect(() => loadConfig({ VIRUSTOTAL_URL: 'not a url' })).toThrow(/VIRUSTOTAL_URL/);
  });

  it('without a key threat intel is off; with one it looks up as often as the per-minute budget', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const log = createLogger('silent');
    expect(await createThreatIntel(virusTotalConfig({}), connection, { log })).toBeUndefined();
    const intel = await createThreatIntel(
      virusTotalConfig({ VIRUSTOTAL_API_KEY: apiKey, VIRUSTOTAL_REQUESTS_PER_MINUTE: 3 }),
      connection,
      { log },
    );
    expect(intel).toMatchObject({ lookupsPerInvestigation: 3, investigationBudgetMs: 20_000 });
    expect(intel?.provider.name).toBe('VirusTotal');
    expect(JSON.stringify(intel)).not.toContain(apiKey);
    instance.closeSync();
  });
});
