/**
 * `vt` end to end: a real socbot core (demo workspace, app wiring from the environment) against the loopback fake
 * VirusTotal. One observable: verdict, counts, attributes, link; pre-filter refusals without a request; defanged
 * input; the cache; a refused key. An alert: `vt alert <id>`, the thread shorthand, and `investigate` with the
 * threat-intel step feeding the verdict — and skipped when no key is configured.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../../src/channels/thread-follow-up.js';
import type { Section } from '../../../src/core/section.js';
import { answer } from '../../../src/investigation/answer.js';
import { createLogger } from '../../../src/logger.js';
import { sectionsToMarkdown } from '../../../src/render/markdown/render-markdown.js';
import {
  domainObject,
  type FakeVirusTotal,
  ipObject,
  startFakeVirusTotal,
  urlObject,
  vtError,
} from '../../fakes/virustotal-server.js';
import { createTestSocbot, type TestSocbot } from '../../helpers/test-socbot.js';
import { factsOf, sectionById } from '../steps/step-test-context.js';

const apiKey = '9c1f'.repeat(16);
/** The look-alike domains the demo's phishing story downloads its stager from. */
const payloadDomains = ['cdn-officeupdate.com', 'msoffice-cdn.net', 'update-defender.info', 'azure-telemetry.org'];

describe('vt through answer() with the fake VirusTotal', () => {
  let fake: FakeVirusTotal;
  let socbot: TestSocbot;
  let phishingAlertId: string;
  const ask = (text: string) => socbot.answer(text, { correlationId: 'vt-test' });

  beforeAll(async () => {
    fake = await startFakeVirusTotal({ apiKey });
    fake.put(
      '/ip_addresses/90.156.201.27',
      ipObject('90.156.201.27', { malicious: 5, harmless: 60, undetected: 20 }, { country: 'RU', reputation: -11 }),
    );
    for (const domain of payloadDomains) {
      const url = `http://${domain}/a.ps1`;
      fake.put(`/urls/${Buffer.from(url).toString('base64url')}`, urlObject(url, { malicious: 12, harmless: 50 }));
      fake.put(`/domains/${domain}`, domainObject(domain, { harmless: 70 }));
    }
    socbot = await createTestSocbot({
      events: 5_000,
      // A generous budget: these tests are not about the free tier's 4 a minute (test/enrich covers the limiter).
      env: { VIRUSTOTAL_API_KEY: apiKey, VIRUSTOTAL_URL: fake.baseUrl, VIRUSTOTAL_REQUESTS_PER_MINUTE: '30' },
    });
    const alerts = await socbot.provider.run('list_alerts', { start: new Date(0), end: new Date('2100-01-01') });
    const phishing = alerts.rows.find((row) => row.AlertDisplayName === 'Suspicious Powershell Activity Detected');
    if (!phishing) throw new Error('the demo workspace has no encoded-PowerShell alert');
    phishingAlertId = phishing.SystemAlertId;
  });
  afterAll(async () => {
    await socbot?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  it('vt <ip>: verdict, engine counts, attributes and a VirusTotal link', async () => {
    const [section] = await ask('vt 90.156.201.27');
    expect(section).toMatchObject({
      id: 'vt',
      status: 'ok',
      tone: 'attention',
      title: 'VirusTotal: 90[.]156[.]201[.]27',
    });
    expect(factsOf(section!)).toMatchObject({
      Verdict: '🔴 malicious',
      Detections: '5 of 85 engines flag it malicious',
      Reputation: '-11',
      Country: 'RU',
    });
    expect(sectionsToMarkdown([section!])).toContain(
      '[Open in VirusTotal](https://www.virustotal.com/gui/ip-address/90.156.201.27)',
    );
    expect(fake.requests).toEqual([{ method: 'GET', path: '/ip_addresses/90.156.201.27', apiKey }]);
  });

  it('a second vt is answered from the cache, without a request', async () => {
    await ask('vt 185.220.101.4');
    const [again] = await ask('vt 185.220.101.4');
    expect(factsOf(again!)).toMatchObject({ Verdict: '⚪ not known', Detections: 'not known to VirusTotal' });
    expect(factsOf(again!).Checked).toMatch(/from socbot's cache/);
    expect(fake.requests).toHaveLength(1);
  });

  it('defanged input is refanged before the lookup', async () => {
    const [section] = await ask('vt hxxp://evil-cdn[.]org/stage.ps1');
    expect(section?.title).toBe('VirusTotal: hxxp://evil-cdn[.]org/stage[.]ps1');
    expect(fake.requests.map((r) => r.path)).toEqual(['/urls/aHR0cDovL2V2aWwtY2RuLm9yZy9zdGFnZS5wczE']);
  });

  it('private IPs, unqualified names and low-entropy hashes get the pre-filter’s reason and no request', async () => {
    const reasons = new Map<string, string>();
    for (const text of ['vt 10.1.2.3', 'vt WEB01', `vt ${'a'.repeat(32)}`, 'vt http://intranet/login']) {
      const [section] = await ask(text);
      expect(section?.status).toBe('skipped');
      reasons.set(text, sectionsToMarkdown([section!]));
    }
    expect(reasons.get('vt 10.1.2.3')).toContain('IP address is not global');
    expect(reasons.get('vt WEB01')).toContain('Observable does not match expected pattern for dns');
    expect(reasons.get(`vt ${'a'.repeat(32)}`)).toContain('String has too low an entropy to be a hash');
    expect(reasons.get('vt http://intranet/login')).toContain('Host is unqualified domain name');
    expect(fake.requests).toEqual([]);
  });

  it('a refused key answers a card naming VIRUSTOTAL_API_KEY, never the key', async () => {
    fake.script({ status: 401, body: vtError('WrongCredentialsError', `Wrong API key ${apiKey}`) });
    const sections = await ask('vt 45.33.32.156');
    expect(sections[0]).toMatchObject({ status: 'failed', problem: { code: 'QueryFailed' } });
    expect(sections[0]?.problem?.hint).toContain('VIRUSTOTAL_API_KEY');
    expect(JSON.stringify(sections)).not.toContain(apiKey);
  });

  it('vt alert <id>: VirusTotal verdicts for the alert’s IoCs, positives first', async () => {
    const [section] = await ask(`vt alert ${phishingAlertId}`);
    expect(section).toMatchObject({ id: 'threat-intel', status: 'ok', tone: 'attention' });
    const markdown = sectionsToMarkdown([section!]);
    expect(markdown).toMatch(/VirusTotal flags 1 malicious of 2 observables/);
    expect(markdown).toMatch(/12 of 62 engines flag it malicious/);
    // The stager URL and its domain; each asked once.
    expect(fake.requests.map((r) => r.path.split('/')[1]).sort()).toEqual(['domains', 'urls']);
  });

  it('`vt` alone in the alert’s thread runs the same step', async () => {
    const text = resolveFollowUp('vt', phishingAlertId);
    expect(text).toBe(`vt alert ${phishingAlertId}`);
    const [section] = await ask(text);
    expect(section?.id).toBe('threat-intel');
    // Both answers came from the cache this time.
    expect(factsOf(section!).Answered).toBe('2 (2 from cache)');
    expect(fake.requests).toEqual([]);
  });

  it('investigate: the threat-intel step after the IoCs, its positive in the verdict', async () => {
    const sections: Section[] = await ask(`investigate ${phishingAlertId}`);
    const ids = sections.map((s) => s.id);
    expect(ids.indexOf('threat-intel')).toBeGreaterThan(ids.indexOf('iocs-tree'));
    expect(sectionById(sections, 'threat-intel').status).toBe('ok');
    expect(sectionsToMarkdown([sectionById(sections, 'verdict')])).toMatch(
      /VirusTotal: 12 of 62 engines flag it malicious — the URL hxxp:\/\//,
    );
  });

  it('without a key the step is skipped, saying how to turn it on', async () => {
    const ctx = { data: socbot.provider, now: () => new Date(), log: createLogger('silent'), correlationId: 'no-key' };
    const [section] = await answer(`vt alert ${phishingAlertId}`, ctx);
    expect(section).toMatchObject({ id: 'threat-intel', status: 'skipped' });
    expect(sectionsToMarkdown([section!])).toContain('VIRUSTOTAL_API_KEY');
    expect(fake.requests).toEqual([]);
  });
});
