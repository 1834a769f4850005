import { describe, expect, it } from 'vitest';
import { validateIoc } from '../../../src/analysis/iocs/validate-ioc.js';

describe('validateIoc (msticpy IoCExtract.validate)', () => {
  it('matches whole values only, defanged forms included', () => {
    expect(validateIoc('185[.]92[.]220[.]35', 'ipv4')).toBe(true);
    expect(validateIoc('ip 8.8.8.8', 'ipv4')).toBe(false);
    expect(validateIoc('hXXps://www[.]python[.]com', 'url')).toBe(true);
    expect(validateIoc('//club-fox.ru/foo.html', 'url')).toBe(false);
  });

  it('checks IP shape only, like msticpy (the pre-filter parses afterwards)', () => {
    expect(validateIoc('999.1.1.1', 'ipv4')).toBe(true);
    expect(validateIoc('122.1.3', 'ipv4')).toBe(false);
  });

  it('requires an ICANN suffix for dns', () => {
    expect(validateIoc('a.ps', 'dns')).toBe(true);
    expect(validateIoc('x.local', 'dns')).toBe(false);
    expect(validateIoc('localhost', 'dns')).toBe(false);
  });

  it('checks hash lengths exactly', () => {
    expect(validateIoc('A123008438B9C391A123008438B9C391', 'md5_hash')).toBe(true);
    expect(validateIoc('A123008438B9C391', 'md5_hash')).toBe(false);
    expect(validateIoc('a'.repeat(40), 'sha1_hash')).toBe(true);
    expect(validateIoc('a'.repeat(64), 'sha256_hash')).toBe(true);
  });
});
