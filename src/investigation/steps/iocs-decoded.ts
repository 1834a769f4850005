/**
 * How the `iocs` step shows decoded base64: the command line with each payload inline as «decoded: …», a table of
 * the decoded records (depth, type, encoding, size, hash, preview), and the cut-offs said out loud.
 */
import type { Base64Record } from '../../analysis/base64/decode-record.js';
import type { UnpackResult } from '../../analysis/base64/unpack.js';
import { readableDecodedText } from '../../analysis/verdict/index.js';
import type { Block } from '../../core/section.js';
import { cappedTable, counted } from './step-blocks.js';

/** Characters of a command line or decoded text shown in a code block. */
export const shownTextChars = 4_000;
/** Characters of decoded text previewed in a table cell. */
export const previewChars = 120;
/** Unpacking warnings listed before "N more". */
const shownWarnings = 5;

// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Control characters (binary data, NULs of UTF-16 read as bytes) shown as `�`, so chat text stays intact. */
export function printable(text: string): string {
  return text.replace(CONTROL, '\ufffd');
}

/** Number of control characters in a text (a command line with many of them holds binary data). */
export function controlCount(text: string): number {
  return text.match(CONTROL)?.length ?? 0;
}

/** `text` cut to `max` characters with a note of how much was left out. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n… (${(text.length - max).toLocaleString('en-US')} more characters not shown)`;
}

/** One line of decoded text for a table cell. */
export function preview(text: string, max = previewChars): string {
  const line = printable(text).replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** The command line with decoded payloads inline («decoded: …»), cut for display. */
export function decodedTextBlock(unpacked: UnpackResult): Block {
  return { kind: 'code', text: cutText(printable(readableDecodedText(unpacked.decodedText)), shownTextChars) };
}

function recordType(record: Base64Record): string {
  const type = record.fileType ?? (record.decodedString === null ? 'binary' : 'text');
  return record.fileName === 'unknown' ? type : `${type}: ${record.fileName}`;
}

/** The decoded records: nesting depth and index, type, text encoding, size, SHA-256 and a preview. */
export function recordTable(records: readonly Base64Record[]): Block {
  return cappedTable(
    [
      { key: 'depth', label: 'Depth' },
      { key: 'index', label: 'Index' },
      { key: 'type', label: 'Type' },
      { key: 'encoding', label: 'Encoding' },
      { key: 'size', label: 'Bytes' },
      { key: 'sha256', label: 'SHA-256', mono: true },
      { key: 'preview', label: 'Decoded', mono: true },
    ],
    records.map((record) => ({
      depth: String(record.depth),
      index: record.index,
      type: recordType(record),
      encoding: record.encodingType,
      size: String(record.inputBytes.length),
      sha256: record.sha256,
      preview:
        record.decodedString === null
          ? `(binary) ${record.printableBytes.slice(0, 47)}`
          : preview(record.decodedString),
    })),
  );
}

/** Unpacking warnings for a Section, prefixed with where they came from, at most a few. */
export function unpackWarnings(where: string, warnings: readonly string[]): string[] {
  const shown = warnings.slice(0, shownWarnings).map((warning) => `Base64 in ${where}: ${warning}`);
  const more = warnings.length - shown.length;
  if (more > 0) shown.push(`Base64 in ${where}: ${counted(more, 'more warning')}.`);
  return shown;
}
