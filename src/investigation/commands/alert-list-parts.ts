/**
 * What every list of alerts shows the same way (`alerts`, `investigate` without an id, digests): the table of
 * alerts and the Investigate buttons under it.
 */
import type { SecurityAlertRow } from '../../core/rows.js';
import type { Block, NextAction } from '../../core/section.js';
import { formatTime } from '../../core/time-window.js';

/** What an empty workspace is told, wherever alerts are listed. */
export const noAlertsYet =
  'The workspace has no alerts yet. Import some with `socbot import <file>` or generate the demo with `socbot demo`.';

/** The host an alert is about, for lists: CompromisedEntity, else nothing. */
export function alertHost(row: SecurityAlertRow): string {
  return row.CompromisedEntity ?? '';
}

/** One row per alert: time, severity, name, host and, with `withIds`, the id to type. */
export function alertsTable(
  rows: readonly SecurityAlertRow[],
  options: { withIds?: boolean; totalRows?: number } = {},
): Block {
  return {
    kind: 'table',
    columns: [
      { key: 'time', label: 'Time (UTC)' },
      { key: 'severity', label: 'Severity' },
      { key: 'name', label: 'Alert' },
      { key: 'host', label: 'Host' },
      ...(options.withIds ? [{ key: 'id', label: 'Alert id', mono: true }] : []),
    ],
    rows: rows.map((row) => ({
      time: formatTime(row.TimeGenerated),
      severity: row.Severity ?? '',
      name: row.AlertDisplayName ?? row.AlertName ?? '',
      host: alertHost(row),
      ...(options.withIds ? { id: row.SystemAlertId } : {}),
    })),
    totalRows: options.totalRows ?? rows.length,
  };
}

/** An Investigate button per alert, the first one primary. */
export function investigateActions(rows: readonly SecurityAlertRow[]): NextAction[] {
  return rows.map((row, i) => ({
    label: `Investigate: ${(row.AlertDisplayName ?? row.AlertName ?? row.SystemAlertId).slice(0, 40)}`,
    command: `investigate ${row.SystemAlertId}`,
    style: i === 0 ? 'primary' : 'default',
  }));
}
