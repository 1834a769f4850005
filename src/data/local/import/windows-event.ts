/**
 * One raw Windows event line (OTRF Security-Datasets / winlogbeat style) → a SecurityEvent row, with what is needed
 * to fix its time later. Three raw formats exist, told apart by their keys:
 * - Logstash/NXLog (`@version`, `EventReceivedTime`): `@timestamp` is UTC ingest time → used as is.
 * - Export-WinEvents, newer: `TimeCreated` "…T07:00:03.821Z" is local time mislabelled `Z`.
 * - Export-WinEvents, older: `TimeCreated` "2020-10-18 07:50:05.910" is local time on a 12-hour clock, no AM/PM.
 * Local times are corrected with the offset derived from Sysmon's `UtcTime` in the same file (`clock-offsets.ts`);
 * a Sysmon event's own time is always its `UtcTime`.
 * Computer comes from `Hostname` — `host` is the event collector, not the computer.
 * LogonProcessName keeps Windows' trailing spaces ("Advapi  "), as Sentinel stores it.
 */
import type { SecurityEventRow } from '../../../core/rows.js';
import { preview, RowProblem, toInteger, toText } from './cell-values.js';
import { activityText, usedEventIds } from './event-derived.js';
import { eventFromRecord } from './event-record.js';
import type { SourceRecord } from './import-types.js';
import { isSysmonEvent, sysmonProcessRow } from './sysmon-process.js';
import { parseUtcTime, parseWallClock } from './time-values.js';

/** How a row's provisional TimeGenerated must still be corrected. */
export type EventClock = 'utc' | 'local' | 'local-12h';

/** A mapped row waiting for the file-wide time correction. */
export interface PendingWindowsEvent {
  row: SecurityEventRow;
  clock: EventClock;
}

/** A (local, UTC) pair from a Sysmon event, for deriving the host's offset. */
export interface ClockSample {
  host: string;
  wall: Date;
  utc: Date;
}

/** What one raw line yields; `RowProblem` is thrown for lines that cannot be used. */
export interface WindowsEventResult {
  outcome: { kind: 'event'; event: PendingWindowsEvent } | { kind: 'ignored'; reason: string };
  sample: ClockSample | null;
}

function text(record: SourceRecord, key: string): string | null {
  return toText(record[key]);
}

function requireTime(value: string | null, parse: (t: string) => Date | null, column: string): Date {
  if (value === null) throw new RowProblem(`missing ${column}`);
  const date = parse(value);
  if (!date) throw new RowProblem(`bad date in ${column}: '${preview(value)}'`);
  return date;
}

/** Provisional time and clock: UtcTime when present, `@timestamp` for Logstash lines, else local TimeCreated. */
function readTime(record: SourceRecord): { time: Date; clock: EventClock } {
  const utcTime = text(record, 'UtcTime');
  if (utcTime !== null) return { time: requireTime(utcTime, parseUtcTime, 'UtcTime'), clock: 'utc' };
  const isLogstash = record['@version'] !== undefined || record.EventReceivedTime !== undefined;
  const created = text(record, 'TimeCreated');
  if (isLogstash || created === null) {
    return { time: requireTime(text(record, '@timestamp'), parseUtcTime, '@timestamp'), clock: 'utc' };
  }
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(created.trim());
  return { time: requireTime(created, parseWallClock, 'TimeCreated'), clock: hasZone ? 'local' : 'local-12h' };
}

/** The pair a Sysmon event of an Export-WinEvents capture offers for the offset (Logstash times are UTC already). */
function clockSample(record: SourceRecord, host: string | null): ClockSample | null {
  const utcText = text(record, 'UtcTime');
  const created = text(record, 'TimeCreated');
  if (host === null || utcText === null || created === null) return null;
  const utc = parseUtcTime(utcText);
  const wall = parseWallClock(created);
  return utc && wall ? { host, wall, utc } : null;
}

function channelOf(record: SourceRecord): string | null {
  const channel = text(record, 'Channel');
  // Some NXLog lines write "security"; Sentinel's Channel is "Security".
  return channel?.toLowerCase() === 'security' ? 'Security' : channel;
}

/** Why an event is not used, or null when socbot maps it. */
function ignoreReason(record: SourceRecord, eventId: number, channel: string | null): string | null {
  if (isSysmonEvent(record)) return eventId === 1 ? null : `Sysmon EventID ${eventId}`;
  if (channel === 'Security') return usedEventIds.has(eventId) ? null : `Security EventID ${eventId}`;
  return `${channel ?? 'unknown channel'} EventID ${eventId}`;
}

/** A Security event: its EventData fields already carry Sentinel's column names. */
function securityRow(record: SourceRecord, eventId: number, computer: string, time: Date): SecurityEventRow {
  return eventFromRecord({
    ...record,
    TimeGenerated: time,
    Computer: computer,
    Channel: 'Security',
    EventSourceName: record.SourceName,
    Activity: activityText(eventId, text(record, 'Message')),
    // Derived below from Subject/Target fields, never taken from collector fields of the same name.
    Account: undefined,
    AccountType: undefined,
    TargetAccount: undefined,
    LogonTypeName: undefined,
  });
}

/** Reads one raw Windows event line. */
export function readWindowsEvent(record: SourceRecord): WindowsEventResult {
  const host = text(record, 'Hostname');
  const sample = clockSample(record, host);
  const eventId = toInteger(record.EventID, 'EventID');
  if (eventId === null) throw new RowProblem('missing EventID');
  const channel = channelOf(record);
  const reason = ignoreReason(record, eventId, channel);
  if (reason) return { outcome: { kind: 'ignored', reason }, sample };
  if (host === null) throw new RowProblem('missing Computer (Hostname)');
  const { time, clock } = readTime(record);
  const row = channel === 'Security' ? securityRow(record, eventId, host, time) : sysmonProcessRow(record, host, time);
  return { outcome: { kind: 'event', event: { row, clock } }, sample };
}
