/**
 * Real Sentinel rows for the fake workspace: msticpy's exported files parsed by socbot's importer (de-duplicated
 * as the workspace does), and what a query's projection makes of them — the values Log Analytics would send.
 */
import type { SecurityEventRow, StoredSecurityAlert } from '../../../src/core/rows.js';
import { parseImportFile } from '../../../src/data/local/import/index.js';
import { alertKey, eventKey } from '../../../src/data/local/row-keys.js';
import type { WireColumn } from '../../fakes/log-analytics-server.js';
import { sharedFile } from '../../helpers/shared-data.js';

/** The alerts and events of the files, each once. */
export interface SentinelData {
  alerts: StoredSecurityAlert[];
  events: SecurityEventRow[];
}

/** Parses shared-data files (paths relative to ../shared/data) as `socbot import` would. */
export async function parseSentinelFiles(files: readonly string[]): Promise<SentinelData> {
  const alerts = new Map<string, StoredSecurityAlert>();
  const events = new Map<string, SecurityEventRow>();
  for (const file of files) {
    const parsed = await parseImportFile(sharedFile(file));
    for (const alert of parsed.alerts) if (!alerts.has(alertKey(alert))) alerts.set(alertKey(alert), alert);
    for (const event of parsed.events) if (!events.has(eventKey(event))) events.set(eventKey(event), event);
  }
  return { alerts: [...alerts.values()], events: [...events.values()] };
}

const alertRenames: Record<string, keyof StoredSecurityAlert> = {
  AlertDisplayName: 'DisplayName',
  Severity: 'AlertSeverity',
  StartTimeUtc: 'StartTime',
  EndTimeUtc: 'EndTime',
};

function compromisedHost(extended: string | null): string | null {
  try {
    const value = (JSON.parse(extended ?? 'null') as Record<string, unknown> | null)?.['Compromised Host'];
    return value === undefined || value === null || value === '' ? null : String(value);
  } catch {
    return null;
  }
}

/** An alert as the KQL alert projection returns it, restricted to the result columns. */
export function projectAlert(alert: StoredSecurityAlert, columns: readonly WireColumn[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const { name } of columns) row[name] = alert[alertRenames[name] ?? (name as keyof StoredSecurityAlert)];
  row.AlertType = alert.AlertType || alert.AlertName;
  row.CompromisedEntity = alert.CompromisedEntity || compromisedHost(alert.ExtendedProperties);
  return row;
}

/** An event restricted to the result columns. */
export function projectEvent(event: SecurityEventRow, columns: readonly WireColumn[]): Record<string, unknown> {
  return Object.fromEntries(columns.map(({ name }) => [name, event[name as keyof SecurityEventRow]]));
}

/** KQL's `has`: a case-insensitive whole-term match. */
export function kqlHas(text: string | null, term: string): boolean {
  if (!text || !term) return false;
  const escaped = term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(text.toLowerCase());
}

/** Rows in a canonical order, so two providers' answers compare as multisets. */
export function canonical(rows: readonly object[]): string[] {
  return rows.map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))).sort();
}
