/**
 * How threat-intel answers read in a Section, for the `vt` command and the investigation step alike: a verdict
 * word, engine counts ("12 of 70 engines flag it malicious"), the key attributes and a link to the provider's page.
 * Observables are shown defanged; the link points to the provider, never to the observable itself.
 */
import { defang } from '../../analysis/iocs/defang.js';
import type { Block, Fact, Section } from '../../core/section.js';
import type { ThreatIntelResult, ThreatIntelType, ThreatIntelVerdict } from '../../enrich/threat-intel.js';
import { cappedTable, counted } from './step-blocks.js';

const verdictWords: Readonly<Record<ThreatIntelVerdict, string>> = {
  malicious: '🔴 malicious',
  suspicious: '🟠 suspicious',
  clean: '🟢 clean',
  unknown: '⚪ unknown',
};

const typeNames: Readonly<Record<ThreatIntelType, string>> = {
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  dns: 'domain',
  url: 'URL',
  md5_hash: 'MD5 hash',
  sha1_hash: 'SHA-1 hash',
  sha256_hash: 'SHA-256 hash',
};

/** `IPv4 address`, `domain`, `SHA-256 hash`. */
export function typeName(type: ThreatIntelType): string {
  return typeNames[type];
}

/** The observable as shown in chat: defanged so no client makes it a live link. */
export function shownObservable(value: string, type: ThreatIntelType): string {
  return defang(value, type);
}

/** `🔴 malicious`, or `not known` for an observable the provider has never seen. */
export function verdictWord(result: ThreatIntelResult): string {
  return result.found ? verdictWords[result.verdict] : '⚪ not known';
}

/** "12 of 70 engines flag it malicious, 3 suspicious", or why there are no counts. */
export function detectionsText(result: ThreatIntelResult): string {
  if (!result.found) return `not known to ${result.provider}`;
  const counts = result.counts;
  if (!counts || counts.engines === 0) return 'no engine has analysed it yet';
  const suspicious = counts.suspicious > 0 ? `, ${counts.suspicious} suspicious` : '';
  return `${counts.malicious} of ${counts.engines} engines flag it malicious${suspicious}`;
}

/** Section tone for a verdict. */
export function verdictTone(verdict: ThreatIntelVerdict): Section['tone'] {
  if (verdict === 'malicious') return 'attention';
  if (verdict === 'suspicious') return 'warning';
  return verdict === 'clean' ? 'good' : 'default';
}

/** Malicious first (most engines first), then suspicious, unknown, clean. */
export function byPositives(a: ThreatIntelResult, b: ThreatIntelResult): number {
  const rank = { malicious: 0, suspicious: 1, unknown: 2, clean: 3 } as const;
  const flagged = (r: ThreatIntelResult) => (r.counts?.malicious ?? 0) * 1000 + (r.counts?.suspicious ?? 0);
  return rank[a.verdict] - rank[b.verdict] || flagged(b) - flagged(a);
}

/** "checked 2026-03-02 08:15 UTC (cached)". */
function checkedText(result: ThreatIntelResult): string {
  const at = `${result.checkedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return result.fromCache ? `${at} (from socbot's cache)` : at;
}

/** The facts of one answer: verdict, detections, reputation, last analysis, attributes, when checked. */
export function resultFacts(result: ThreatIntelResult): Fact[] {
  const facts: Fact[] = [
    { label: 'Verdict', value: verdictWord(result) },
    { label: 'Detections', value: detectionsText(result) },
  ];
  if (result.reputation !== null) facts.push({ label: 'Reputation', value: String(result.reputation) });
  if (result.lastAnalysedAt) facts.push({ label: 'Last analysed', value: result.lastAnalysedAt.slice(0, 10) });
  facts.push(...result.details, { label: 'Checked', value: checkedText(result) });
  return facts;
}

/** A Markdown link to the provider's page about the observable. */
export function resultLink(result: ThreatIntelResult, label = `Open in ${result.provider}`): string {
  return `[${label}](${result.link})`;
}

/** The blocks of one answer (the `vt` command's Section body). */
export function resultBlocks(result: ThreatIntelResult): Block[] {
  return [
    { kind: 'text', markdown: `**${detectionsText(result).replace(/^./, (c) => c.toUpperCase())}.**` },
    { kind: 'facts', facts: resultFacts(result) },
    { kind: 'text', markdown: resultLink(result) },
  ];
}

/** Details in one table cell: `Country: RU · AS owner: …`. */
function detailsCell(result: ThreatIntelResult): string {
  return result.details
    .slice(0, 3)
    .map((d) => `${d.label}: ${d.value}`)
    .join(' · ');
}

/** Many answers as one table, positives first. */
export function resultTable(results: readonly ThreatIntelResult[]): Block {
  return cappedTable(
    [
      { key: 'verdict', label: 'Verdict' },
      { key: 'type', label: 'Type' },
      { key: 'observable', label: 'Observable', mono: true },
      { key: 'detections', label: 'Engines' },
      { key: 'details', label: 'Details' },
    ],
    [...results].sort(byPositives).map((r) => ({
      verdict: verdictWord(r),
      type: typeName(r.type),
      observable: shownObservable(r.value, r.type),
      detections: detectionsText(r),
      details: detailsCell(r),
    })),
  );
}

/** Links to the provider's pages, one line each, positives first (at most `max`). */
export function resultLinks(results: readonly ThreatIntelResult[], max = 10): Block {
  const sorted = [...results].sort(byPositives);
  // The observable goes in code, outside the link text: a defanged `[.]` inside `[…](…)` would break the link.
  const lines = sorted
    .slice(0, max)
    .map((r) => `- \`${shownObservable(r.value, r.type).replace(/`/g, "'")}\` — ${resultLink(r)}`);
  if (sorted.length > max) lines.push(`- … ${counted(sorted.length - max, 'more')}`);
  return { kind: 'text', markdown: lines.join('\n') };
}
