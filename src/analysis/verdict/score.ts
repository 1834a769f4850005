/**
 * The verdict: signals weighed by kind (see `signalWeights`) into suspicious and reassuring points, and a headline
 * anyone can check by adding the numbers shown next to each line.
 */
import { counted } from './plural.js';
import { type Signal, strongWeight } from './signal.js';

/** Malicious when suspicious points lead by at least this much… */
export const maliciousMargin = 3;
/** …or by at least this much when one of the suspicious signals is strong. */
export const strongMargin = 2;
/** Benign when reassuring points lead by at least this much and no strong signal is suspicious. */
export const benignMargin = 2;

export type VerdictOutcome = 'malicious' | 'benign' | 'inconclusive';

/** The weighed verdict. */
export interface Verdict {
  outcome: VerdictOutcome;
  /** `Looks malicious: 3 strong signals and 2 more`. */
  headline: string;
  tone: 'attention' | 'good' | 'warning' | 'default';
  maliciousPoints: number;
  benignPoints: number;
  /** Signals, malicious first (heaviest first), then benign, then context; ties keep their order. */
  signals: Signal[];
  /** How the points were counted, in one sentence. */
  explanation: string;
}

const leaningOrder = { malicious: 0, benign: 1, info: 2 } as const;

function points(signals: readonly Signal[], leaning: Signal['leaning']): number {
  return signals.filter((s) => s.leaning === leaning).reduce((sum, s) => sum + s.weight, 0);
}

function headline(outcome: VerdictOutcome, signals: readonly Signal[]): string {
  const bad = signals.filter((s) => s.leaning === 'malicious' && s.weight > 0);
  const good = signals.filter((s) => s.leaning === 'benign' && s.weight > 0);
  const strong = bad.filter((s) => s.weight >= strongWeight).length;
  if (outcome === 'malicious') {
    if (strong === 0) return `Looks malicious: ${counted(bad.length, 'suspicious signal')}`;
    const more = bad.length - strong;
    return `Looks malicious: ${counted(strong, 'strong signal')}${more > 0 ? ` and ${more} more` : ''}`;
  }
  if (outcome === 'benign') {
    const against = bad.length > 0 ? `, against ${counted(bad.length, 'weak suspicious one')}` : ', nothing suspicious';
    return `Looks benign: ${counted(good.length, 'reassuring signal')}${against}`;
  }
  if (bad.length === 0 && good.length === 0) return 'Inconclusive: no signal either way';
  if (bad.length === 0) return `Inconclusive: ${counted(good.length, 'reassuring signal')}, nothing suspicious`;
  if (good.length === 0) return `Inconclusive: ${counted(bad.length, 'suspicious signal')}, not enough to decide`;
  return `Inconclusive: ${counted(bad.length, 'suspicious signal')} and ${counted(good.length, 'reassuring signal')}`;
}

function toneOf(outcome: VerdictOutcome, maliciousPoints: number): Verdict['tone'] {
  if (outcome === 'malicious') return 'attention';
  if (outcome === 'benign') return 'good';
  return maliciousPoints > 0 ? 'warning' : 'default';
}

/**
 * Weighs the signals: malicious when suspicious points lead by `maliciousMargin` (`strongMargin` when a strong
 * signal is among them), benign when reassuring points
 * lead by `benignMargin` with no strong suspicious signal, inconclusive otherwise.
 */
export function scoreSignals(signals: readonly Signal[]): Verdict {
  const maliciousPoints = points(signals, 'malicious');
  const benignPoints = points(signals, 'benign');
  const strongBad = signals.some((s) => s.leaning === 'malicious' && s.weight >= strongWeight);
  let outcome: VerdictOutcome = 'inconclusive';
  const lead = maliciousPoints - benignPoints;
  if (lead >= maliciousMargin || (strongBad && lead >= strongMargin)) outcome = 'malicious';
  else if (benignPoints - maliciousPoints >= benignMargin && !strongBad) outcome = 'benign';
  const sorted = signals
    .map((s, i) => ({ s, i }))
    .sort((a, b) => leaningOrder[a.s.leaning] - leaningOrder[b.s.leaning] || b.s.weight - a.s.weight || a.i - b.i)
    .map(({ s }) => s);
  return {
    outcome,
    headline: headline(outcome, signals),
    tone: toneOf(outcome, maliciousPoints),
    maliciousPoints,
    benignPoints,
    signals: sorted,
    explanation:
      `${maliciousPoints} suspicious against ${benignPoints} reassuring points ` +
      `(strong signals count 3, moderate 2, weak 1; malicious when ahead by ${maliciousMargin}, ` +
      `or by ${strongMargin} with a strong signal; ` +
      `benign when behind by ${benignMargin} with no strong signal).`,
  };
}
