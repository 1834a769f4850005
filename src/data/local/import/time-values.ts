/**
 * Timestamps as exports write them. Log Analytics times are UTC; a time without a zone is read as UTC
 * ("2019-01-15 05:15:03.047", pandas' CSV), and so is the portal's US-locale text ("10/18/2024, 9:29:21.125 AM").
 */
import { preview, RowProblem } from './cell-values.js';

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const usPattern = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(AM|PM)?$/i;

/** Wall-clock fields, before any zone is applied. */
interface ClockParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function fractionToMs(digits: string | undefined): number {
  return digits ? Number(digits.slice(0, 3).padEnd(3, '0')) : 0;
}

/** Milliseconds since the epoch for the parts read as UTC, or null when a field is out of range (Feb 30, 25:00). */
function partsToMs(parts: ClockParts): number | null {
  const { year, month, day, hour, minute, second, millisecond } = parts;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

function readIso(text: string): { wallMs: number; offsetMinutes: number } | null {
  const m = isoPattern.exec(text);
  if (!m) return null;
  const wallMs = partsToMs({
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: fractionToMs(m[7]),
  });
  return wallMs === null ? null : { wallMs, offsetMinutes: zoneOffsetMinutes(m[8]) };
}

function readUsLocale(text: string): number | null {
  const m = usPattern.exec(text);
  if (!m) return null;
  let hour = Number(m[4]);
  const meridiem = m[8]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  return partsToMs({
    year: Number(m[3]),
    month: Number(m[1]),
    day: Number(m[2]),
    hour,
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    millisecond: fractionToMs(m[7]),
  });
}

/** Parses an export timestamp to UTC; a missing zone means UTC. `null` when the text is not a time. */
export function parseUtcTime(text: string): Date | null {
  const trimmed = text.trim();
  const iso = readIso(trimmed);
  if (iso) return new Date(iso.wallMs - iso.offsetMinutes * 60_000);
  const us = readUsLocale(trimmed);
  return us === null ? null : new Date(us);
}

/**
 * Parses the wall-clock digits only, ignoring any zone designator, as if they were UTC. For Windows exports whose
 * `TimeCreated` is local time (sometimes mislabelled `Z`): the caller adds the offset it derived.
 */
export function parseWallClock(text: string): Date | null {
  const iso = readIso(text.trim());
  return iso ? new Date(iso.wallMs) : null;
}

/** A datetime column: `null` when empty, a `RowProblem` when present but not a time. */
export function toTime(value: unknown, column: string): Date | null {
  if (value === null || value === undefined || value === '' || value === 'NaT') return null;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  const date = typeof value === 'string' ? parseUtcTime(value) : null;
  if (!date) throw new RowProblem(`bad date in ${column}: '${preview(value)}'`);
  return date;
}

/** A required datetime column (TimeGenerated). */
export function toRequiredTime(value: unknown, column: string): Date {
  const date = toTime(value, column);
  if (!date) throw new RowProblem(`missing ${column}`);
  return date;
}
