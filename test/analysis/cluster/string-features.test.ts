import { describe, expect, it } from 'vitest';
import { crc32, tableCrc32 } from '../../../src/analysis/cluster/crc32.js';
import {
  charOrdScore,
  codePointLength,
  crc32Hash,
  delimCount,
  delimHash,
  tokenCount,
} from '../../../src/analysis/cluster/string-features.js';
import { haveMsticpyData, readCases } from './msticpy-data.js';

interface StringCase {
  input: string;
  token_count: number;
  char_ord_score: number;
  delim_count: number;
  crc32_hash: number;
  delim_hash: number;
}
interface EventClusterCases {
  string_feature_cases: { msticpy_test_case: { input: string; msticpy_test_asserts: Omit<StringCase, 'input'> } };
}

describe('string features: msticpy test_custom_features', () => {
  const input = 'The quick & sly (as all foxes might be/or not) fox, jumped over a frog.';
  it('reproduces the asserted numbers', () => {
    expect(tokenCount(input)).toBe(15);
    expect(charOrdScore(input)).toBe(6199);
    expect(delimCount(input)).toBe(20);
    expect(crc32Hash(input)).toBe(2011081507);
    expect(delimHash(input)).toBe(2337396062);
  });
});

describe.skipIf(!haveMsticpyData)('string features: observed msticpy values', () => {
  const cases = haveMsticpyData
    ? readCases<EventClusterCases & { string_feature_cases: { extra_observed: StringCase[] } }>(
        'eventcluster_cases.json',
      )
    : undefined;
  const all = cases
    ? [
        {
          input: cases.string_feature_cases.msticpy_test_case.input,
          ...cases.string_feature_cases.msticpy_test_case.msticpy_test_asserts,
        },
        ...cases.string_feature_cases.extra_observed,
      ]
    : [];
  it.each(all)('$input', (c) => {
    expect(tokenCount(c.input)).toBe(c.token_count);
    expect(charOrdScore(c.input)).toBe(c.char_ord_score);
    expect(delimCount(c.input)).toBe(c.delim_count);
    expect(crc32Hash(c.input)).toBe(c.crc32_hash);
    expect(delimHash(c.input)).toBe(c.delim_hash);
  });
});

describe('string features: Python semantics in JavaScript', () => {
  it('sums code points, not UTF-16 units', () => {
    // U+1F600 is one code point (128512) but two UTF-16 units (55357 + 56832).
    expect(charOrdScore('😀')).toBe(128512);
    expect(codePointLength('a😀b')).toBe(3);
    expect(charOrdScore('abc', 2)).toBe(Math.floor(294 / 2));
  });

  it("counts Python's whitespace, not JavaScript's", () => {
    expect(delimCount('a\u001cb\u0085c')).toBe(2); // Python \s matches these, JS \s does not
    expect(delimCount('a\ufeffb')).toBe(0); // JS \s matches BOM, Python \s does not
    expect(delimCount('a\u3000b\u00a0c')).toBe(2);
  });

  it('hashes delimiters as UTF-8 bytes', () => {
    expect(delimHash('x\u3000y z')).toBe(crc32('\u3000 '));
  });

  it('counts empty pieces like str.split', () => {
    expect(tokenCount('')).toBe(1);
    expect(tokenCount('a  b')).toBe(3);
    expect(tokenCount('a,b', ',')).toBe(2);
  });

  it('the table CRC-32 fallback agrees with node:zlib', () => {
    for (const s of ['', 'hello', 'héllo wörld', '😀 \\ /']) expect(tableCrc32(s)).toBe(crc32(s));
    expect(tableCrc32('The quick & sly (as all foxes might be/or not) fox, jumped over a frog.')).toBe(2011081507);
  });
});
