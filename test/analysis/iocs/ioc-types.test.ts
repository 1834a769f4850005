import { describe, expect, it } from 'vitest';
import { isIocType, rowScanTypes, textScanTypes } from '../../../src/analysis/iocs/ioc-types.js';

describe('scan type selection (msticpy defaults)', () => {
  it('scans every type in text mode, paths included, unless includePaths is false', () => {
    expect(textScanTypes().size).toBe(10);
    expect([...textScanTypes({ includePaths: false })]).not.toContain('linux_path');
  });

  it('leaves linux_path out of row scans, and windows_path unless includePaths', () => {
    expect([...rowScanTypes()].sort()).toEqual(
      ['dns', 'email', 'ipv4', 'ipv6', 'md5_hash', 'sha1_hash', 'sha256_hash', 'url'].sort(),
    );
    expect([...rowScanTypes({ includePaths: true })]).toContain('windows_path');
    expect([...rowScanTypes({ includePaths: true })]).not.toContain('linux_path');
  });

  it('uses exactly the given types when there are any', () => {
    expect([...rowScanTypes({ types: ['linux_path'], includePaths: false })]).toEqual(['linux_path']);
    expect([...textScanTypes({ types: [] })].length).toBe(10);
  });

  it('recognises type names', () => {
    expect(isIocType('sha256_hash')).toBe(true);
    expect(isIocType('hostname')).toBe(false);
  });
});
