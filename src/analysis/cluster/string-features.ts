/**
 * msticpy's string feature functions (`msticpy/analysis/eventcluster.py`): numbers that make text clusterable.
 * Python counts code points, not UTF-16 units, so every loop here walks code points.
 */
import { crc32, crc32AddBmpChar, crc32Finish, crc32Start } from './crc32.js';

// Python's `\s` on str patterns is `str.isspace()`: JS `\s` minus U+FEFF, plus U+001C–U+001F and U+0085.
const unicodeSpaces = new Set([
  0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
  0x2029, 0x202f, 0x205f, 0x3000,
]);

/** ASCII members of msticpy's delimiter class `[\s\-\\/\.,"\'|&:;%$()]`. */
const asciiDelimiters = (() => {
  const flags = new Uint8Array(128);
  for (const ch of ' \t\n\v\f\r\x1c\x1d\x1e\x1f-\\/.,"\'|&:;%$()') flags[ch.charCodeAt(0)] = 1;
  return flags;
})();

/** True when the code point is in msticpy's delimiter class (with Python's idea of whitespace). */
export function isDelimiter(codePoint: number): boolean {
  return codePoint < 128 ? asciiDelimiters[codePoint] === 1 : unicodeSpaces.has(codePoint);
}

/** floor(Σ code points / scale): close strings get close scores (msticpy `char_ord_score`). */
export function charOrdScore(value: string, scale = 1): number {
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const cp = value.codePointAt(i)!;
    if (cp > 0xffff) i++;
    sum += cp;
  }
  return Math.floor(sum / scale);
}

/** Number of code points (Python's `len`). */
export function codePointLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) i++;
    }
    count++;
  }
  return count;
}

/** Pieces of `value.split(delimiter)`, empty pieces included, so `''` → 1 (msticpy `token_count`). */
export function tokenCount(value: string, delimiter = ' '): number {
  return value.split(delimiter).length;
}

/** Number of delimiter characters in `value` (msticpy `delim_count`). */
export function delimCount(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // Delimiters are all in the BMP, so surrogate halves can never match and need no pairing.
    if (isDelimiter(unit)) count++;
  }
  return count;
}

/** CRC-32 of the delimiter characters of `value`, in order (msticpy `delim_hash`): the "shape" of a command line. */
export function delimHash(value: string): number {
  return textStats(value).delimHash;
}

/** The four command-line numbers, computed in one pass (features of a million events are one pass each). */
export interface TextStats {
  /** Σ code points (`char_ord_score`). */
  score: number;
  /** Code points (`len`). */
  length: number;
  /** Delimiter characters (`delim_count`). */
  delimCount: number;
  /** CRC-32 of the delimiter characters (`delim_hash`). */
  delimHash: number;
}

/** {@link charOrdScore}, {@link codePointLength}, {@link delimCount} and {@link delimHash} of `value` in one pass. */
export function textStats(value: string): TextStats {
  let score = 0;
  let length = 0;
  let delimiters = 0;
  // The CRC runs over the delimiters' UTF-8 bytes without building the delimiter string.
  let crc = crc32Start;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    length++;
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        score += (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    score += unit;
    // Delimiters are all in the BMP, so surrogate halves never match.
    if (isDelimiter(unit)) {
      delimiters++;
      crc = crc32AddBmpChar(crc, unit);
    }
  }
  return { score, length, delimCount: delimiters, delimHash: crc32Finish(crc) };
}

/** CRC-32 of the UTF-8 bytes of `value` (msticpy `crc32_hash`). */
export function crc32Hash(value: string): number {
  return crc32(value);
}
