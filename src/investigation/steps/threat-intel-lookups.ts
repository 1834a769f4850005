/**
 * Which of an investigation's observables are looked up, and how: answers already cached are free; of the rest,
 * at most `lookupsPerInvestigation` are asked (URLs and IPs first), all within one time budget so an investigation
 * never waits minutes for the rate limit. Every observable ends answered, failed (with why) or not looked up (with
 * why and a `vt <value>` to ask later). One failure never stops the others.
 */
import { type ErrorCode, isSocbotError } from '../../core/errors.js';
import { RateBudgetBusy } from '../../enrich/rate-limiter.js';
import type { ThreatIntel, ThreatIntelResult, ThreatIntelType } from '../../enrich/threat-intel.js';
import type { Logger } from '../../logger.js';
import { counted } from './step-blocks.js';

/** An observable worth a lookup: its type and pre-filtered value, and where the IoC step found it. */
export interface IntelCandidate {
  type: ThreatIntelType;
  value: string;
  where: string[];
}

/** How one candidate turned out. */
export type LookupOutcome =
  | { kind: 'answered'; candidate: IntelCandidate; result: ThreatIntelResult }
  | { kind: 'failed'; candidate: IntelCandidate; code: ErrorCode | 'Unexpected'; message: string; hint?: string }
  | { kind: 'not-looked-up'; candidate: IntelCandidate; reason: string };

/**
 * Lookup order: a URL or an IP says most per request; file hashes next; domains last (a URL's host is usually
 * extracted as a domain too, and the URL's answer covers it).
 */
const typeOrder: readonly ThreatIntelType[] = ['url', 'ipv4', 'ipv6', 'sha256_hash', 'sha1_hash', 'md5_hash', 'dns'];

/** Candidates in lookup order (stable within a type: first found first). */
export function inLookupOrder(candidates: readonly IntelCandidate[]): IntelCandidate[] {
  return [...candidates].sort((a, b) => typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type));
}

export interface LookupRunOptions {
  signal?: AbortSignal;
  /** Time left for the lookups (default: the investigation's whole budget). */
  budgetMs?: number;
  log: Logger;
  correlationId: string;
}

async function cachedAnswers(intel: ThreatIntel, candidates: readonly IntelCandidate[]) {
  const peek = intel.provider.peek?.bind(intel.provider);
  if (!peek) return candidates.map(() => undefined);
  return Promise.all(candidates.map((c) => peek(c.value, c.type).catch(() => undefined)));
}

async function lookUpOne(
  intel: ThreatIntel,
  candidate: IntelCandidate,
  budget: { signal: AbortSignal; deadline: number },
  options: LookupRunOptions,
): Promise<LookupOutcome> {
  try {
    const maxWaitMs = Math.max(0, budget.deadline - Date.now());
    const result = await intel.provider.lookup(candidate.value, candidate.type, { signal: budget.signal, maxWaitMs });
    return { kind: 'answered', candidate, result };
  } catch (error) {
    if (error instanceof RateBudgetBusy) {
      const seconds = Math.ceil(error.waitMs / 1000);
      const reason = `the ${intel.provider.name} rate limit is in use (next lookup in ${seconds} s)`;
      return { kind: 'not-looked-up', candidate, reason };
    }
    const budgetSignal = budget.signal;
    if (budgetSignal.aborted && !options.signal?.aborted) {
      const ms = intel.investigationBudgetMs;
      const budgetText = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
      return {
        kind: 'not-looked-up',
        candidate,
        reason: `no answer within this investigation's ${budgetText} (the ${intel.provider.name} rate limit is busy)`,
      };
    }
    if (isSocbotError(error)) {
      const hint = error.hint ? { hint: error.hint } : {};
      return { kind: 'failed', candidate, code: error.code, message: error.message, ...hint };
    }
    options.log.warn(
      { correlationId: options.correlationId, provider: intel.provider.name, err: error },
      'threat-intel lookup failed',
    );
    const message = `The lookup failed unexpectedly (reference ${options.correlationId}).`;
    return { kind: 'failed', candidate, code: 'Unexpected', message };
  }
}

/** Looks the candidates up (cache first, then at most the investigation's budget), in lookup order. */
export async function lookUpCandidates(
  intel: ThreatIntel,
  candidates: readonly IntelCandidate[],
  options: LookupRunOptions,
): Promise<LookupOutcome[]> {
  const ordered = inLookupOrder(candidates);
  const cached = await cachedAnswers(intel, ordered);
  const budgetMs = Math.max(0, options.budgetMs ?? intel.investigationBudgetMs);
  const timeout = AbortSignal.timeout(budgetMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const budget = { signal, deadline: Date.now() + budgetMs };
  let asked = 0;
  const pending = ordered.map((candidate, i): Promise<LookupOutcome> | LookupOutcome => {
    const result = cached[i];
    if (result) return { kind: 'answered', candidate, result };
    if (asked >= intel.lookupsPerInvestigation) {
      const limit = counted(intel.lookupsPerInvestigation, 'lookup');
      return { kind: 'not-looked-up', candidate, reason: `over this investigation's budget of ${limit}` };
    }
    asked += 1;
    return lookUpOne(intel, candidate, budget, options);
  });
  return Promise.all(pending);
}
