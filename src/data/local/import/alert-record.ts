/**
 * A Log Analytics SecurityAlert record → the stored table (raw Sentinel names). msticpy's projection renamed columns
 * (AlertDisplayName, Severity, StartTimeUtc…); exports of it are mapped back.
 */
import { emptyStoredAlert, type StoredSecurityAlert, securityAlertColumns } from '../../../core/rows.js';
import { RowProblem } from './cell-values.js';
import type { SourceRecord } from './import-types.js';
import { convertCell, pickValue } from './record-cells.js';
import { toRequiredTime } from './time-values.js';

/** Source names accepted for a stored column, in order of preference (raw name first, then msticpy's). */
const alertAliases: Partial<Record<keyof StoredSecurityAlert, readonly string[]>> = {
  DisplayName: ['DisplayName', 'AlertDisplayName'],
  AlertSeverity: ['AlertSeverity', 'Severity'],
  StartTime: ['StartTime', 'StartTimeUtc'],
  EndTime: ['EndTime', 'EndTimeUtc'],
  VendorOriginalId: ['VendorOriginalId', 'ProviderAlertId'],
};

const alertSources = Object.entries(securityAlertColumns).map(([column, kind]) => ({
  column,
  kind,
  names: alertAliases[column as keyof StoredSecurityAlert] ?? [column],
}));

/** Maps one SecurityAlert record; `RowProblem` when TimeGenerated or SystemAlertId is missing or a cell is bad. */
export function alertFromRecord(record: SourceRecord): StoredSecurityAlert {
  const row = emptyStoredAlert({
    TimeGenerated: toRequiredTime(record.TimeGenerated, 'TimeGenerated'),
    SystemAlertId: '',
  });
  // The same object, written by column name (its keys exist, so it keeps V8's fast shape: ~1 KB a row, not ~4 KB);
  // each value was converted to that column's kind.
  const cells = row as unknown as Record<string, unknown>;
  for (const { column, kind, names } of alertSources) {
    if (column !== 'TimeGenerated') cells[column] = convertCell(kind, pickValue(record, names), column);
  }
  if (!row.SystemAlertId) throw new RowProblem('missing SystemAlertId');
  return row;
}
