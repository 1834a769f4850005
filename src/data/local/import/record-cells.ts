/** Reading typed columns out of a source record. */
import type { ColumnKind } from '../../../core/rows.js';
import { toBool, toInteger, toReal, toText } from './cell-values.js';
import type { SourceRecord } from './import-types.js';
import { toTime } from './time-values.js';

/** The first present source value for a column. */
export function pickValue(record: SourceRecord, names: readonly string[]): unknown {
  for (const name of names) {
    const value = record[name];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return null;
}

/** Converts one cell to a column kind; throws `RowProblem` when it does not fit. */
export function convertCell(kind: ColumnKind, value: unknown, column: string): unknown {
  switch (kind) {
    case 'string':
      return toText(value);
    case 'datetime':
      return toTime(value, column);
    case 'int':
      return toInteger(value, column);
    case 'real':
      return toReal(value, column);
    case 'bool':
      return toBool(value, column);
  }
}
