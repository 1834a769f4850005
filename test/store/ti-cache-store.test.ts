/**
 * The threat-intel cache table: rows keyed by provider, type and observable, read back only when fresh enough,
 * replaced on a new answer, pruned by age; over-long observables are simply not cached.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  duckdbThreatIntelCache,
  ensureThreatIntelCacheSchema,
  maxCachedValueChars,
  type ThreatIntelCacheStore,
} from '../../src/store/ti-cache-store.js';

const hour = 3_600_000;
const at = new Date('2026-03-02T09:00:00Z');
const key = (value: string, type = 'dns') => ({ provider: 'VirusTotal', type, value });

describe('socbot_ti_cache', () => {
  let instance: DuckDBInstance;
  let store: ThreatIntelCacheStore;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await ensureThreatIntelCacheSchema(connection);
    // Twice: the schema is created only when absent.
    await ensureThreatIntelCacheSchema(connection);
    store = duckdbThreatIntelCache(connection);
  });
  afterAll(() => instance.closeSync());

  it('reads an answer back only when it is fresh enough, per provider and type', async () => {
    await store.put(key('a.example'), { json: '{"v":1}', checkedAt: at });
    expect(await store.get(key('a.example'), new Date(at.getTime() - hour))).toEqual({
      json: '{"v":1}',
      checkedAt: at,
    });
    expect(await store.get(key('a.example'), new Date(at.getTime() + 1))).toBeUndefined();
    expect(await store.get(key('a.example', 'url'), new Date(0))).toBeUndefined();
    expect(await store.get({ ...key('a.example'), provider: 'Other' }, new Date(0))).toBeUndefined();
  });

  it('replaces an answer with a newer one', async () => {
    const later = new Date(at.getTime() + hour);
    await store.put(key('b.example'), { json: '{"v":1}', checkedAt: at });
    await store.put(key('b.example'), { json: '{"v":2}', checkedAt: later });
    expect(await store.get(key('b.example'), new Date(0))).toEqual({ json: '{"v":2}', checkedAt: later });
  });

  it('prunes answers older than a date', async () => {
    await store.put(key('old.example'), { json: '{}', checkedAt: new Date(at.getTime() - 48 * hour) });
    expect(await store.prune(new Date(at.getTime() - 24 * hour))).toBe(1);
    expect(await store.get(key('old.example'), new Date(0))).toBeUndefined();
    expect(await store.get(key('a.example'), new Date(0))).toBeDefined();
  });

  it('does not cache observables longer than the key limit', async () => {
    const long = `http://x.example/${'a'.repeat(maxCachedValueChars)}`;
    await store.put(key(long, 'url'), { json: '{}', checkedAt: at });
    expect(await store.get(key(long, 'url'), new Date(0))).toBeUndefined();
  });
});
