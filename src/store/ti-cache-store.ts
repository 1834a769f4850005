/**
 * Threat-intel answers kept in the workspace file (`socbot_ti_cache`), one row per provider, type and observable,
 * so a restart does not spend the provider's quota again. The answer is stored as JSON text: the store does not
 * know its shape (the enrich layer reads it back and checks it).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** What a cached answer is about. */
export interface ThreatIntelCacheKey {
  provider: string;
  type: string;
  value: string;
}

/** A stored answer and when the provider gave it. */
export interface CachedAnswer {
  json: string;
  checkedAt: Date;
}

/** The threat-intel answer cache. */
export interface ThreatIntelCacheStore {
  /** The answer for `key` given at or after `freshSince`, if stored. */
  get(key: ThreatIntelCacheKey, freshSince: Date): Promise<CachedAnswer | undefined>;
  /** Stores (or replaces) the answer for `key`. */
  put(key: ThreatIntelCacheKey, answer: CachedAnswer): Promise<void>;
  /** Deletes answers given before `olderThan`; returns how many. */
  prune(olderThan: Date): Promise<number>;
}

/** Longest observable kept as a key (URLs can be long; longer ones are simply not cached). */
export const maxCachedValueChars = 4096;

/** Creates the cache table when absent. */
export async function ensureThreatIntelCacheSchema(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE TABLE IF NOT EXISTS socbot_ti_cache (
    provider VARCHAR, ioc_type VARCHAR, observable VARCHAR, result VARCHAR, checked_at TIMESTAMP,
    PRIMARY KEY (provider, ioc_type, observable))`);
}

/** Naive UTC with milliseconds, for `CAST($x AS TIMESTAMP)`. */
function sqlTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** The threat-intel cache in DuckDB (call `ensureThreatIntelCacheSchema` first). */
export function duckdbThreatIntelCache(connection: DuckDBConnection): ThreatIntelCacheStore {
  return {
    async get(key, freshSince) {
      if (key.value.length > maxCachedValueChars) return undefined;
      const reader = await connection.runAndReadAll(
        `SELECT result, checked_at FROM socbot_ti_cache
          WHERE provider = $provider AND ioc_type = $type AND observable = $value AND checked_at >= CAST($since AS TIMESTAMP)`,
        { provider: key.provider, type: key.type, value: key.value, since: sqlTimestamp(freshSince) },
      );
      const row = (reader.getRowObjectsJS() as Record<string, unknown>[])[0];
      if (!row || !(row.checked_at instanceof Date)) return undefined;
      return { json: String(row.result), checkedAt: row.checked_at };
    },
    async put(key, answer) {
      if (key.value.length > maxCachedValueChars) return;
      await connection.run(
        'INSERT OR REPLACE INTO socbot_ti_cache VALUES ($provider, $type, $value, $result, CAST($at AS TIMESTAMP))',
        {
          provider: key.provider,
          type: key.type,
          value: key.value,
          result: answer.json,
          at: sqlTimestamp(answer.checkedAt),
        },
      );
    },
    async prune(olderThan) {
      const reader = await connection.runAndReadAll(
        'DELETE FROM socbot_ti_cache WHERE checked_at < CAST($before AS TIMESTAMP) RETURNING 1',
        { before: sqlTimestamp(olderThan) },
      );
      return reader.getRows().length;
    },
  };
}
