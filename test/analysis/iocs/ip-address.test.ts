import { describe, expect, it } from 'vitest';
import { parseIpAddress, parseIpv4, parseIpv6 } from '../../../src/analysis/iocs/ip-address.js';

describe('parseIpv4', () => {
  it('accepts dotted quads up to 255', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4('10.1.2.3')).toBe(0x0a010203);
  });

  it('refuses octets over 255, leading zeros, missing parts and junk (Python ipaddress rules)', () => {
    for (const bad of ['256.1.1.1', '010.1.1.1', '1.2.3', '1.2.3.4.5', '1.2.3.x', '', '1..2.3']) {
      expect(parseIpv4(bad), bad).toBeNull();
    }
  });
});

describe('parseIpv6', () => {
  it('accepts full, compressed, IPv4-tailed and zoned forms', () => {
    expect(parseIpv6('::1')).toBe(1n);
    expect(parseIpv6('::')).toBe(0n);
    expect(parseIpv6('2001:db8::1')).toBe((0x20010db8n << 96n) | 1n);
    expect(parseIpv6('::ffff:192.0.2.128')).toBe((0xffffn << 32n) | 0xc0000280n);
    expect(parseIpv6('fe80::1%eth0')).toBe((0xfe80n << 112n) | 1n);
    expect(parseIpv6('2345:0425:2CA1:0000:0000:0567:5673:23b5')).not.toBeNull();
  });

  it('refuses times, MAC addresses, two :: and oversized groups', () => {
    for (const bad of ['10:22:33', '00:1a:2b:3c:4d:5e', '1::2::3', '12345::1', '1:2:3:4:5:6:7:8:9', ':1:2:3:4:5:6:7']) {
      expect(parseIpv6(bad), bad).toBeNull();
    }
  });
});

describe('parseIpAddress', () => {
  it('tries IPv4 first, then IPv6', () => {
    expect(parseIpAddress('8.8.8.8')).toEqual({ version: 4, value: 0x08080808 });
    expect(parseIpAddress('::1')).toEqual({ version: 6, value: 1n });
    expect(parseIpAddress('example.com')).toBeNull();
  });
});
