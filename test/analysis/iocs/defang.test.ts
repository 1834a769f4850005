import { describe, expect, it } from 'vitest';
import { defang, refang } from '../../../src/analysis/iocs/defang.js';

describe('refang', () => {
  it.each([
    ['206[.]123.1.123', '206.123.1.123'],
    ['185[.]92[.]220[.]35', '185.92.220.35'],
    ['evil[.com', 'evil.com'],
    ['evil.]com', 'evil.com'],
    ['user[AT]domain[.]like.uk', 'user@domain.like.uk'],
    ['hXXps://www[.]python[.]com', 'https://www.python.com'],
    ['fXp://host[.]com/x', 'ftp://host.com/x'],
    ['sfXp://host.com', 'sftp://host.com'],
    ['http://[2001:db8::1]/x', 'http://[2001:db8::1]/x'],
  ])('%s → %s', (defanged, plain) => {
    expect(refang(defanged)).toBe(plain);
  });
});

describe('defang', () => {
  it('makes URLs, domains, IPs and emails unclickable and refang undoes it', () => {
    expect(defang('https://evil.example.com/a.ps1', 'url')).toBe('hxxps://evil[.]example[.]com/a[.]ps1');
    expect(defang('8.8.8.8', 'ipv4')).toBe('8[.]8[.]8[.]8');
    expect(defang('user@evil.com', 'email')).toBe('user[at]evil[.]com');
    expect(refang(defang('ftp://files.example.org/x', 'url'))).toBe('ftp://files.example.org/x');
  });

  it('does not double-defang and leaves hashes and paths alone', () => {
    expect(defang('evil[.]com', 'dns')).toBe('evil[.]com');
    expect(defang('C:\\x\\y.exe', 'windows_path')).toBe('C:\\x\\y.exe');
  });
});
