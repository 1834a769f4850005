/**
 * Threat intelligence, channel-neutral (msticpy's TI provider model): a provider looks one observable up and
 * answers a typed result; VirusTotal is the first provider, others can be added behind the same interface.
 * Observables reach a provider already pre-filtered (public IPs, qualified domains, …): that is the caller's job.
 */

/** The observable types threat intel is asked about (named as the IoC extractor names them). */
export const threatIntelTypes = ['ipv4', 'ipv6', 'dns', 'url', 'md5_hash', 'sha1_hash', 'sha256_hash'] as const;

/** One observable type a provider can look up. */
export type ThreatIntelType = (typeof threatIntelTypes)[number];

/** What the provider's engines make of an observable; `unknown` when it has no analysis of it. */
export type ThreatIntelVerdict = 'malicious' | 'suspicious' | 'clean' | 'unknown';

/** Engine counts of the provider's last analysis (VirusTotal's `last_analysis_stats`). */
export interface EngineCounts {
  malicious: number;
  suspicious: number;
  harmless: number;
  undetected: number;
  timeout: number;
  /** Engines that gave an answer: malicious + suspicious + harmless + undetected (VirusTotal's "N / M"). */
  engines: number;
}

/** A labelled attribute worth showing (country, AS owner, file name…). */
export interface IntelDetail {
  label: string;
  value: string;
}

/** One provider's answer about one observable; plain JSON, so it can be cached as it is. */
export interface ThreatIntelResult {
  /** The provider's display name (`VirusTotal`). */
  provider: string;
  type: ThreatIntelType;
  /** The observable as it was looked up. */
  value: string;
  /** False when the provider has never seen the observable (VirusTotal's 404): an answer, not a failure. */
  found: boolean;
  verdict: ThreatIntelVerdict;
  counts: EngineCounts | null;
  /** The provider's community reputation score, when it has one (negative = bad). */
  reputation: number | null;
  /** When the provider last analysed it (ISO 8601). */
  lastAnalysedAt: string | null;
  details: IntelDetail[];
  /** The provider's page about the observable, for people. */
  link: string;
  /** When the provider gave this answer (ISO 8601); older than now when it came from the cache. */
  checkedAt: string;
  /** True when this answer was read from the cache, not asked for now. */
  fromCache?: boolean;
}

/** Options of one lookup. */
export interface LookupOptions {
  /** Aborted when the caller gives up; a lookup waiting for the rate limit leaves the queue. */
  signal?: AbortSignal;
  /** Longest the caller waits for the rate limit; beyond it the lookup is refused at once (`RateBudgetBusy`). */
  maxWaitMs?: number;
}

/** A threat-intel provider: looks one pre-filtered observable up. */
export interface ThreatIntelProvider {
  /** Display name (`VirusTotal`). */
  readonly name: string;
  /** Asks the provider (or its cache); throws a `SocbotError` the user can act on when it cannot answer. */
  lookup(value: string, type: ThreatIntelType, options?: LookupOptions): Promise<ThreatIntelResult>;
  /** The cached answer, if a fresh one is stored; never asks the provider (so it costs no quota). */
  peek?(value: string, type: ThreatIntelType): Promise<ThreatIntelResult | undefined>;
}

/** Threat intel as commands and steps get it: the provider and how much an investigation may ask of it. */
export interface ThreatIntel {
  provider: ThreatIntelProvider;
  /** Observables an investigation looks up (cache hits are free); the rest get `vt <value>` buttons. */
  lookupsPerInvestigation: number;
  /** How long an investigation waits for its lookups before listing the rest as not looked up. */
  investigationBudgetMs: number;
}

/** True for a type threat intel can look up. */
export function isThreatIntelType(type: string): type is ThreatIntelType {
  return (threatIntelTypes as readonly string[]).includes(type);
}

/**
 * The verdict of engine counts. Two or more engines flagging it malicious is a verdict; one engine alone, or only
 * "suspicious", is a lead (single-engine detections are often false positives: msticpy rates 1 positive a
 * warning, more than 1 high). No engine answered = unknown.
 */
export function verdictOfCounts(counts: EngineCounts | null): ThreatIntelVerdict {
  if (!counts || counts.engines === 0) return 'unknown';
  if (counts.malicious >= 2) return 'malicious';
  if (counts.malicious === 1 || counts.suspicious > 0) return 'suspicious';
  return 'clean';
}

/** The canonical form of an observable, so `EVIL.com.` and `evil.com` share one lookup and one cache entry. */
export function canonicalObservable(value: string, type: ThreatIntelType): string {
  const trimmed = value.trim();
  if (type === 'url') return trimmed;
  const lower = trimmed.toLowerCase();
  return type === 'dns' ? lower.replace(/\.$/, '') : lower;
}
