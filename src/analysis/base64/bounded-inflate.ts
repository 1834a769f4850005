/**
 * Inflation that stops at a byte cap instead of expanding a bomb. The fast path is node:zlib with
 * `maxOutputLength`, which aborts as soon as the output passes the cap; when it aborts (cap hit or broken data),
 * fflate's streaming inflater is fed the input in small chunks to recover what came before, so at most one
 * chunk's expansion (≤ ~1 MiB) is produced past the cap.
 */
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { Gunzip, Inflate } from 'fflate';

/** What came out: at most `maxBytes` bytes, whether the cap cut it, and any decompression error. */
export interface InflateResult {
  bytes: Uint8Array;
  truncated: boolean;
  error: string | null;
}

/** Compressed bytes per push: deflate expands at most ~1032×, so one push yields at most ~1 MiB. */
const CHUNK_BYTES = 1024;

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The whole output when it fits under the cap and the data is sound; null otherwise. */
function inflateWhole(data: Uint8Array, format: 'gzip' | 'deflate', maxBytes: number): Uint8Array | null {
  try {
    const options = { maxOutputLength: Math.max(1, maxBytes) };
    const out = format === 'gzip' ? gunzipSync(data, options) : inflateRawSync(data, options);
    return out.length <= maxBytes ? new Uint8Array(out.buffer, out.byteOffset, out.length) : null;
  } catch {
    return null;
  }
}

/** fflate streaming in small chunks: the partial output before the cap or an error, and the error. */
function inflateInChunks(data: Uint8Array, format: 'gzip' | 'deflate', maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let produced = 0;
  const onData = (chunk: Uint8Array): void => {
    produced += chunk.length;
    const room = maxBytes - kept;
    if (room <= 0) return;
    const piece = chunk.length <= room ? chunk : chunk.slice(0, room);
    chunks.push(piece);
    kept += piece.length;
  };
  const stream = format === 'gzip' ? new Gunzip(onData) : new Inflate(onData);
  let error: string | null = null;
  try {
    for (let offset = 0; offset < data.length && produced <= maxBytes; offset += CHUNK_BYTES) {
      const end = Math.min(data.length, offset + CHUNK_BYTES);
      stream.push(data.subarray(offset, end), end === data.length);
    }
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
  }
  return { bytes: concat(chunks, kept), truncated: produced > maxBytes, error };
}

/** Inflate gzip (`gzip`, multi-member allowed) or raw deflate (`deflate`, zip members) up to `maxBytes`. */
export function inflateBounded(data: Uint8Array, format: 'gzip' | 'deflate', maxBytes: number): InflateResult {
  const whole = inflateWhole(data, format, maxBytes);
  return whole ? { bytes: whole, truncated: false, error: null } : inflateInChunks(data, format, maxBytes);
}
