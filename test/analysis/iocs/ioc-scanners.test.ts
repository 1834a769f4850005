import { describe, expect, it } from 'vitest';
import { scanRegex } from '../../../src/analysis/iocs/ioc-patterns.js';
import { createIocMatcher } from '../../../src/analysis/iocs/ioc-scanners.js';

/** Deterministic pseudo-random text over characters that make emails, IPv6 and hashes likely. */
function noise(seed: number, length: number, alphabet: string): string {
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

function plainScan(type: 'email' | 'ipv6', text: string): string[] {
  return [...text.matchAll(scanRegex(type))].map((match) => `${match.index}:${match[0]}`);
}

function anchoredScan(type: 'email' | 'ipv6', text: string): string[] {
  const found: string[] = [];
  createIocMatcher().each(type, text, (match) => found.push(`${match.index}:${match[0]}`));
  return found;
}

describe('anchored scans find exactly what a plain global scan finds', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`email, seed ${seed}`, () => {
      const text = noise(seed, 20_000, 'ab.c-@/[at] x.com1');
      expect(anchoredScan('email', text)).toEqual(plainScan('email', text));
    });

    it(`ipv6, seed ${seed}`, () => {
      const text = noise(seed, 20_000, '0af::.: g1');
      expect(anchoredScan('ipv6', text)).toEqual(plainScan('ipv6', text));
    });
  }
});

describe('eachHash', () => {
  it('finds whole hex runs of 32, 40 and 64 characters, wherever they sit', () => {
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    const sha1 = 'A'.repeat(40);
    const sha256 = 'f'.repeat(64);
    const text = `${md5}x${sha1} ${'b'.repeat(33)} ${sha256}`;
    const found: string[] = [];
    createIocMatcher().eachHash(text, (value, type) => found.push(`${type}:${value}`));
    expect(found).toEqual([`md5_hash:${md5}`, `sha1_hash:${sha1}`, `sha256_hash:${sha256}`]);
  });

  it('finds a hash at every offset (the probe stride never skips one)', () => {
    const md5 = '0123456789abcdef0123456789abcdef';
    for (let offset = 0; offset < 70; offset++) {
      const found: string[] = [];
      createIocMatcher().eachHash(`${'-'.repeat(offset)}${md5}-`, (value) => found.push(value));
      expect(found, `offset ${offset}`).toEqual([md5]);
    }
  });
});
