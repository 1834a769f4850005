import { describe, expect, it } from 'vitest';
import { parseIpAddress } from '../../../src/analysis/iocs/ip-address.js';
import { isGlobalIp, isPrivateIp } from '../../../src/analysis/iocs/ip-scope.js';

function address(text: string) {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`not an IP: ${text}`);
  return parsed;
}

describe('isGlobalIp (Python ipaddress.is_global)', () => {
  it.each([
    '8.8.8.8',
    '185.92.220.35',
    '224.0.0.1',
    '192.0.0.9',
    '2345:425:2ca1::567:5673:23b5',
    '2001:4860:4860::8888',
    '2001:20::1',
  ])('%s is global', (text) => {
    expect(isGlobalIp(address(text))).toBe(true);
  });

  it.each([
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.1.1',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.20.27',
    '192.0.2.1',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '2001:db8::1',
    '::ffff:10.0.0.1',
  ])('%s is not global', (text) => {
    expect(isGlobalIp(address(text))).toBe(false);
  });
});

describe('isPrivateIp (Python ipaddress.is_private)', () => {
  it('treats the shared 100.64/10 space as neither private nor global', () => {
    expect(isPrivateIp(address('100.64.0.1'))).toBe(false);
    expect(isGlobalIp(address('100.64.0.1'))).toBe(false);
  });

  it('applies the IPv4 rules to IPv4-mapped IPv6 addresses', () => {
    expect(isPrivateIp(address('::ffff:192.168.0.1'))).toBe(true);
    expect(isGlobalIp(address('::ffff:8.8.8.8'))).toBe(true);
  });
});
