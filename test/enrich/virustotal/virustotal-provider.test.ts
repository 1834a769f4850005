/**
 * The VirusTotal provider against a loopback fake of the v3 API: each observable type reaches its path with the
 * `x-apikey` header; 404 is an answer; 401 names VIRUSTOTAL_API_KEY and never shows it; 429 is retried after
 * Retry-After (on an injected clock) and reported as RateLimited when it persists; 5xx is retried once; timeouts,
 * unreachable servers and callers giving up each say what happened. The key appears in no message and no log line.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isSocbotError, type SocbotError } from '../../../src/core/errors.js';
import { RequestRateLimiter } from '../../../src/enrich/rate-limiter.js';
import type { ThreatIntelProvider } from '../../../src/enrich/threat-intel.js';
import { createVirusTotalClient } from '../../../src/enrich/virustotal/virustotal-client.js';
import { createVirusTotalProvider } from '../../../src/enrich/virustotal/virustotal-provider.js';
import {
  domainObject,
  type FakeVirusTotal,
  fileObject,
  ipObject,
  startFakeVirusTotal,
  urlObject,
  vtError,
} from '../../fakes/virustotal-server.js';

const apiKey = 'f00dfeed'.repeat(8);
const sha256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';

/** A logger whose lines are kept, so tests can check what was logged. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'trace' }, stream), lines };
}

/** A limiter on a clock that moves only when it sleeps. */
function fakeLimiter(perMinute = 4) {
  const clock = { at: 0, sleeps: [] as number[] };
  const limiter = new RequestRateLimiter({
    perMinute,
    now: () => clock.at,
    sleep: async (ms) => {
      clock.sleeps.push(ms);
      clock.at += ms;
    },
  });
  return { limiter, clock };
}

async function failure(promise: Promise<unknown>): Promise<SocbotError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSocbotError(error)) throw new Error(`expected a SocbotError, got ${String(error)}`);
  return error;
}

describe('VirusTotal provider on the fake v3 API', () => {
  let fake: FakeVirusTotal;
  const logged = capturedLogger();
  let clock: { at: number; sleeps: number[] };

  const providerWith = (options: { key?: string; baseUrl?: string; timeoutMs?: number } = {}) => {
    const limited = fakeLimiter();
    clock = limited.clock;
    const client = createVirusTotalClient({
      apiKey: options.key ?? apiKey,
      baseUrl: options.baseUrl ?? fake.baseUrl,
      timeoutMs: options.timeoutMs ?? 2_000,
    });
    return createVirusTotalProvider({
      client,
      limiter: limited.limiter,
      log: logged.log,
      now: () => new Date('2026-03-02T09:00:00Z'),
    });
  };
  let vt: ThreatIntelProvider;

  beforeAll(async () => {
    fake = await startFakeVirusTotal({ apiKey });
    fake.put(
      '/ip_addresses/90.156.201.27',
      ipObject(
        '90.156.201.27',
        { malicious: 5, harmless: 60, undetected: 20 },
        { country: 'RU', as_owner: 'JSC Example', asn: 25532 },
      ),
    );
    fake.put('/ip_addresses/2001:db8::1', ipObject('2001:db8::1', { harmless: 70 }));
    fake.put(
      '/domains/cdn-officeupdate.com',
      domainObject('cdn-officeupdate.com', { malicious: 1, harmless: 80 }, { registrar: 'NameCheap, Inc.' }),
    );
    const url = 'http://cdn-officeupdate.com/a.ps1';
    fake.put(
      `/urls/${Buffer.from(url).toString('base64url')}`,
      urlObject(url, { malicious: 12, suspicious: 2, harmless: 50 }),
    );
    fake.put(
      `/files/${sha256}`,
      fileObject(
        sha256,
        { malicious: 40, undetected: 28 },
        { meaningful_name: 'itami.exe', type_description: 'Win32 EXE' },
      ),
    );
    fake.put('/files/b61a4b8883ba9b9d4d85bdaecab71722', fileObject(sha256, { malicious: 40, undetected: 28 }));
    fake.put('/files/0c7fc8364e7ead164b5b612982984737fb50fc81', fileObject(sha256, { malicious: 40, undetected: 28 }));
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    vt = providerWith();
  });

  it('looks each observable type up at its path, with the key in x-apikey only', async () => {
    const ip = await vt.lookup('90.156.201.27', 'ipv4');
    expect(ip).toMatchObject({ provider: 'VirusTotal', found: true, verdict: 'malicious', reputation: null });
    expect(ip.details).toEqual([
      { label: 'Country', value: 'RU' },
      { label: 'AS owner', value: 'JSC Example (AS25532)' },
    ]);
    expect((await vt.lookup('2001:DB8::1', 'ipv6')).verdict).toBe('clean');
    expect((await vt.lookup('CDN-OfficeUpdate.com', 'dns')).verdict).toBe('suspicious');
    const url = await vt.lookup('http://cdn-officeupdate.com/a.ps1', 'url');
    expect(url).toMatchObject({ verdict: 'malicious', counts: { malicious: 12, suspicious: 2, engines: 64 } });
    expect(url.link).toMatch(/^https:\/\/www\.virustotal\.com\/gui\/url\/[0-9a-f]{64}$/);
    expect((await vt.lookup(sha256.toUpperCase(), 'sha256_hash')).details[0]).toEqual({
      label: 'File name',
      value: 'itami.exe',
    });
    expect((await vt.lookup('b61a4b8883ba9b9d4d85bdaecab71722', 'md5_hash')).verdict).toBe('malicious');
    expect((await vt.lookup('0c7fc8364e7ead164b5b612982984737fb50fc81', 'sha1_hash')).verdict).toBe('malicious');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /ip_addresses/90.156.201.27',
      'GET /ip_addresses/2001:db8::1',
      'GET /domains/cdn-officeupdate.com',
      'GET /urls/aHR0cDovL2Nkbi1vZmZpY2V1cGRhdGUuY29tL2EucHMx',
      `GET /files/${sha256}`,
      'GET /files/b61a4b8883ba9b9d4d85bdaecab71722',
      'GET /files/0c7fc8364e7ead164b5b612982984737fb50fc81',
    ]);
    expect(new Set(fake.requests.map((r) => r.apiKey))).toEqual(new Set([apiKey]));
  });

  it('404: not known to VirusTotal is an answer, not an error', async () => {
    const result = await vt.lookup('never-seen.example.org', 'dns');
    expect(result).toMatchObject({ found: false, verdict: 'unknown', counts: null, value: 'never-seen.example.org' });
    expect(result.link).toBe('https://www.virustotal.com/gui/domain/never-seen.example.org');
  });

  it('401: a configuration error naming VIRUSTOTAL_API_KEY, never showing a key', async () => {
    const wrongKey = 'bad-key-0123456789abcdef';
    const error = await failure(providerWith({ key: wrongKey }).lookup('90.156.201.27', 'ipv4'));
    expect(error.code).toBe('QueryFailed');
    expect(error.message).toBe("VirusTotal refused socbot's API key (HTTP 401 WrongCredentialsError).");
    expect(error.hint).toContain('VIRUSTOTAL_API_KEY');
    const everything = JSON.stringify({
      message: error.message,
      hint: error.hint,
      cause: error.cause,
      stack: error.stack,
    });
    expect(everything).not.toContain(wrongKey);
    expect(everything).not.toContain(apiKey);
    fake.script({ status: 403, body: vtError('ForbiddenError', `key ${apiKey} is not allowed`) });
    const forbidden = await failure(vt.lookup('90.156.201.27', 'ipv4'));
    expect(forbidden.message).toContain('HTTP 403 ForbiddenError');
    expect(JSON.stringify([forbidden.message, forbidden.hint])).not.toContain(apiKey);
  });

  it('429 with Retry-After: waits what VirusTotal asked (on the limiter’s clock), then answers', async () => {
    fake.script({
      status: 429,
      headers: { 'retry-after': '7' },
      body: vtError('QuotaExceededError', 'Quota exceeded'),
    });
    const result = await vt.lookup('90.156.201.27', 'ipv4');
    expect(result.verdict).toBe('malicious');
    expect(fake.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([7_000]);
  });

  it('429 that persists: RateLimited after the bounded retries', async () => {
    const quota = { status: 429, body: vtError('QuotaExceededError', 'Quota exceeded') };
    fake.script(quota, quota, quota);
    const error = await failure(vt.lookup('90.156.201.27', 'ipv4'));
    expect(error.code).toBe('RateLimited');
    expect(error.message).toBe("VirusTotal's quota is used up (HTTP 429 QuotaExceededError, still after 2 retries).");
    expect(fake.requests).toHaveLength(3);
    // No Retry-After: the default 20 s each time, never a busy loop.
    expect(clock.sleeps).toEqual([20_000, 20_000]);
  });

  it('5xx is retried once, then reported with VirusTotal’s code', async () => {
    fake.script({ status: 503, body: vtError('TransientError', 'try again') });
    expect((await vt.lookup('90.156.201.27', 'ipv4')).verdict).toBe('malicious');
    const broken = { status: 500, body: vtError('InternalError', 'boom') };
    fake.script(broken, broken);
    const error = await failure(vt.lookup('90.156.201.27', 'ipv4'));
    expect(error).toMatchObject({ code: 'QueryFailed', message: 'VirusTotal answered HTTP 500 InternalError: boom.' });
  });

  it('a slow answer times out with a clear message', async () => {
    fake.script({ delayMs: 2_000, body: { data: ipObject('90.156.201.27', {}) } });
    const error = await failure(providerWith({ timeoutMs: 100 }).lookup('90.156.201.27', 'ipv4'));
    expect(error).toMatchObject({ code: 'Timeout', message: 'VirusTotal did not answer within 0.1 s.' });
  });

  it('an unreachable server says so', async () => {
    const closed = await startFakeVirusTotal({ apiKey });
    await closed.close();
    const error = await failure(providerWith({ baseUrl: closed.baseUrl }).lookup('90.156.201.27', 'ipv4'));
    expect(error).toMatchObject({ code: 'QueryFailed', message: 'VirusTotal could not be reached (ECONNREFUSED).' });
  });

  it('a 200 that is not a v3 object is an error, not a verdict', async () => {
    fake.script({ body: { results: [] } });
    const error = await failure(vt.lookup('90.156.201.27', 'ipv4'));
    expect(error.hint).toContain('VIRUSTOTAL_URL');
  });

  it('a caller that gives up gets its own reason back, not a VirusTotal error', async () => {
    fake.script({ delayMs: 1_000, body: { data: ipObject('90.156.201.27', {}) } });
    const controller = new AbortController();
    const pending = vt.lookup('90.156.201.27', 'ipv4', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 50);
    await expect(pending).rejects.toThrow('user left');
  });

  it('the key is in no log line', () => {
    expect(logged.lines.length).toBeGreaterThan(0);
    expect(logged.lines.join('\n')).not.toContain(apiKey);
  });
});
