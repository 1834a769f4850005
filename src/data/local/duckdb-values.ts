/**
 * Conversions between socbot's row values and DuckDB's: timestamps as `Date` (UTC) on our side,
 * microsecond `DuckDBTimestampValue`s on DuckDB's; BIGINT counts become numbers.
 */
import { DuckDBTimestampValue, type DuckDBValue } from '@duckdb/node-api';
import type { ColumnKind } from '../../core/rows.js';

/** SQL type name for DDL. */
export function sqlTypeOf(kind: ColumnKind): string {
  return { string: 'VARCHAR', datetime: 'TIMESTAMP', int: 'INTEGER', real: 'DOUBLE', bool: 'BOOLEAN' }[kind];
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
