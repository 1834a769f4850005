/**
 * Conversions between socbot's row values and DuckDB's: timestamps as `Date` (UTC) on our side,
 * microsecond `DuckDBTimestampValue`s on DuckDB's; BIGINT counts become numbers.
 */
import { DuckDBTimestampValue, type DuckDBValue } from '@duckdb/node-api';
import type { ColumnKind } from '../../core/rows.js';

/** A row value as its column stores it; null for absent values and values that do not fit the kind. */
export type ColumnValue = string | number | boolean | Date | null;

/**
 * Fits a value to its column kind, the one rule every write path follows (row-by-row appends and bulk CSV loads):
 * numbers from numeric text, integers truncated, `true` case-insensitively, anything unreadable stored as NULL
 * rather than guessed.
 */
export function toColumnValue(kind: ColumnKind, value: unknown): ColumnValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? value : String(value);
    case 'datetime':
      return value instanceof Date && Number.isFinite(value.getTime()) ? value : null;
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
