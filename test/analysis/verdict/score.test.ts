import { describe, expect, it } from 'vitest';
import { mergeSignals, observationSignal } from '../../../src/analysis/verdict/merge-findings.js';
import { scoreSignals } from '../../../src/analysis/verdict/score.js';
import { type Signal, type SignalKind, signal } from '../../../src/analysis/verdict/signal.js';

const bad = (kind: SignalKind, reason: string = kind) => signal(kind, 'malicious', reason, 'e');
const good = (reason: string) => signal('expected-location', 'benign', reason, 'e');
const finding = (leaning: Signal['leaning'], reason: string) =>
  observationSignal({ leaning, reason, evidence: 'x', stepId: 'host-processes' });

describe('scoreSignals', () => {
  it('is malicious with a lead of 3, strong signals counted in the headline', () => {
    const verdict = scoreSignals([
      bad('masquerading'),
      bad('odd-path'),
      bad('crypto-mining'),
      bad('credential-access'),
    ]);
    expect(verdict).toMatchObject({
      outcome: 'malicious',
      headline: 'Looks malicious: 4 strong signals',
      tone: 'attention',
      maliciousPoints: 12,
      benignPoints: 0,
    });
    expect(scoreSignals([bad('masquerading'), bad('hidden-execution')]).headline).toBe(
      'Looks malicious: 1 strong signal and 1 more',
    );
    expect(scoreSignals([bad('encoded-command'), bad('hidden-execution')]).headline).toBe(
      'Looks malicious: 2 suspicious signals',
    );
  });

  it('lets one strong signal win by 2 (an lsass dump from the genuine rundll32)', () => {
    expect(scoreSignals([bad('credential-access'), good('rundll32.exe runs from its usual folder.')]).outcome).toBe(
      'malicious',
    );
    expect(scoreSignals([bad('encoded-command')]).outcome).toBe('inconclusive');
  });

  it('is benign with a reassuring lead of 2 and no strong suspicious signal', () => {
    const verdict = scoreSignals([good('a'), finding('benign', 'routine tooling'), finding('malicious', 'one-off')]);
    expect(verdict).toMatchObject({ outcome: 'inconclusive', maliciousPoints: 1, benignPoints: 2 });
    const benign = scoreSignals([good('a'), finding('benign', 'routine tooling'), finding('info', 'cluster of 40')]);
    expect(benign).toMatchObject({
      outcome: 'benign',
      tone: 'good',
      headline: 'Looks benign: 2 reassuring signals, nothing suspicious',
    });
  });

  it('says when there is nothing either way', () => {
    expect(scoreSignals([finding('info', 'parent is cmd.exe')])).toMatchObject({
      outcome: 'inconclusive',
      headline: 'Inconclusive: no signal either way',
      tone: 'default',
    });
  });

  it('lists malicious first (heaviest first), then benign, then context', () => {
    const verdict = scoreSignals([
      finding('info', 'i'),
      good('g'),
      finding('malicious', 'weak'),
      bad('odd-path', 'strong'),
    ]);
    expect(verdict.signals.map((s) => s.reason)).toEqual(['strong', 'weak', 'g', 'i']);
    expect(verdict.explanation).toMatch(/^4 suspicious against 1 reassuring points/);
  });
});

describe('mergeSignals', () => {
  it("keeps one line per reason, with the heavier weight (the iocs step's finding and the verdict's own)", () => {
    const own = signal(
      'encoded-command',
      'malicious',
      'The command line hides its real command in base64 (-enc).',
      'x',
    );
    const fromStep = observationSignal({
      leaning: 'malicious',
      reason: 'The command line hides its real command in base64 (-enc).',
      evidence: 'x',
      stepId: 'iocs',
    });
    expect(mergeSignals([fromStep, own])).toEqual([expect.objectContaining({ weight: 2, source: 'iocs' })]);
    expect(mergeSignals([own, fromStep, finding('malicious', 'other')])).toHaveLength(2);
  });

  it('weighs a finding 1, or 0 as context', () => {
    expect([finding('malicious', 'a').weight, finding('benign', 'b').weight, finding('info', 'c').weight]).toEqual([
      1, 1, 0,
    ]);
  });
});
