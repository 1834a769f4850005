import { describe, expect, it } from 'vitest';
import { isUsefulUrl, percentDecode, trimUrlTail, urlsWithin } from '../../../src/analysis/iocs/url-rescan.js';

describe('percentDecode (Python unquote)', () => {
  it('decodes escapes as UTF-8 and leaves other text alone', () => {
    expect(percentDecode('https%3A%2F%2Fa.com%2F%C3%A9')).toBe('https://a.com/é');
    expect(percentDecode('100%zz')).toBe('100%zz');
  });

  it('replaces invalid UTF-8 with U+FFFD', () => {
    expect(percentDecode('%FFx')).toBe('\uFFFDx');
  });
});

describe('trimUrlTail', () => {
  it.each([
    ["http://a.com/x')", 'http://a.com/x'],
    ['http://a.com/x";', 'http://a.com/x'],
    ['http://a.com/wiki/A_(b)', 'http://a.com/wiki/A_(b)'],
    ['http://a.com/x).', 'http://a.com/x'],
    ['http://a.com/[x]]', 'http://a.com/[x]'],
  ])('%s → %s', (url, trimmed) => {
    expect(trimUrlTail(url)).toBe(trimmed);
  });

  it('is linear on a long run of closing parentheses', { timeout: 5000 }, () => {
    expect(trimUrlTail(`http://a.com/${')'.repeat(1_000_000)}`)).toBe('http://a.com/');
  });
});

describe('urlsWithin', () => {
  it('re-scans the percent-decoded URL from its start and finds the nested redirect target', () => {
    expect(urlsWithin('https://good.com/r?u=https%3A%2F%2Fbad.example.org%2Fp')).toEqual([
      { url: 'https://good.com/r?u=https://bad.example.org/p', host: 'good.com' },
      { url: 'https://bad.example.org/p', host: 'bad.example.org' },
    ]);
  });

  it('finds a plain nested URL and nothing in an ordinary one', () => {
    expect(urlsWithin('http://a.com/?next=http://b.example.net/x')).toEqual([
      { url: 'http://b.example.net/x', host: 'b.example.net' },
    ]);
    expect(urlsWithin('https://some.domain.it/thepath?qry1=abc')).toEqual([]);
  });

  it('reports at most four nested URLs', () => {
    expect(urlsWithin(`http://a.com/${'http://b.com/'.repeat(50)}`).length).toBeLessThanOrEqual(4);
  });
});

describe('isUsefulUrl', () => {
  it('rejects a bare scheme', () => {
    expect(isUsefulUrl('http://')).toBe(false);
    expect(isUsefulUrl('http://a')).toBe(true);
  });
});
