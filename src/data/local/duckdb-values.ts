/**
 * Conversions between socbot's row values and DuckDB's: timestamps as `Date` (UTC) on our side,
 * microsecond `DuckDBTimestampValue`s on DuckDB's; BIGINT counts become numbers.
 */
import {
  BOOLEAN,
  DOUBLE,
  DuckDBTimestampValue,
  type DuckDBType,
  type DuckDBValue,
  INTEGER,
  TIMESTAMP,
  VARCHAR,
} from '@duckdb/node-api';
import type { ColumnKind } from '../../core/rows.js';

/** The DuckDB column type for a column kind. */
export function duckTypeOf(kind: ColumnKind): DuckDBType {
  switch (kind) {
    case 'string':
      return VARCHAR;
    case 'datetime':
      return TIMESTAMP;
    case 'int':
      return INTEGER;
    case 'real':
      return DOUBLE;
    case 'bool':
      return BOOLEAN;
  }
}

/** SQL type name for DDL. */
export function sqlTypeOf(kind: ColumnKind): string {
  return { string: 'VARCHAR', datetime: 'TIMESTAMP', int: 'INTEGER', real: 'DOUBLE', bool: 'BOOLEAN' }[kind];
}

/** Converts one of our values to a DuckDB value for a column of the given kind; bad values become NULL. */
export function toDuckValue(kind: ColumnKind, value: unknown): DuckDBValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? value : String(value);
    case 'datetime': {
      const ms = value instanceof Date ? value.getTime() : Number.NaN;
      return Number.isFinite(ms) ? new DuckDBTimestampValue(BigInt(Math.round(ms)) * 1000n) : null;
    }
    case 'int':
    case 'real': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) return null;
      return kind === 'int' ? Math.trunc(n) : n;
    }
    case 'bool':
      return typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true';
  }
}

/** Converts a value read from DuckDB to ours: timestamps → Date, bigint → number, anything else as is. */
export function fromDuckValue(value: DuckDBValue): unknown {
  if (value instanceof DuckDBTimestampValue) return new Date(Number(value.micros / 1000n));
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object' && 'toString' in value) return value.toString();
  return value;
}

/** Formats a Date for binding into SQL as `CAST($x AS TIMESTAMP)`: naive UTC with milliseconds. */
export function sqlTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
