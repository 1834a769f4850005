/**
 * One decoded payload as a record: msticpy's 12 output columns (facts §f) in camelCase, with bytes as
 * `Uint8Array` and warnings for anything a limit or a broken archive cut short.
 */
import { hash } from 'node:crypto';
import { decodeBytes, type EncodingType } from './text-encoding.js';

/** A decoded base64 fragment or archive member. */
export interface Base64Record {
  /** msticpy's reference triple: item prefix, `"<depth>."`, `"<fragment index>"`. */
  reference: readonly [prefix: string, depth: string, fragmentIndex: string];
  /** The `index` attribute of this record's tag in `decodedText` (`1`, `2.1`, `1.3` for an archive member). */
  index: string;
  /** Nesting level, 1 for base64 found in the input itself. */
  depth: number;
  /** The base64 candidate, CR/LF included. */
  originalString: string;
  /** The member name, or `unknown`. */
  fileName: string;
  /** The sniffed type (`zip`, `gz`, `tar`, `exe`, …), or null (msticpy's `None`). */
  fileType: string | null;
  inputBytes: Uint8Array;
  /** The text, or null when binary. */
  decodedString: string | null;
  encodingType: EncodingType;
  md5: string;
  sha1: string;
  sha256: string;
  /** Lower-case hex bytes separated by spaces (cut after `maxPrintableBytes`, marked with `…`). */
  printableBytes: string;
  warnings: string[];
}

/** What a record needs besides its bytes. */
export interface RecordContext {
  reference: Base64Record['reference'];
  index: string;
  depth: number;
  originalString: string;
  fileName: string;
  fileType: string | null;
  warnings: string[];
  utf16: boolean;
  maxPrintableBytes: number;
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** Lower-case hex pairs separated by spaces, written as bytes and decoded once (large payloads stay fast). */
function hexOf(bytes: Uint8Array, maxBytes: number): string {
  const shown = Math.min(bytes.length, maxBytes);
  const out = Buffer.alloc(Math.max(0, shown * 3 - 1), 0x20);
  for (let i = 0; i < shown; i++) {
    const byte = bytes[i] ?? 0;
    out[i * 3] = HEX_DIGITS[byte >> 4] ?? 0x30;
    out[i * 3 + 1] = HEX_DIGITS[byte & 0x0f] ?? 0x30;
  }
  const hex = out.toString('latin1');
  return bytes.length > maxBytes ? `${hex} …` : hex;
}

function digest(algorithm: 'md5' | 'sha1' | 'sha256', bytes: Uint8Array): string {
  return hash(algorithm, bytes, 'hex');
}

/** Hashes, text decoding and hex form of `bytes`, with the context's names and position. */
export function buildRecord(bytes: Uint8Array, context: RecordContext): Base64Record {
  const text = decodeBytes(bytes, context.utf16);
  return {
    reference: context.reference,
    index: context.index,
    depth: context.depth,
    originalString: context.originalString,
    fileName: context.fileName,
    fileType: context.fileType,
    inputBytes: bytes,
    decodedString: text.decodedString,
    encodingType: text.encodingType,
    md5: digest('md5', bytes),
    sha1: digest('sha1', bytes),
    sha256: digest('sha256', bytes),
    printableBytes: hexOf(bytes, context.maxPrintableBytes),
    warnings: context.warnings,
  };
}
