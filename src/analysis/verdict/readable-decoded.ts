/**
 * Decoded base64 made readable for people: the `<decoded …>` markup of `unpackBase64` turned into «decoded: …»
 * inline, binary payloads summarised instead of dumped as hex, and the decoded payload text on its own.
 */
import type { UnpackResult } from '../base64/unpack.js';

/** Most characters of decoded markup read (the rest is cut, so a huge payload stays cheap to show). */
const maxMarkupChars = 200_000;

const TAG = /<decoded\b([^>]{0,2048})>|<\/decoded>/g;

/** Nesting kept at most this deep (real markup nests ≤ the unpack depth; deeper tags stay literal text). */
const maxNesting = 32;

interface Open {
  attributes: string;
  /** The output gathered before the tag opened; the tag's content is gathered separately. */
  before: string;
}

function attribute(attributes: string, name: string): string | null {
  return new RegExp(`\\b${name}='([^']*)'`).exec(attributes)?.[1] ?? null;
}

/** Bytes in a hex dump (`4d 5a 90 …`). */
function hexByteCount(hex: string): number {
  const trimmed = hex.replace(/\s*…$/, '').trim();
  return trimmed === '' ? 0 : Math.floor((trimmed.length + 1) / 3);
}

function summarise(open: Open, content: string): string {
  const value = attribute(open.attributes, 'value');
  if (value === 'multiple binary') return `«decoded archive: ${content}»`;
  if (value === 'binary') {
    const type = attribute(open.attributes, 'type');
    const name = attribute(open.attributes, 'name') ?? '';
    const kind = type && type !== 'None' ? `${type} ` : '';
    const member = / Filename: (.*)$/.exec(name)?.[1];
    const cut = content.trimEnd().endsWith('…') ? '+' : '';
    return `«decoded binary ${kind}${member ? `${member}, ` : ''}${hexByteCount(content)}${cut} bytes»`;
  }
  return `«decoded: ${content}»`;
}

/**
 * The decoded text with each `<decoded …>…</decoded>` replaced by `«decoded: …»` (text), `«decoded binary exe,
 * 4096 bytes»` (binary) or `«decoded archive: …»`, nesting kept. Unbalanced tags (a command line can contain the
 * text `</decoded>` itself) are left as they are.
 * @example readableDecodedText("a <decoded type='string' name='[None]' index='1' depth='1'>hi</decoded>") // 'a «decoded: hi»'
 */
export function readableDecodedText(markup: string): string {
  const text = markup.length > maxMarkupChars ? `${markup.slice(0, maxMarkupChars)}…` : markup;
  // Each open tag starts a fresh buffer, so every character is copied once per nesting level: linear in the text.
  let out = '';
  let copied = 0;
  const stack: Open[] = [];
  for (const match of text.matchAll(TAG)) {
    out += text.slice(copied, match.index);
    copied = match.index + match[0].length;
    if (match[1] !== undefined && stack.length < maxNesting) {
      stack.push({ attributes: match[1], before: out });
      out = '';
    } else if (match[1] === undefined && stack.length > 0) {
      const open = stack.pop()!;
      out = open.before + summarise(open, out);
    } else {
      out += match[0];
    }
  }
  out += text.slice(copied);
  // Tags left open (a cut payload): their content is kept, unmarked.
  while (stack.length > 0) out = stack.pop()!.before + out;
  return out;
}

/** Most characters of decoded payload text gathered (for IoC scans and command checks). */
export const maxPayloadChars = 256 * 1024;

/**
 * The text of every decoded text record, one per line (nested payloads are records of their own), cut at
 * `maxPayloadChars`. Empty when nothing decoded to text.
 */
export function decodedPayloadText(result: Pick<UnpackResult, 'records'>, max = maxPayloadChars): string {
  const parts: string[] = [];
  let size = 0;
  for (const record of result.records) {
    if (record.decodedString === null) continue;
    const room = max - size;
    if (room <= 0) break;
    const part = record.decodedString.slice(0, room);
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join('\n');
}
