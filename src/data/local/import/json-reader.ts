/**
 * JSON exports → records. Three shapes: a JSON array (Log Analytics API / portal "Export to JSON"), a single JSON
 * object, and JSON Lines (pandas `to_json(lines=True)`, Security-Datasets). JSON Lines is streamed line by line.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { SocbotError } from '../../../core/errors.js';
import { isJsonObject } from '../../../core/json-cell.js';
import { preview } from './cell-values.js';
import type { ImportCollector } from './import-collector.js';
import { lineAt, splitJsonArray } from './json-array-split.js';

/** How the text is laid out. */
export type JsonLayout = 'array' | 'object' | 'lines';

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: preview(error instanceof Error ? error.message : String(error), 120) };
  }
}

/** Adds one parsed-or-not JSON value found at `line`. */
function addJsonText(text: string, line: number, collector: ImportCollector): void {
  const parsed = tryParse(text);
  if (!parsed.ok) collector.skip(line, `not valid JSON: ${parsed.error}`);
  else if (!isJsonObject(parsed.value)) collector.skip(line, 'not a JSON object');
  else collector.add(line, parsed.value);
}

/** Reads one JSON Lines line (blank lines are allowed and ignored). */
export function addJsonLine(text: string, line: number, collector: ImportCollector): void {
  if (text.trim() !== '') addJsonText(text, line, collector);
}

/**
 * Tells JSON Lines from a pretty-printed document by the first non-blank line: a line that is a whole JSON value
 * starts JSON Lines. `head` may be just the start of a large file.
 */
export function jsonLayoutOf(head: string): JsonLayout {
  const start = head.search(/\S/);
  if (head[start] === '[') return 'array';
  const end = head.indexOf('\n', start);
  const firstLine = head.slice(start, end < 0 ? undefined : end);
  return tryParse(firstLine).ok ? 'lines' : 'object';
}

function readArray(text: string, collector: ImportCollector): void {
  const elements = splitJsonArray(text, text.indexOf('['));
  if (!elements) {
    throw new SocbotError('BadInput', `${collector.file}: the JSON array is not closed or its brackets do not match.`);
  }
  for (const element of elements) addJsonText(element.text, element.line, collector);
}

function readLines(text: string, collector: ImportCollector): void {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    addJsonLine(text.slice(start, end < 0 ? undefined : end), line, collector);
    if (end < 0) break;
    start = end + 1;
    line++;
  }
}

/** Reads JSON text completely into the collector. */
export function readJsonText(text: string, layout: JsonLayout, collector: ImportCollector): void {
  if (layout === 'array') {
    readArray(text, collector);
    return;
  }
  // A document that is not one JSON value is read as lines, so its broken lines are reported one by one.
  const whole = layout === 'object' ? tryParse(text) : null;
  if (whole?.ok && isJsonObject(whole.value)) collector.add(lineAt(text, text.search(/\S/)), whole.value);
  else readLines(text, collector);
}

/** Streams a JSON Lines file into the collector. */
export async function readJsonLinesFile(
  path: string,
  encoding: BufferEncoding,
  collector: ImportCollector,
): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, { encoding }), crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line++;
    addJsonLine(line === 1 ? text.replace(/^\uFEFF/, '') : text, line, collector);
  }
}
