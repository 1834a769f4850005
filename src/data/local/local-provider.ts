/**
 * The embedded data provider: runs the named queries of `queries/local/*.sql` on the DuckDB workspace.
 * Parameters are bound (`$name`), never spliced into the SQL text.
 */
import { readFileSync } from 'node:fs';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { SocbotError } from '../../core/errors.js';
import { securityEventColumns } from '../../core/rows.js';
import {
  type QueryName,
  type QueryParams,
  type QueryRow,
  queryCatalog,
  queryNames,
  validateParams,
} from '../catalog.js';
import { type DataProvider, defaultRowLimit, type QueryResult, type RunOptions } from '../provider.js';
import { sqlTimestamp } from './duckdb-values.js';
import type { Workspace } from './workspace.js';

const queriesDir = new URL('../../../queries/local/', import.meta.url);

/** Reads the SQL text of every named query, once: a missing file fails at start, not mid-investigation. */
export function loadLocalQueries(): { prelude: string; queries: Record<QueryName, string> } {
  const read = (name: string) => readFileSync(new URL(`${name}.sql`, queriesDir), 'utf8');
  const queries = Object.fromEntries(queryNames.map((name) => [name, read(name)])) as Record<QueryName, string>;
  return { prelude: read('_prelude'), queries };
}

/** Parameter names a SQL text refers to (`$start`…), so only those are bound. */
function referencedParams(sql: string): Set<string> {
  return new Set([...sql.matchAll(/\$([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]!));
}

function toBindValue(value: unknown): DuckDBValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return sqlTimestamp(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Gives an event row every SecurityEvent column (absent ones null), whatever the query projected. */
function completeEventRow(row: Record<string, unknown>): Record<string, unknown> {
  const complete: Record<string, unknown> = {};
  for (const column of Object.keys(securityEventColumns)) complete[column] = row[column] ?? null;
  return complete;
}

/** Creates the local provider on an open workspace. The workspace stays owned by the caller. */
export function createLocalProvider(workspace: Workspace, options: { rowLimit?: number } = {}): DataProvider {
  const { prelude, queries } = loadLocalQueries();
  const idle: DuckDBConnection[] = [];
  const all: DuckDBConnection[] = [];

  // A small pool: DuckDB runs one statement per connection at a time, and the playbook runs steps concurrently.
  async function acquire(): Promise<DuckDBConnection> {
    const pooled = idle.pop();
    if (pooled) return pooled;
    const connection = await workspace.instance.connect();
    await connection.run(prelude);
    all.push(connection);
    return connection;
  }

  return {
    id: 'local',
    async run<Q extends QueryName>(
      name: Q,
      params: QueryParams<Q>,
      runOptions: RunOptions = {},
    ): Promise<QueryResult<Q>> {
      const values = params as Record<string, unknown>;
      const problems = validateParams(name, values);
      if (problems.length > 0) throw new SocbotError('BadInput', problems.join('; '));
      runOptions.signal?.throwIfAborted();
      const sql = queries[name];
      const limit = Math.min(runOptions.rowLimit ?? options.rowLimit ?? defaultRowLimit, defaultRowLimit * 10);
      const bound: Record<string, DuckDBValue> = {};
      for (const key of referencedParams(sql)) bound[key] = toBindValue(values[key]);
      const connection = await acquire();
      try {
        const reader = await connection.runAndReadAll(`SELECT * FROM (${sql}) LIMIT ${limit + 1}`, bound);
        // The JS reader converts TIMESTAMP to Date in native code: ~2x faster than converting DuckDB values here.
        const raw = reader.getRowObjectsJS() as Record<string, unknown>[];
        const truncated = raw.length > limit;
        const events = queryCatalog[name].returns === 'events';
        const rows = raw.slice(0, limit).map((row) => {
          for (const key of Object.keys(row)) if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
          return events ? completeEventRow(row) : row;
        }) as unknown as QueryRow<Q>[];
        const warnings = truncated
          ? [`Only the first ${limit} rows are shown; narrow the time window to see all.`]
          : [];
        return { rows, truncated, warnings };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new SocbotError('QueryFailed', `The ${name} query failed: ${message}`, { cause: error });
      } finally {
        idle.push(connection);
      }
    },
    async close() {
      for (const connection of all) connection.closeSync();
      all.length = 0;
      idle.length = 0;
    },
  };
}
