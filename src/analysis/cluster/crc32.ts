/**
 * CRC-32 (zlib / IEEE 802.3, unsigned) of a string's UTF-8 bytes — the value Python's `binascii.crc32` gives.
 */
import * as zlib from 'node:zlib';

type Crc32 = (data: string) => number;

// `zlib.crc32` exists from Node 20.15; package.json allows 20.12, so keep a table-driven fallback.
// A namespace import (not `import { crc32 }`) so a missing export is `undefined` instead of a link error.
const nativeCrc32: Crc32 | undefined = typeof zlib.crc32 === 'function' ? (data) => zlib.crc32(data) : undefined;

const table = (() => {
  const entries = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    entries[n] = c >>> 0;
  }
  return entries;
})();

/** Feeds one byte into a running (pre-inverted) CRC; start with `crc32Start`, finish with `crc32Finish`. */
export function crc32AddByte(crc: number, byte: number): number {
  return table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
}

/** Feeds the UTF-8 bytes of one BMP code unit (not a surrogate half) into a running CRC. */
export function crc32AddBmpChar(crc: number, unit: number): number {
  if (unit < 0x80) return crc32AddByte(crc, unit);
  if (unit < 0x800) return crc32AddByte(crc32AddByte(crc, 0xc0 | (unit >> 6)), 0x80 | (unit & 0x3f));
  const first = crc32AddByte(crc, 0xe0 | (unit >> 12));
  return crc32AddByte(crc32AddByte(first, 0x80 | ((unit >> 6) & 0x3f)), 0x80 | (unit & 0x3f));
}

/** Initial value of a running CRC. */
export const crc32Start = 0xffffffff;

/** The unsigned CRC-32 of a running CRC. */
export function crc32Finish(crc: number): number {
  return (crc ^ 0xffffffff) >>> 0;
}

/** Table-driven CRC-32 of UTF-8 bytes; exported so tests can check it against `node:zlib`. */
export function tableCrc32(data: string): number {
  let crc = crc32Start;
  for (const byte of new TextEncoder().encode(data)) crc = crc32AddByte(crc, byte);
  return crc32Finish(crc);
}

/** CRC-32 of the UTF-8 bytes of `data`, as an unsigned 32-bit number. */
export const crc32: Crc32 = nativeCrc32 ?? tableCrc32;
