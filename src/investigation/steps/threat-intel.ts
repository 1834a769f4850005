/**
 * Step 7 of the playbook: threat intel. The IoCs the `iocs` step finds (same scans, same pre-filter) that are
 * worth asking about — public IPs, qualified domains, URLs on public hosts, hashes with enough entropy — are looked
 * up on VirusTotal: cached answers first, then a few fresh lookups within the rate limit. Positives come first and
 * become findings for the verdict; the rest are listed with why they were not looked up and a `vt` button.
 */
import type { Alert } from '../../core/alert.js';
import type { Block, NextAction, Section, SectionProblem } from '../../core/section.js';
import { section } from '../../core/section.js';
import { isThreatIntelType, type ThreatIntelResult, type ThreatIntelType } from '../../enrich/threat-intel.js';
import type { Finding, Step, StepContext } from '../step.js';
import { scanAlertCommandLine } from './iocs-alert.js';
import { scanProcessTree } from './iocs-tree.js';
import { cappedTable, counted } from './step-blocks.js';
import { type IntelCandidate, type LookupOutcome, lookUpCandidates } from './threat-intel-lookups.js';
import {
  byPositives,
  detectionsText,
  resultLinks,
  resultTable,
  shownObservable,
  typeName,
  verdictTone,
} from './threat-intel-view.js';

const id = 'threat-intel';
const title = 'Threat intel';
/** `vt <value>` buttons offered for observables not looked up. */
const lookupButtons = 3;

function skipped(markdown: string): Section {
  return section({ id, title, status: 'skipped', blocks: [{ kind: 'text', markdown }] });
}

/** An observable the pre-filter refused, with its reason (paths and e-mails are not threat-intel types). */
interface Refused {
  type: ThreatIntelType;
  value: string;
  reason: string;
}

/** The IoC step's observables of the alert line and its tree: lookup candidates (deduplicated) and refusals. */
async function gatherObservables(ctx: StepContext): Promise<{ candidates: IntelCandidate[]; refused: Refused[] }> {
  const line = scanAlertCommandLine(ctx.alert);
  const tree = await scanProcessTree(ctx, Boolean(ctx.alert.commandLine));
  const byKey = new Map<string, IntelCandidate>();
  const refused: Refused[] = [];
  for (const o of [...line.observables, ...tree.observables]) {
    if (!isThreatIntelType(o.type)) continue;
    if (o.lookupValue === null) {
      refused.push({ type: o.type, value: o.value, reason: o.lookup });
      continue;
    }
    const key = `${o.type}\u0000${o.lookupValue.toLowerCase()}`;
    const seen = byKey.get(key);
    if (seen) seen.where.push(...o.where.filter((w) => !seen.where.includes(w)));
    else byKey.set(key, { type: o.type, value: o.lookupValue, where: [...o.where] });
  }
  return { candidates: [...byKey.values()], refused };
}

function answersOf(outcomes: readonly LookupOutcome[]): ThreatIntelResult[] {
  return outcomes.flatMap((o) => (o.kind === 'answered' ? [o.result] : []));
}

/** One finding per flagged observable, so the verdict weighs what the engines said. */
function findingsOf(results: readonly ThreatIntelResult[]): Finding[] {
  return results
    .filter((r) => r.verdict === 'malicious' || r.verdict === 'suspicious')
    .sort(byPositives)
    .map((r) => ({
      leaning: 'malicious',
      reason: `${r.provider}: ${detectionsText(r)} — the ${typeName(r.type)} ${shownObservable(r.value, r.type)}.`,
      evidence: shownObservable(r.value, r.type),
      stepId: id,
    }));
}

function summaryFacts(outcomes: readonly LookupOutcome[], refused: readonly Refused[]) {
  const results = answersOf(outcomes);
  const count = (kind: LookupOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  const flagged = (verdict: string) => results.filter((r) => r.verdict === verdict).length;
  const fromCache = results.filter((r) => r.fromCache).length;
  return [
    { label: 'Worth a lookup', value: String(outcomes.length) },
    { label: 'Answered', value: `${results.length}${fromCache > 0 ? ` (${fromCache} from cache)` : ''}` },
    { label: 'Malicious', value: String(flagged('malicious')) },
    { label: 'Suspicious', value: String(flagged('suspicious')) },
    { label: 'Failed', value: String(count('failed')) },
    { label: 'Not looked up', value: String(count('not-looked-up') + refused.length) },
  ];
}

/** Observables not answered: failures, those left for later, and those the pre-filter refused. */
function notAnsweredTable(outcomes: readonly LookupOutcome[], refused: readonly Refused[]): Block | null {
  const rows = [
    ...outcomes.flatMap((o) => {
      if (o.kind === 'answered') return [];
      const why = o.kind === 'failed' ? `lookup failed: ${o.message}` : `${o.reason}; type \`vt ${o.candidate.value}\``;
      return [
        { type: typeName(o.candidate.type), observable: shownObservable(o.candidate.value, o.candidate.type), why },
      ];
    }),
    ...refused.map((r) => ({
      type: typeName(r.type),
      observable: shownObservable(r.value, r.type),
      why: `not asked: ${r.reason}`,
    })),
  ];
  if (rows.length === 0) return null;
  return cappedTable(
    [
      { key: 'type', label: 'Type' },
      { key: 'observable', label: 'Observable', mono: true },
      { key: 'why', label: 'Why not answered' },
    ],
    rows,
  );
}

function problemOf(failure: Extract<LookupOutcome, { kind: 'failed' }>): SectionProblem {
  return { code: failure.code, message: failure.message, ...(failure.hint ? { hint: failure.hint } : {}) };
}

function laterActions(alert: Alert, outcomes: readonly LookupOutcome[]): NextAction[] {
  const later = outcomes.filter((o) => o.kind !== 'answered').slice(0, lookupButtons);
  const actions: NextAction[] = later.map((o) => ({
    label: `VirusTotal: ${shownObservable(o.candidate.value, o.candidate.type).slice(0, 40)}`,
    command: `vt ${o.candidate.value}`,
  }));
  if (alert.id) actions.push({ label: 'IoCs', command: `iocs ${alert.id}` });
  return actions;
}

function headline(results: readonly ThreatIntelResult[], provider: string): string {
  const malicious = results.filter((r) => r.verdict === 'malicious').length;
  const suspicious = results.filter((r) => r.verdict === 'suspicious').length;
  if (malicious + suspicious === 0) {
    return results.length === 0
      ? `No answer from ${provider} yet.`
      : `${provider} flags none of the ${counted(results.length, 'observable')} it answered for.`;
  }
  const parts = [malicious > 0 ? `${malicious} malicious` : '', suspicious > 0 ? `${suspicious} suspicious` : ''];
  return `**${provider} flags ${parts.filter(Boolean).join(' and ')} of ${counted(results.length, 'observable')}.**`;
}

/** VirusTotal verdicts for the IoCs of the alert command line and its process tree. */
export const threatIntelStep: Step = {
  id,
  title,
  needs: [],
  async run(ctx) {
    const started = Date.now();
    const { alert, intel } = ctx;
    if (!intel) {
      return {
        sections: [skipped('Skipped: threat intel is off. Set `VIRUSTOTAL_API_KEY` to look IoCs up on VirusTotal.')],
      };
    }
    if (!alert.commandLine && !alert.processId && !alert.processFilePath) {
      return { sections: [skipped('Skipped: the alert has neither a command line nor a process to take IoCs from.')] };
    }
    const { candidates, refused } = await gatherObservables(ctx);
    const provider = intel.provider.name;
    if (candidates.length === 0) {
      const markdown = `No IoC of the alert command line or its process tree is worth a ${provider} lookup (only public IPs, qualified domains, URLs on public hosts and hashes are asked about).`;
      const table = notAnsweredTable([], refused);
      return {
        sections: [
          section({ id, title, status: 'empty', blocks: [{ kind: 'text', markdown }, ...(table ? [table] : [])] }),
        ],
      };
    }
    // The budget counts from the step's start: the tree scan (a shared query) came out of it too.
    const budgetMs = intel.investigationBudgetMs - (Date.now() - started);
    const outcomes = await lookUpCandidates(intel, candidates, { ...ctx, budgetMs });
    const results = answersOf(outcomes);
    const blocks: Block[] = [
      { kind: 'text', markdown: headline(results, provider) },
      { kind: 'facts', facts: summaryFacts(outcomes, refused) },
    ];
    if (results.length > 0) blocks.push(resultTable(results), resultLinks(results));
    const rest = notAnsweredTable(outcomes, refused);
    if (rest) blocks.push(rest);
    const failures = outcomes.flatMap((o) => (o.kind === 'failed' ? [o] : []));
    const allFailed = failures.length === outcomes.length ? failures[0] : undefined;
    const top = [...results].sort(byPositives)[0];
    return {
      sections: [
        section({
          id,
          title: `${title} (${provider})`,
          subtitle: `${counted(candidates.length, 'observable')} of the alert command line and its process tree`,
          status: allFailed ? 'failed' : results.length > 0 ? 'ok' : 'empty',
          // A clean answer is no proof of innocence (fresh attacker infrastructure is clean too): no green here.
          tone: allFailed ? 'attention' : top && top.verdict !== 'clean' ? verdictTone(top.verdict) : 'default',
          blocks,
          warnings: allFailed ? [] : [...new Set(failures.map((f) => (f.hint ? `${f.message} ${f.hint}` : f.message)))],
          actions: laterActions(alert, outcomes),
          ...(allFailed ? { problem: problemOf(allFailed) } : {}),
        }),
      ],
      findings: findingsOf(results),
    };
  },
};
