/**
 * The process-creation event the process-tree functions read, and the tolerant readers for its values.
 *
 * Rows reach analysis from DuckDB, Log Analytics, CSV or JSON exports, so ids can arrive as numbers
 * (`22536.0` from pandas), times as strings, and any column as null. Every reader here accepts `unknown`.
 */
import type { SecurityEventRow } from '../../core/rows.js';

/** The SecurityEvent columns a 4688 process tree needs. */
export type ProcessEvent = Pick<
  SecurityEventRow,
  | 'TimeGenerated'
  | 'Computer'
  | 'NewProcessId'
  | 'NewProcessName'
  | 'ProcessId'
  | 'ParentProcessName'
  | 'SubjectLogonId'
  | 'TargetLogonId'
  | 'CommandLine'
  | 'SubjectUserName'
  | 'SubjectUserSid'
  | 'Account'
  | 'EventID'
>;

/**
 * How parents are matched. `windows`: 4688 events, parent = (ProcessId, ParentProcessName).
 * `linux`: auditd-style rows without a parent image name, parent = pid only (also right for any
 * export that lacks ParentProcessName, such as a volatility pslist).
 */
export type ProcessSchema = 'windows' | 'linux';

/** Windows' process-creation event id; other event ids are dropped from a Windows tree (msticpy's event filter). */
export const processCreateEventId = 4688;

/** Logon sessions of the system itself: Windows LocalSystem and auditd's "unset" session. */
export const systemSessionIds: readonly string[] = ['0x3e7', '-1'];

/** A column value as display text: numbers lose a `.0` (pandas float ids), null/undefined/NaN become null. */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    return Number.isInteger(value) ? String(value) : String(Math.trunc(value));
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * A process or logon id in one canonical form for comparing: hex (`0x1A`) and decimal (`26`) both become
 * `26`, so ids typed by users, written by Windows or exported as numbers compare equal. Other text is
 * trimmed and lower-cased. Null when absent.
 */
export function idKey(value: unknown): string | null {
  const text = valueText(value)?.trim();
  if (!text) return null;
  if (/^0x[0-9a-f]+$/i.test(text))
    return text.length <= 15 ? String(Number.parseInt(text, 16)) : BigInt(text).toString();
  if (/^-?\d+$/.test(text)) return text.length <= 15 ? String(Number(text)) : BigInt(text).toString();
  return text.toLowerCase();
}

/** True when both ids are present and denote the same id. */
export function sameId(a: unknown, b: unknown): boolean {
  const left = idKey(a);
  return left !== null && left === idKey(b);
}

/** A Date from a Date, epoch milliseconds or text; text without a zone is UTC. Bad input gives an invalid Date. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value !== 'string') return new Date(Number.NaN);
  const text = value.trim().replace(' ', 'T');
  // Date-only text is UTC already; date-time text without a zone would be read as local time.
  const utcAlready = /(?:z|[+-]\d\d:?\d\d)$/i.test(text) || !text.includes('T');
  return new Date(utcAlready ? text : `${text}Z`);
}

/** Milliseconds since the epoch of a Date, number or text (see `toDate`), or NaN. */
export function timeMs(value: unknown): number {
  return toDate(value).getTime();
}

/** The last segment of an image path, either separator (`C:\\Windows\\cmd.exe` → `cmd.exe`). */
export function imageFileName(path: string): string {
  const cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return path.slice(cut + 1);
}

/**
 * Whether an event's image is the one asked for, case-insensitively: a full path must match the full path,
 * a bare file name matches the file name of the image.
 */
export function imageMatches(image: unknown, wanted: string): boolean {
  const text = valueText(image);
  if (text === null) return false;
  const want = wanted.trim().toLowerCase();
  const have = text.trim().toLowerCase();
  if (/[\\/]/.test(want)) return have === want;
  return imageFileName(have) === want;
}

/** True when both images are known and differ (case-insensitively); unknown images never conflict. */
export function imagesConflict(a: unknown, b: unknown): boolean {
  const left = valueText(a);
  const right = valueText(b);
  if (!left || !right) return false;
  return left.toLowerCase() !== right.toLowerCase();
}

/**
 * The session a process runs in: its TargetLogonId when it was started in another session (not `0x0`),
 * else the creator's SubjectLogonId (msticpy's `EffectiveLogonId`).
 */
export function effectiveLogonId(event: ProcessEvent): string | null {
  const target = valueText(event.TargetLogonId);
  if (target !== null && target !== '' && idKey(target) !== '0') return target;
  return valueText(event.SubjectLogonId);
}

/** True when the event belongs to a process-creation stream of this schema (Windows keeps only 4688). */
export function isProcessCreation(event: ProcessEvent, schema: ProcessSchema): boolean {
  if (schema === 'linux') return true;
  const id: unknown = event.EventID;
  // Rows without an EventID (custom exports) are taken to be process events.
  if (id === null || id === undefined) return true;
  return Number(id) === processCreateEventId;
}
