/**
 * The embedded workspace: a DuckDB file holding Sentinel's `SecurityAlert` and `SecurityEvent` tables.
 *
 * One process at a time may open it for writing (DuckDB's file lock); a second one gets a clear
 * `WorkspaceBusy` error instead of DuckDB's message.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance, DuckDBTimestampValue } from '@duckdb/node-api';
import { SocbotError } from '../../core/errors.js';
import {
  type ColumnKind,
  type SecurityEventRow,
  type StoredSecurityAlert,
  securityAlertColumns,
  securityEventColumns,
} from '../../core/rows.js';
import { type ColumnValue, fromDuckValue, sqlTypeOf, toColumnValue } from './duckdb-values.js';

/** The file name of the workspace inside the data directory. */
export const workspaceFileName = 'workspace.duckdb';

export type TableName = 'SecurityAlert' | 'SecurityEvent';

const tableColumns: Record<TableName, Record<string, ColumnKind>> = {
  SecurityAlert: securityAlertColumns,
  SecurityEvent: securityEventColumns,
};

/** An open workspace. Close it when done: DuckDB holds a file lock while it is open. */
export interface Workspace {
  readonly file: string;
  readonly instance: DuckDBInstance;
  /** The connection for writes and housekeeping; readers may open their own from `instance`. */
  readonly connection: DuckDBConnection;
  close(): void;
}

/** Opens (and creates, unless read-only) the workspace in `dataDir`. */
export async function openWorkspace(dataDir: string, options: { readOnly?: boolean } = {}): Promise<Workspace> {
  const file = dataDir === ':memory:' ? ':memory:' : path.resolve(dataDir, workspaceFileName);
  if (file !== ':memory:' && !options.readOnly) mkdirSync(path.dirname(file), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(message)) {
      throw new SocbotError('WorkspaceBusy', `The workspace ${file} is open in another socbot process.`, {
        hint: 'Stop the running socbot server (or the other command) and try again.',
        cause: error,
      });
    }
    throw new SocbotError('QueryFailed', `Could not open the workspace ${file}: ${message}`, { cause: error });
  }
  const connection = await instance.connect();
  if (!options.readOnly) await ensureSchema(connection);
  return {
    file,
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Creates the tables when absent. `_RowKey` identifies imported rows so re-imports add nothing twice. */
export async function ensureSchema(connection: DuckDBConnection): Promise<void> {
  for (const [table, columns] of Object.entries(tableColumns)) {
    const ddl = Object.entries(columns).map(([name, kind]) => `"${name}" ${sqlTypeOf(kind)}`);
    await connection.run(`CREATE TABLE IF NOT EXISTS ${table} (${ddl.join(', ')}, _RowKey VARCHAR)`);
  }
  await connection.run('CREATE TABLE IF NOT EXISTS socbot_meta (key VARCHAR PRIMARY KEY, value VARCHAR)');
}

type ColumnWriter = (appender: DuckDBAppender, value: Exclude<ColumnValue, null>) => void;

/** One typed append per column kind, of a value already fitted to it by `toColumnValue`. */
const columnWriters: Record<ColumnKind, ColumnWriter> = {
  string: (appender, value) => appender.appendVarchar(value as string),
  datetime: (appender, value) =>
    appender.appendTimestamp(new DuckDBTimestampValue(BigInt((value as Date).getTime()) * 1000n)),
  int: (appender, value) => appender.appendInteger(value as number),
  real: (appender, value) => appender.appendDouble(value as number),
  bool: (appender, value) => appender.appendBoolean(value as boolean),
};

/** Appends rows to a table as they are (no de-duplication): the fast path for freshly generated data. */
export async function appendRows(
  connection: DuckDBConnection,
  table: TableName | `${string}_stage`,
  rows: readonly (SecurityEventRow | StoredSecurityAlert)[],
  keys?: readonly string[],
): Promise<void> {
  const base: TableName = table.startsWith('SecurityAlert') ? 'SecurityAlert' : 'SecurityEvent';
  // Row-wise typed appends measured ~3x faster than building DuckDBDataChunks of converted values.
  const writers = Object.entries(tableColumns[base]).map(([name, kind]) => [name, kind, columnWriters[kind]] as const);
  const appender = await connection.createAppender(table);
  try {
    for (let index = 0; index < rows.length; index++) {
      const record = rows[index] as unknown as Record<string, unknown>;
      for (const [name, kind, write] of writers) {
        const value = toColumnValue(kind, record[name]);
        if (value === null) appender.appendNull();
        else write(appender, value);
      }
      const key = keys?.[index];
      if (key === undefined) appender.appendNull();
      else appender.appendVarchar(key);
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}

/**
 * Adds rows whose key is not in the table yet, in one transaction: a re-import adds nothing twice, and a crash
 * mid-import leaves the table as it was. Returns how many rows were inserted.
 */
export async function insertNewRows(
  connection: DuckDBConnection,
  table: TableName,
  rows: readonly (SecurityEventRow | StoredSecurityAlert)[],
  keys: readonly string[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const stage = `${table}_stage` as const;
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${stage} AS SELECT * FROM ${table} LIMIT 0`);
  try {
    await appendRows(connection, stage, rows, keys);
    await connection.run('BEGIN TRANSACTION');
    const result = await connection.run(
      `INSERT INTO ${table} SELECT * FROM (SELECT DISTINCT ON (_RowKey) * FROM ${stage}) s
       WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t._RowKey = s._RowKey)`,
    );
    await connection.run('COMMIT');
    return Number(result.rowsChanged);
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${stage}`);
  }
}

/** Row counts of both tables. */
export async function countRows(connection: DuckDBConnection): Promise<Record<TableName, number>> {
  const reader = await connection.runAndReadAll(
    'SELECT (SELECT count(*) FROM SecurityAlert) AS alerts, (SELECT count(*) FROM SecurityEvent) AS events',
  );
  const row = reader.getRowObjects()[0] ?? {};
  return { SecurityAlert: Number(row.alerts ?? 0), SecurityEvent: Number(row.events ?? 0) };
}

/** Reads a workspace metadata value (e.g. how the demo was generated). */
export async function readMeta(connection: DuckDBConnection, key: string): Promise<string | undefined> {
  const reader = await connection.runAndReadAll('SELECT value FROM socbot_meta WHERE key = $key', { key });
  const value = reader.getRowObjects()[0]?.value;
  return value === undefined || value === null ? undefined : String(fromDuckValue(value));
}

/** Writes a workspace metadata value. */
export async function writeMeta(connection: DuckDBConnection, key: string, value: string): Promise<void> {
  await connection.run('INSERT OR REPLACE INTO socbot_meta VALUES ($key, $value)', { key, value });
}
