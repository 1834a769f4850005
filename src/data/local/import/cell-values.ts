/**
 * Cell conversion for imported records. CSV gives strings, JSON gives numbers, booleans, objects or null; both end
 * up as the column kinds of `core/rows.ts`. A value that cannot be converted is a `RowProblem`: the row is skipped.
 */

/** Why one row cannot be imported; caught per row so the rest of the file still loads. */
export class RowProblem extends Error {
  override readonly name = 'RowProblem';
}

// pandas writes NaN/NaT as empty cells in CSV but as these words when a frame is stringified first.
const missingTexts = new Set(['', 'NaN', 'nan', 'NaT']);

/** Shortens a value for a skip reason, so a reason never carries a whole payload. */
export function preview(value: unknown, maxChars = 40): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/** True when the cell holds nothing: absent, null, empty or a NaN marker. */
export function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  return typeof value === 'string' && missingTexts.has(value);
}

/** A string column: text kept verbatim (Windows' trailing spaces too); objects and arrays become JSON text. */
export function toText(value: unknown): string | null {
  if (isMissing(value)) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An int column (EventID, LogonType, Task): integral numbers or their text (`"3"`, pandas' `4.0`). */
export function toInteger(value: unknown, column: string): number | null {
  if (isMissing(value)) return null;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(number)) throw new RowProblem(`bad ${column}: '${preview(value)}' is not an integer`);
  return number;
}

/** A real column (ConfidenceScore). */
export function toReal(value: unknown, column: string): number | null {
  if (isMissing(value)) return null;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(number)) throw new RowProblem(`bad ${column}: '${preview(value)}' is not a number`);
  return number;
}

const trueTexts = new Set(['true', '1']);
const falseTexts = new Set(['false', '0']);

/** A bool column (IsIncident): JSON booleans, pandas' `True`/`False`, or 1/0. */
export function toBool(value: unknown, column: string): boolean | null {
  if (isMissing(value)) return null;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (trueTexts.has(text)) return true;
  if (falseTexts.has(text)) return false;
  throw new RowProblem(`bad ${column}: '${preview(value)}' is not true or false`);
}

/** A process id as Windows writes it in Security events (`0x12d8`), from Sysmon's decimal text. */
export function decimalToHexId(value: unknown, column: string): string | null {
  const id = toInteger(value, column);
  return id === null ? null : `0x${id.toString(16)}`;
}
