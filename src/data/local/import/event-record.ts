/**
 * A Log Analytics SecurityEvent record (CSV or JSON export, msticpy's projections) → a `SecurityEventRow`.
 * Columns the stored table lacks are dropped, as are msticpy's tree columns (NodeRole, Level, ProcessId1…).
 */
import { emptySecurityEvent, type SecurityEventRow, securityEventColumns } from '../../../core/rows.js';
import { RowProblem, toInteger } from './cell-values.js';
import { fillDerivedColumns, stripBraces } from './event-derived.js';
import type { SourceRecord } from './import-types.js';
import { convertCell, pickValue } from './record-cells.js';
import { toRequiredTime } from './time-values.js';

/**
 * Each stored column with its source names. Kusto suffixes a column whose type differed between rows
 * (`ProcessId_string`, `EventData_dynamic`); such exports are read under the plain name.
 */
const eventSources = Object.entries(securityEventColumns).map(([column, kind]) => ({
  column,
  kind,
  names: [column, `${column}_string`, `${column}_dynamic`] as const,
}));

/** The EventID of a record; `RowProblem` when missing or not a number. */
export function eventIdOf(record: SourceRecord): number {
  const id = toInteger(record.EventID, 'EventID');
  if (id === null) throw new RowProblem('missing EventID');
  return id;
}

/** Maps one SecurityEvent record; `RowProblem` when TimeGenerated, Computer or EventID is missing or a cell is bad. */
export function eventFromRecord(record: SourceRecord): SecurityEventRow {
  // Required columns first, so a row missing them reports that rather than a later bad cell.
  const row = emptySecurityEvent({
    TimeGenerated: toRequiredTime(record.TimeGenerated, 'TimeGenerated'),
    Computer: '',
    EventID: eventIdOf(record),
  });
  // msticpy's process-tree output has its own `Level` (depth in the tree), not Sentinel's event level.
  const isTreeOutput = record.NodeRole !== undefined;
  // The same object, written by column name (its keys exist, so it keeps V8's fast shape: ~1 KB a row, not ~4 KB);
  // each value was converted to that column's kind.
  const cells = row as unknown as Record<string, unknown>;
  for (const { column, kind, names } of eventSources) {
    if (column === 'TimeGenerated' || column === 'EventID' || (isTreeOutput && column === 'Level')) continue;
    cells[column] = convertCell(kind, pickValue(record, names), column);
  }
  if (!row.Computer) throw new RowProblem('missing Computer');
  row.LogonGuid = stripBraces(row.LogonGuid);
  return fillDerivedColumns(row);
}
