/**
 * Threat-intel answers cached in the workspace's DuckDB file: a second lookup asks nobody, "not known" is cached,
 * failures are not, answers expire after the TTL, a row of another shape is a miss, and the cache survives the
 * store being closed and opened again (a restart).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { SocbotError } from '../../src/core/errors.js';
import { withCache } from '../../src/enrich/cached-provider.js';
import type { ThreatIntelProvider, ThreatIntelResult, ThreatIntelType } from '../../src/enrich/threat-intel.js';
import { duckdbThreatIntelCache, ensureThreatIntelCacheSchema } from '../../src/store/ti-cache-store.js';

const hour = 3_600_000;

/** A provider that counts its calls; values starting with `fail` throw, `unknown` are not found. */
function countingProvider(now: () => Date) {
  const calls: string[] = [];
  const provider: ThreatIntelProvider = {
    name: 'TestIntel',
    async lookup(value: string, type: ThreatIntelType): Promise<ThreatIntelResult> {
      calls.push(`${type}:${value}`);
      if (value.startsWith('fail')) throw new SocbotError('RateLimited', 'over quota');
      const found = !value.startsWith('unknown');
      return {
        provider: 'TestIntel',
        type,
        value,
        found,
        verdict: found ? 'malicious' : 'unknown',
        counts: found ? { malicious: 3, suspicious: 0, harmless: 5, undetected: 1, timeout: 0, engines: 9 } : null,
        reputation: found ? -12 : null,
        lastAnalysedAt: null,
        details: [{ label: 'Country', value: 'NL' }],
        link: `https://intel.example/${value}`,
        checkedAt: now().toISOString(),
      };
    },
  };
  return { provider, calls };
}

async function openStore(file: string) {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await ensureThreatIntelCacheSchema(connection);
  return {
    connection,
    store: duckdbThreatIntelCache(connection),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

describe('withCache on the DuckDB threat-intel cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'socbot-ti-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a second lookup from the cache (canonical key), not the provider', async () => {
    const db = await openStore(':memory:');
    let clock = new Date('2026-03-02T09:00:00Z');
    const now = () => clock;
    const { provider, calls } = countingProvider(now);
    const cached = withCache(provider, { store: db.store, ttlMs: 24 * hour, now });
    const first = await cached.lookup('Evil.Example.com', 'dns');
    expect(first.fromCache).toBeUndefined();
    clock = new Date(clock.getTime() + hour);
    const second = await cached.lookup('evil.example.com.', 'dns');
    expect(second).toEqual({ ...first, fromCache: true });
    expect(await cached.peek?.('evil.example.com', 'dns')).toMatchObject({ verdict: 'malicious', fromCache: true });
    expect(await cached.peek?.('other.example.com', 'dns')).toBeUndefined();
    expect(calls).toEqual(['dns:Evil.Example.com']);
    db.close();
  });

  it('caches "not known", never failures; expires answers after the TTL', async () => {
    const db = await openStore(':memory:');
    let clock = new Date('2026-03-02T09:00:00Z');
    const now = () => clock;
    const { provider, calls } = countingProvider(now);
    const cached = withCache(provider, { store: db.store, ttlMs: 24 * hour, now });
    await cached.lookup('unknown.example.com', 'dns');
    expect((await cached.lookup('unknown.example.com', 'dns')).found).toBe(false);
    await expect(cached.lookup('fail.example.com', 'dns')).rejects.toThrow('over quota');
    await expect(cached.lookup('fail.example.com', 'dns')).rejects.toThrow('over quota');
    clock = new Date(clock.getTime() + 25 * hour);
    await cached.lookup('unknown.example.com', 'dns');
    expect(calls).toEqual([
      'dns:unknown.example.com',
      'dns:fail.example.com',
      'dns:fail.example.com',
      'dns:unknown.example.com',
    ]);
    db.close();
  });

  it('a TTL of 0 turns the cache off', async () => {
    const db = await openStore(':memory:');
    const now = () => new Date('2026-03-02T09:00:00Z');
    const { provider, calls } = countingProvider(now);
    const cached = withCache(provider, { store: db.store, ttlMs: 0, now });
    await cached.lookup('1.2.3.4', 'ipv4');
    await cached.lookup('1.2.3.4', 'ipv4');
    expect(calls).toHaveLength(2);
    db.close();
  });

  it('a stored row of another shape is a miss, not a crash', async () => {
    const db = await openStore(':memory:');
    const now = () => new Date('2026-03-02T09:00:00Z');
    await db.store.put(
      { provider: 'TestIntel', type: 'ipv4', value: '1.2.3.4' },
      { json: '{"old":true}', checkedAt: now() },
    );
    const { provider, calls } = countingProvider(now);
    const result = await withCache(provider, { store: db.store, ttlMs: hour, now }).lookup('1.2.3.4', 'ipv4');
    expect(result.verdict).toBe('malicious');
    expect(calls).toHaveLength(1);
    db.close();
  });

  it('survives a restart: the answer is read back from the reopened workspace file', async () => {
    const file = path.join(dir, 'workspace.duckdb');
    const now = () => new Date('2026-03-02T09:00:00Z');
    const before = await openStore(file);
    const first = countingProvider(now);
    await withCache(first.provider, { store: before.store, ttlMs: hour, now }).lookup('http://a.example/x', 'url');
    before.close();

    const after = await openStore(file);
    const second = countingProvider(now);
    const result = await withCache(second.provider, { store: after.store, ttlMs: hour, now }).lookup(
      'http://a.example/x',
      'url',
    );
    expect(result).toMatchObject({ value: 'http://a.example/x', verdict: 'malicious', fromCache: true });
    expect(second.calls).toEqual([]);
    after.close();
  });
});
