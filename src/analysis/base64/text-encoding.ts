/**
 * Decoded bytes as text: msticpy's order (UTF-16 first only when asked, then strict UTF-8, else binary), plus
 * socbot's detection of BOM-less UTF-16LE text such as PowerShell `-EncodedCommand` payloads.
 */
import { isUtf8 } from 'node:buffer';

/** msticpy's `encoding_type`. */
export type EncodingType = 'utf-8' | 'utf-16' | 'binary';

/** The text, or null for binary. */
export interface DecodedText {
  encodingType: EncodingType;
  decodedString: string | null;
}

const UTF16LE = new TextDecoder('utf-16le', { fatal: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true });

/** Python's 'utf-16' codec: a BOM picks the byte order (and is dropped), otherwise little-endian. */
function decodeUtf16(bytes: Uint8Array): string | null {
  try {
    return bytes[0] === 0xfe && bytes[1] === 0xff ? UTF16BE.decode(bytes) : UTF16LE.decode(bytes);
  } catch {
    return null;
  }
}

/** Strict UTF-8 (surrogates and overlong forms refused, as Python does); a BOM stays U+FEFF, as in Python. */
function decodeUtf8(bytes: Uint8Array): string | null {
  // isUtf8 + Buffer decoding: a fatal TextDecoder throws on every binary payload, which is slow.
  return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : null;
}

/** Share of characters that are control characters other than tab, CR and LF. */
function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls++;
  }
  return text.length === 0 ? 1 : controls / text.length;
}

/**
 * FIX (msticpy decodes these as UTF-8 with a NUL after every letter, so IoC patterns miss them): BOM-less
 * UTF-16LE text — at least 8 bytes, even length, ≥ 75% of odd bytes NUL, ≤ 10% of even bytes NUL, and mostly
 * printable once decoded. BOM-marked data is left to the `utf16` option, as in msticpy (an archive member with a
 * BOM stays a binary record, which keeps msticpy's verified records unchanged).
 */
export function decodeBomlessUtf16Le(bytes: Uint8Array): string | null {
  if (bytes.length < 8 || bytes.length % 2 !== 0) return null;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  let oddNuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 1) oddNuls++;
      else evenNuls++;
    }
  }
  const half = bytes.length / 2;
  if (oddNuls < 0.75 * half || evenNuls > 0.1 * half) return null;
  const text = decodeUtf16(bytes);
  return text !== null && controlShare(text) <= 0.1 ? text : null;
}

/** Decode bytes the way socbot reports them: `utf16` tries Python's UTF-16 first, as msticpy's flag does. */
export function decodeBytes(bytes: Uint8Array, utf16: boolean): DecodedText {
  const asUtf16 = (utf16 ? decodeUtf16(bytes) : null) ?? decodeBomlessUtf16Le(bytes);
  if (asUtf16 !== null) return { encodingType: 'utf-16', decodedString: asUtf16 };
  const asUtf8 = decodeUtf8(bytes);
  if (asUtf8 !== null) return { encodingType: 'utf-8', decodedString: asUtf8 };
  return { encodingType: 'binary', decodedString: null };
}
