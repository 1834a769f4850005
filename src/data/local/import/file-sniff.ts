/**
 * First look at a file before parsing: refuse what is not text (binary, compressed, empty) with a message that
 * names the file, pick the text encoding from the byte-order mark, and tell CSV from JSON.
 */
import { extname } from 'node:path';
import { SocbotError } from '../../../core/errors.js';

/** Bytes read up front to decide how to read the rest. */
export const headBytes = 64 * 1024;

const importHint = 'Import CSV or JSON exports of SecurityAlert / SecurityEvent, or Windows event JSON lines.';

function badInput(file: string, problem: string): SocbotError {
  return new SocbotError('BadInput', `${file}: ${problem}`, { hint: importHint });
}

const magicNumbers: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x1f, 0x8b], what: 'a gzip archive; extract it first' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive; extract it first' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive; extract it first' },
];

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((byte, i) => head[i] === byte);
}

/** Checks decoded text: refuses empty and binary content. */
export function assertImportableText(file: string, text: string): void {
  if (text.trim() === '') throw badInput(file, 'the file is empty.');
  if (text.includes('\u0000')) throw badInput(file, 'the file is binary, not CSV or JSON text.');
}

/** The encoding of the file's text and its decoded head; throws `BadInput` for binary or empty files. */
export function sniffHead(file: string, head: Uint8Array): { encoding: BufferEncoding; text: string } {
  if (head.length === 0) throw badInput(file, 'the file is empty.');
  for (const magic of magicNumbers) {
    if (startsWith(head, magic.bytes)) throw badInput(file, `the file is ${magic.what}.`);
  }
  if (startsWith(head, [0xfe, 0xff])) throw badInput(file, 'the file is UTF-16 big-endian text; save it as UTF-8.');
  // PowerShell's Out-File writes UTF-16LE with a byte-order mark.
  const encoding: BufferEncoding = startsWith(head, [0xff, 0xfe]) ? 'utf16le' : 'utf8';
  let text: string;
  try {
    text = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'utf-16le', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw badInput(file, 'the file is binary or not UTF-8 text.');
  }
  text = text.replace(/^\uFEFF/, '');
  assertImportableText(file, text);
  return { encoding, text };
}

const csvExtensions = new Set(['.csv']);
const jsonExtensions = new Set(['.json', '.jsonl', '.ndjson']);

/** CSV or JSON: by extension, else by the first character. A `.json` file that cannot be JSON is refused. */
export function textFormatOf(file: string, head: string): 'csv' | 'json' {
  const extension = extname(file).toLowerCase();
  const first = head.trimStart()[0];
  const looksJson = first === '{' || first === '[';
  if (csvExtensions.has(extension)) return 'csv';
  if (jsonExtensions.has(extension) && !looksJson) {
    throw badInput(file, 'the file is named as JSON but does not start with { or [.');
  }
  return looksJson ? 'json' : 'csv';
}

/** True for names `listImportFiles` picks up in a folder. */
export function isImportFileName(name: string): boolean {
  const extension = extname(name).toLowerCase();
  if (!csvExtensions.has(extension) && !jsonExtensions.has(extension)) return false;
  return !/^(PROVENANCE|LICENSE|README)\b/i.test(name);
}
