import { describe, expect, it } from 'vitest';
import { decodeCandidate, decodedSizeOf, findCandidates } from '../../../src/analysis/base64/candidates.js';

describe('findCandidates (msticpy candidate regex)', () => {
  it('needs 30+ characters of the alphabet or CR/LF, then up to two =', () => {
    const text = `x ${'A'.repeat(29)} y ${'B'.repeat(30)}=== z ab\r\ncd${'C'.repeat(28)}`;
    expect([...findCandidates(text)].map((candidate) => candidate.text)).toEqual([
      `${'B'.repeat(30)}==`,
      `ab\r\ncd${'C'.repeat(28)}`,
    ]);
  });

  it('skips base64-looking text inside <decoded> tags but not between them', () => {
    const name = 'Q'.repeat(40);
    const inner = 'R'.repeat(40);
    const text = `<decoded type='string' name='${name}' index='1' depth='1'>${inner}</decoded>`;
    expect([...findCandidates(text)]).toEqual([{ text: inner, start: text.indexOf(inner) }]);
  });
});

describe('decodeCandidate (Python base64.b64decode rules)', () => {
  it('decodes with or without CR/LF and with correct padding', () => {
    expect(Buffer.from(decodeCandidate('aGVs\r\nbG8=') ?? []).toString()).toBe('hello');
    expect(Buffer.from(decodeCandidate('aGVsbG8gd29ybGQh') ?? []).toString()).toBe('hello world!');
  });

  it('refuses incorrect padding and impossible lengths', () => {
    expect(decodeCandidate('aGVsbG8')).toBeNull(); // 7 data characters need one '='
    expect(decodeCandidate('aGVsbA=')).toBeNull(); // 6 need '=='
    expect(decodeCandidate('aGVsb')).toBeNull(); // 5 is never valid
  });

  it('treats an empty result as undecodable', () => {
    expect(decodeCandidate('\r\n'.repeat(20))).toBeNull();
  });

  it('estimates the decoded size', () => {
    expect(decodedSizeOf('A'.repeat(40))).toBe(30);
  });
});
