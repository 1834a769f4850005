/**
 * Log Analytics tables → socbot rows, so steps get the same values from either provider: datetimes as `Date`,
 * numbers as numbers, booleans, JSON columns as their text, and `null` for empty (KQL strings are never null, so
 * an empty string means "no value", as the importer stores it).
 */
import { type ColumnKind, securityEventColumns } from '../../core/rows.js';

/** A result table as the SDK returns it (after its datetime → Date and dynamic → JSON.parse conversions). */
export interface WireTable {
  columnDescriptors: { name?: string | undefined; type?: string | undefined }[];
  rows: unknown[][];
}

const numberTypes = new Set(['int', 'long', 'real', 'decimal']);

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value : null;
  if (typeof value === 'string' && value !== '') {
    const date = new Date(value);
    return Number.isFinite(date.getTime()) ? date : null;
  }
  return null;
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

function toBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
  }
  return null;
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One cell by its Kusto column type. */
export function convertCell(value: unknown, type: string | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'datetime') return toDate(value);
  if (type === 'bool' || type === 'boolean') return toBool(value);
  if (type && numberTypes.has(type)) return toNumber(value);
  // string, guid, timespan, dynamic (the SDK parsed it: back to JSON text, as Sentinel stores Entities).
  return toText(value);
}

const columnConverters: Record<ColumnKind, (value: unknown) => unknown> = {
  string: toText,
  datetime: toDate,
  int: toNumber,
  real: toNumber,
  bool: toBool,
};

/** An event row with every SecurityEvent column, each in its socbot kind (absent ones null, like the local provider). */
function completeEventRow(row: Record<string, unknown>): Record<string, unknown> {
  const complete: Record<string, unknown> = {};
  for (const [column, kind] of Object.entries(securityEventColumns) as [string, ColumnKind][]) {
    const value = row[column];
    complete[column] = value === null || value === undefined ? null : columnConverters[kind](value);
  }
  return complete;
}

/** The rows of a result table as objects keyed by column name; event rows get every SecurityEvent column. */
export function tableToRows(table: WireTable | undefined, events: boolean): Record<string, unknown>[] {
  if (!table) return [];
  const columns = table.columnDescriptors.map((c, i) => ({ name: c.name ?? `Column${i + 1}`, type: c.type }));
  return table.rows.map((cells) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      row[column.name] = convertCell(cells[i], column.type);
    });
    return events ? completeEventRow(row) : row;
  });
}
