import { describe, expect, it } from 'vitest';
import { cleanUrl, preprocessObservable, shannonEntropy } from '../../../src/analysis/iocs/observable-prefilter.js';
import { hasReferenceCases, prefilterCases } from './reference-cases.js';

const cases = prefilterCases();

describe.skipIf(!hasReferenceCases)('preprocessObservable on msticpy cases (vt_preprocess_cases.json)', () => {
  for (const testCase of cases?.preprocess_observable_cases ?? []) {
    const { observable, status } = testCase.observed;
    it(`${testCase.ioc_type} ${JSON.stringify(testCase.input)} → ${status}`, () => {
      const result = preprocessObservable(testCase.input, testCase.ioc_type);
      expect(result).toEqual(status === 'ok' ? { ok: true, value: observable } : { ok: false, reason: status });
    });
  }

  for (const testCase of cases?.clean_url_cases ?? []) {
    it(`cleanUrl ${testCase.input}`, () => {
      expect(cleanUrl(testCase.input)).toBe(testCase.msticpy_test_expected);
    });
  }
});

describe('preprocessObservable details', () => {
  it('trims the value and passes types without checks through', () => {
    expect(preprocessObservable('  anything  ', 'other_type')).toEqual({ ok: true, value: 'anything' });
  });

  it('validates file_hash by length and hostname as dns', () => {
    expect(preprocessObservable('d41d8cd98f00b204e9800998ecf8427e', 'file_hash')).toEqual({
      ok: true,
      value: 'd41d8cd98f00b204e9800998ecf8427e',
    });
    expect(preprocessObservable('abc', 'file_hash')).toEqual({
      ok: false,
      reason: 'Observable does not match expected pattern for file_hash',
    });
    expect(preprocessObservable('www[.]python[.]org', 'hostname')).toEqual({ ok: true, value: 'www.python.org' });
  });

  it('says which IP version was expected', () => {
    expect(preprocessObservable('::ffff:8.8.8.8', 'ipv4')).toEqual({
      ok: false,
      reason: 'Observable does not match expected pattern for ipv4',
    });
    expect(preprocessObservable('2001:4860:4860::8888', 'ipv6')).toEqual({ ok: true, value: '2001:4860:4860::8888' });
  });

  it('rejects URLs whose host is a private IP, unqualified or a file URL', () => {
    expect(preprocessObservable('http://192.168.0.10:8080/x', 'url')).toEqual({
      ok: false,
      reason: 'Host part of URL is a private IP address',
    });
    expect(preprocessObservable('file://server.example.com/share', 'url')).toEqual({
      ok: false,
      reason: 'file URL scheme is not supported',
    });
  });
});

describe('shannonEntropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('0000')).toBe(0);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4, 10);
  });

  it('matches the entropy msticpy computed for an md5', () => {
    expect(shannonEntropy('d41d8cd98f00b204e9800998ecf8427e')).toBeCloseTo(3.3911267670198737, 12);
  });
});
