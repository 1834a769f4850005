/**
 * Reading a JSON-valued column (SecurityAlert `Entities`, `ExtendedProperties`) that may arrive as JSON text or
 * already parsed. Nothing here throws: what cannot be used is reported through `warn` and ignored.
 */

/** Receives one human-readable note about input that was ignored or cut. */
export type Warn = (message: string) => void;

/** The largest JSON text accepted for one cell. Real alerts carry a few KB; this bounds hostile input. */
export const maxJsonChars = 1_000_000;

/** True for a non-null, non-array, non-Date object: a JSON object. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function parseText(text: string, field: string, warn: Warn): unknown {
  if (text.length > maxJsonChars) {
    const megabytes = (text.length / 1_000_000).toFixed(1);
    warn(`${field} is ${megabytes} MB of text, over the ${maxJsonChars / 1_000_000} MB limit; ignored.`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    // The parser's message quotes the payload; a card only needs to know the cell was unusable.
    warn(`${field} is not valid JSON; ignored.`);
    return undefined;
  }
}

/** A JSON array cell as an array; `null` when empty, absent or unusable (with a warning for the latter). */
export function readJsonArray(value: unknown, field: string, warn: Warn): readonly unknown[] | null {
  const parsed = readCell(value, field, warn);
  if (parsed === undefined) return null;
  if (Array.isArray(parsed)) return parsed;
  warn(`${field} should be a JSON array but is ${kindOf(parsed)}; ignored.`);
  return null;
}

/** A JSON object cell as an object; `null` when empty, absent or unusable (with a warning for the latter). */
export function readJsonObject(value: unknown, field: string, warn: Warn): Record<string, unknown> | null {
  const parsed = readCell(value, field, warn);
  if (parsed === undefined) return null;
  if (isJsonObject(parsed)) return parsed;
  warn(`${field} should be a JSON object but is ${kindOf(parsed)}; ignored.`);
  return null;
}

// `undefined` = nothing to use (absent, blank, or already warned about).
function readCell(value: unknown, field: string, warn: Warn): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  return parseText(value, field, warn);
}
