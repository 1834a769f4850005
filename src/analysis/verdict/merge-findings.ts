/**
 * Other steps' findings as verdict signals, merged with the verdict's own: one line per reason, whichever source
 * said it first, with the heavier weight kept (the `iocs` step and the verdict both report an encoded command).
 */
import { type Signal, type SignalLeaning, signal } from './signal.js';

/** A step's finding, as the investigation layer reports it (structurally its `Finding`). */
export interface StepObservation {
  leaning: SignalLeaning;
  reason: string;
  evidence: string;
  stepId: string;
}

/** A finding as a weak signal (weight 1 either way, 0 for context). */
export function observationSignal(observation: StepObservation): Signal {
  return signal('step-finding', observation.leaning, observation.reason, observation.evidence, observation.stepId);
}

function reasonKey(reason: string): string {
  return reason
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');
}

/** Signals without repeated reasons, in first-seen order; a repeat lends its weight or evidence if heavier or fuller. */
export function mergeSignals(signals: readonly Signal[]): Signal[] {
  const byReason = new Map<string, Signal>();
  for (const next of signals) {
    const key = reasonKey(next.reason);
    const seen = byReason.get(key);
    if (!seen) {
      byReason.set(key, { ...next });
      continue;
    }
    if (next.weight > seen.weight) {
      seen.weight = next.weight;
      seen.kind = next.kind;
    }
    if (seen.evidence.trim() === '') seen.evidence = next.evidence;
  }
  return [...byReason.values()];
}
