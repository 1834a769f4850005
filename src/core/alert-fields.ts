/**
 * Reading the scalar cells of a SecurityAlert row whatever produced it (a provider's typed row, a CSV export, a
 * pandas JSON dump): text, UTC times, the property list shown on the alert card, and ExtendedProperties.
 */
import { readJsonObject, type Warn } from './json-cell.js';
import type { Fact } from './section.js';
import { formatTime } from './time-window.js';

/** A row's cells by column name, in column order. */
export type Cells = ReadonlyMap<string, unknown>;

// `2019-01-15 05:15:15`, `2019-01-15T05:15:15.6781494Z`, `2019-01-15T05:15:15+01:00`; no zone means UTC.
const isoLikeTime =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const explicitZone = /(?:Z|GMT|UTC|[+-]\d{2}:?\d{2})$/i;

function validDate(ms: number): Date | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isoTime(match: RegExpExecArray): Date | null {
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const millis = `${fraction}000`.slice(0, 3);
  const offset = /^z$/i.test(zone) ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return validDate(Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset}`));
}

/**
 * A time cell as a Date: a Date, epoch milliseconds, or ISO-like text (`YYYY-MM-DD HH:MM:SS` without a zone is
 * UTC, as Log Analytics exports it). Other text only when it names its zone, so the server's zone never leaks in.
 */
export function parseUtcTime(value: unknown): Date | null {
  if (value instanceof Date) return validDate(value.getTime());
  if (typeof value === 'number') return Number.isFinite(value) ? validDate(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const match = isoLikeTime.exec(text);
  if (match) return isoTime(match);
  return explicitZone.test(text) ? validDate(Date.parse(text)) : null;
}

/** A cell as non-blank text; numbers and booleans stringified, Dates formatted; `null` otherwise. */
export function cellText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : formatTime(value);
  return null;
}

/** The first of these columns that has text (Sentinel's raw names are the later fallbacks). */
export function firstText(cells: Cells, ...columns: string[]): string | null {
  for (const column of columns) {
    const text = cellText(cells.get(column));
    if (text !== null) return text;
  }
  return null;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The first of these columns that holds a time; a present value that is not a time is warned about. */
export function readTime(cells: Cells, columns: readonly string[], warn: Warn): Date | null {
  for (const column of columns) {
    const value = cells.get(column);
    if (value === undefined || value === null || value === '') continue;
    const date = parseUtcTime(value);
    if (date) return date;
    warn(`${column} "${clip(String(value), 40)}" is not a time; ignored.`);
  }
  return null;
}

const hiddenColumns = new Set(['Entities', 'ExtendedProperties', '', 'Unnamed: 0']);
const timeColumns = new Set([
  'TimeGenerated',
  'TimeGeneratedUtc',
  'StartTimeUtc',
  'EndTimeUtc',
  'StartTime',
  'EndTime',
  'ProcessingEndTime',
]);
const factLimits = { maxFacts: 100, maxChars: 2_000 } as const;

/**
 * The row's scalar columns with a value, in column order, for the alert card: times as `YYYY-MM-DD HH:MM:SSZ`,
 * long values clipped. Entities, ExtendedProperties and a pandas index column are left out.
 */
export function alertFacts(cells: Cells): Fact[] {
  const facts: Fact[] = [];
  for (const [label, value] of cells) {
    if (facts.length >= factLimits.maxFacts) break;
    if (hiddenColumns.has(label)) continue;
    const time = timeColumns.has(label) ? parseUtcTime(value) : null;
    const text = time ? formatTime(time) : cellText(value);
    if (text !== null) facts.push({ label, value: clip(text, factLimits.maxChars) });
  }
  return facts;
}

// `undefined` when the value cannot be shown: JSON.stringify recurses, and a hostile, deeply nested value
// overflows the stack.
function extendedValueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return undefined;
  }
}

/** ExtendedProperties (JSON object text or an object) as key → text; nested values as JSON text. */
export function readExtendedProperties(value: unknown, warn: Warn): Record<string, string> {
  const parsed = readJsonObject(value, 'ExtendedProperties', warn);
  if (!parsed) return {};
  const unshown: string[] = [];
  const entries = Object.entries(parsed).map(([key, item]) => {
    const text = extendedValueText(item);
    if (text === undefined) unshown.push(clip(key, 40));
    return [key, text ?? ''] as const;
  });
  if (unshown.length > 0) {
    const more = unshown.length > 3 ? ` and ${unshown.length - 3} more` : '';
    warn(`ExtendedProperties: "${unshown.slice(0, 3).join('", "')}"${more} nested too deeply to show; left empty.`);
  }
  return Object.fromEntries(entries);
}
