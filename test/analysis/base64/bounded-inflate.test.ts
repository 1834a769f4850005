import { deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateBounded } from '../../../src/analysis/base64/bounded-inflate.js';

describe('inflateBounded', () => {
  it('inflates gzip and raw deflate completely under the cap', () => {
    const data = Buffer.from('hello '.repeat(1000));
    expect(inflateBounded(gzipSync(data), 'gzip', 1e6)).toEqual({
      bytes: new Uint8Array(data),
      truncated: false,
      error: null,
    });
    expect(Buffer.from(inflateBounded(deflateRawSync(data), 'deflate', 1e6).bytes).equals(data)).toBe(true);
  });

  it('reads concatenated gzip members like Python gzip.decompress', () => {
    const both = Buffer.concat([gzipSync('one '), gzipSync('two')]);
    expect(Buffer.from(inflateBounded(both, 'gzip', 1e6).bytes).toString()).toBe('one two');
  });

  it('stops at the cap without inflating the rest', { timeout: 5000 }, () => {
    const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024), { level: 9 });
    const result = inflateBounded(bomb, 'gzip', 100_000);
    expect(result.bytes.length).toBe(100_000);
    expect(result.truncated).toBe(true);
  });

  it('returns what it read before an error', () => {
    const gz = gzipSync(Buffer.from('abc'.repeat(5000)));
    const result = inflateBounded(gz.subarray(0, gz.length - 20), 'gzip', 1e6);
    expect(result.error).not.toBeNull();
    expect(result.bytes.length).toBeGreaterThanOrEqual(0);
  });
});
