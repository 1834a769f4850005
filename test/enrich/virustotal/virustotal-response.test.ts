/**
 * VirusTotal v3 objects as results: msticpy's real v3 test objects (a trojan file, three URLs), the paths and
 * URL identifiers of each observable type, the GUI links, and the verdict thresholds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verdictOfCounts } from '../../../src/enrich/threat-intel.js';
import { guiLink, objectPath, urlIdentifier } from '../../../src/enrich/virustotal/virustotal-objects.js';
import {
  engineCounts,
  notFoundResult,
  objectResult,
  parseObjectBody,
  type VirusTotalObject,
} from '../../../src/enrich/virustotal/virustotal-response.js';
import { hasSharedData, sharedFile } from '../../helpers/shared-data.js';

const checkedAt = new Date('2026-03-02T09:00:00Z');

function msticpyObject(name: string): VirusTotalObject {
  const object = parseObjectBody({
    data: JSON.parse(readFileSync(sharedFile(`msticpy/vt3_responses/${name}`), 'utf8')),
  });
  if (!object) throw new Error(`${name} is not a v3 object`);
  return object;
}

describe.skipIf(!hasSharedData)('msticpy’s VirusTotal v3 objects (shared/data/msticpy/vt3_responses)', () => {
  it('the trojan file: 40 of 68 engines, its name, type, threat label and dates', () => {
    const sha256 = '03bd9a94482f180bb047626cb2f27ccf8daa0e201345480b43585580e09c311b';
    const result = objectResult(msticpyObject('vt3_file_1.json'), { value: sha256, type: 'sha256_hash', checkedAt });
    // `type-unsupported` and `failure` are not engine verdicts: 40 + 0 + 0 + 28 engines answered.
    expect(result.counts).toEqual({
      malicious: 40,
      suspicious: 0,
      harmless: 0,
      undetected: 28,
      timeout: 0,
      engines: 68,
    });
    expect(result).toMatchObject({
      found: true,
      verdict: 'malicious',
      reputation: 0,
      lastAnalysedAt: '2021-10-09T14:20:26.000Z',
      link: `https://www.virustotal.com/gui/file/${sha256}`,
      checkedAt: checkedAt.toISOString(),
    });
    expect(Object.fromEntries(result.details.map((d) => [d.label, d.value]))).toEqual({
      'File name': 'itami.exe',
      'File type': 'Win32 EXE',
      Size: '44,032 bytes',
      'Threat label': 'trojan.msil/tasker',
      'First submitted': '2021-10-02',
    });
  });

  it('looked up by MD5, the file also shows its SHA-256', () => {
    const result = objectResult(msticpyObject('vt3_file_1.json'), {
      value: 'b61a4b8883ba9b9d4d85bdaecab71722',
      type: 'md5_hash',
      checkedAt,
    });
    expect(result.details).toContainEqual({
      label: 'SHA-256',
      value: '03bd9a94482f180bb047626cb2f27ccf8daa0e201345480b43585580e09c311b',
    });
  });

  it('the URLs: clean, one engine (suspicious, not malicious), clean; linked by VirusTotal’s SHA-256 id', () => {
    const verdicts = ['vt3_url_0.json', 'vt3_url_1.json', 'vt3_url_2.json'].map((name) => {
      const object = msticpyObject(name);
      const url = String(object.attributes.url);
      const result = objectResult(object, { value: url, type: 'url', checkedAt });
      expect(result.link).toBe(`https://www.virustotal.com/gui/url/${object.id}`);
      return [result.verdict, result.counts?.malicious, result.counts?.engines];
    });
    expect(verdicts).toEqual([
      ['clean', 0, 66],
      ['suspicious', 1, 80],
      ['clean', 0, 69],
    ]);
  });
});

describe('VirusTotal object paths and links', () => {
  it('puts each type under its collection; URLs by unpadded base64url id', () => {
    expect(objectPath('90.156.201.27', 'ipv4')).toBe('/ip_addresses/90.156.201.27');
    expect(objectPath('2001:DB8::1', 'ipv6')).toBe('/ip_addresses/2001:db8::1');
    expect(objectPath('Evil.Example.COM.', 'dns')).toBe('/domains/evil.example.com');
    expect(objectPath('D41D8CD98F00B204E9800998ECF8427E', 'md5_hash')).toBe('/files/d41d8cd98f00b204e9800998ecf8427e');
    // VirusTotal's documented example: http://www.google.com/ → aHR0cDovL3d3dy5nb29nbGUuY29tLw (no `=`).
    expect(urlIdentifier('http://www.google.com/')).toBe('aHR0cDovL3d3dy5nb29nbGUuY29tLw');
    expect(objectPath('http://x.example/a?b=c&d=~é', 'url')).toMatch(/^\/urls\/[A-Za-z0-9_-]+$/);
  });

  it('never lets a value leave its path segment', () => {
    expect(objectPath('../users/me', 'dns')).toBe('/domains/..%2Fusers%2Fme');
    expect(objectPath('a?x=1#y', 'sha256_hash')).toBe('/files/a%3Fx%3D1%23y');
  });

  it('links unknown URLs to a search (the GUI has no page for a base64 id)', () => {
    expect(guiLink('url', 'http://a.example/x')).toBe(
      'https://www.virustotal.com/gui/search/http%253A%252F%252Fa.example%252Fx',
    );
    expect(guiLink('ipv4', '1.2.3.4')).toBe('https://www.virustotal.com/gui/ip-address/1.2.3.4');
    expect(notFoundResult({ value: 'evil.example', type: 'dns', checkedAt })).toMatchObject({
      found: false,
      verdict: 'unknown',
      counts: null,
      link: 'https://www.virustotal.com/gui/domain/evil.example',
    });
  });
});

describe('engine counts and verdicts', () => {
  const counts = (stats: Record<string, number>) => engineCounts(stats);

  it('two engines or more = malicious; one, or only suspicious = suspicious; none = clean; no engine = unknown', () => {
    expect(verdictOfCounts(counts({ malicious: 2, harmless: 60 }))).toBe('malicious');
    expect(verdictOfCounts(counts({ malicious: 1, harmless: 60 }))).toBe('suspicious');
    expect(verdictOfCounts(counts({ suspicious: 3, harmless: 60 }))).toBe('suspicious');
    expect(verdictOfCounts(counts({ harmless: 60, undetected: 10 }))).toBe('clean');
    expect(verdictOfCounts(counts({ timeout: 5 }))).toBe('unknown');
    expect(verdictOfCounts(null)).toBe('unknown');
  });

  it('reads only numbers from the wire', () => {
    expect(engineCounts({ malicious: '7', harmless: -3, undetected: 4 })).toMatchObject({ malicious: 0, engines: 4 });
    expect(engineCounts('nope')).toBeNull();
    expect(parseObjectBody({ data: { id: 1, type: 'file' } })).toBeNull();
    expect(parseObjectBody({ error: { code: 'NotFoundError' } })).toBeNull();
  });
});
