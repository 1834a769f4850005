/**
 * Which table a record belongs to, decided from the record itself so one file may mix tables (GoldenSAML's
 * WindowsEvents.json holds SecurityEvent and Event rows).
 */
import type { ImportTable, SourceRecord } from './import-types.js';

/** The table of a record, a raw Windows event line, or rows socbot does not use (with the reason). */
export type RecordKind = { kind: ImportTable } | { kind: 'windows-event' } | { kind: 'other'; reason: string };

function has(record: SourceRecord, key: string): boolean {
  return record[key] !== undefined;
}

/** A raw Windows event (Security-Datasets / winlogbeat style): `Hostname` and a Windows time field, no Sentinel columns. */
function isRawWindowsEvent(record: SourceRecord): boolean {
  return (
    has(record, 'Hostname') &&
    !has(record, 'Computer') &&
    !has(record, 'TimeGenerated') &&
    (has(record, '@timestamp') || has(record, 'TimeCreated') || has(record, 'UtcTime'))
  );
}

/**
 * Decides the table: Log Analytics' `Type` column when present, otherwise the columns (SystemAlertId + AlertName →
 * SecurityAlert, EventID + Computer → SecurityEvent). JSON exports may omit empty keys, so one of the pair with
 * TimeGenerated is enough: the row then reaches the mapper, which reports what is missing.
 */
export function detectRecordKind(record: SourceRecord): RecordKind {
  const type = record.Type;
  if (typeof type === 'string' && type !== '') {
    if (type === 'SecurityAlert' || type === 'SecurityEvent') return { kind: type };
    return { kind: 'other', reason: `${type} table rows` };
  }
  const timed = has(record, 'TimeGenerated');
  if (has(record, 'SystemAlertId') || (has(record, 'AlertName') && timed)) return { kind: 'SecurityAlert' };
  if (isRawWindowsEvent(record)) return { kind: 'windows-event' };
  if (has(record, 'EventID') && (has(record, 'Computer') || timed)) return { kind: 'SecurityEvent' };
  return { kind: 'other', reason: 'rows of an unrecognised table (no SystemAlertId+AlertName or EventID+Computer)' };
}

/** Header cells pandas writes for its index: the empty name, or `Unnamed: 0` after a round trip. */
export function isIndexColumn(name: string): boolean {
  return name === '' || /^Unnamed: \d+$/.test(name);
}

/**
 * A CSV header cell as a column name: the portal's "Export to CSV" writes `TimeGenerated [UTC]`. Returns the zone
 * label too, because a `[Local Time]` export cannot be read as UTC.
 */
export function splitHeaderName(header: string): { name: string; zone: string | null } {
  const cleaned = header.replace(/^\uFEFF/, '').trim();
  const match = /^(.*\S)\s+\[([^\]]+)\]$/.exec(cleaned);
  return match ? { name: match[1]!, zone: match[2]! } : { name: cleaned, zone: null };
}
