/**
 * Step 11 (beyond the notebook): the verdict. The alert's image and command line are checked for masquerading,
 * odd system paths, encoded or obfuscated commands and attacker tooling; every earlier step's findings join them,
 * one line per reason; fixed weights per kind give a headline anyone can re-add ("Looks malicious: 3 strong
 * signals"). Needs nothing: with no process it weighs the other steps' findings alone.
 */
import {
  alertSignals,
  mergeSignals,
  observationSignal,
  type Signal,
  scoreSignals,
  type Verdict,
} from '../../analysis/verdict/index.js';
import type { Block, NextAction } from '../../core/section.js';
import { section } from '../../core/section.js';
import { type Step, stepIds } from '../step.js';
import { cappedTable } from './step-blocks.js';
import { isHostContext } from './step-target.js';

const leaningLabel = { malicious: 'suspicious', benign: 'reassuring', info: 'context' } as const;

/** `+3 suspicious`, `−1 reassuring`, `context`. */
function pointsLabel(signal: Signal): string {
  if (signal.leaning === 'info' || signal.weight === 0) return 'context';
  const sign = signal.leaning === 'malicious' ? '+' : '−';
  return `${sign}${signal.weight} ${leaningLabel[signal.leaning]}`;
}

function sourceLabel(signal: Signal): string {
  return signal.source === 'alert' ? 'alert process' : signal.source;
}

function signalTable(verdict: Verdict): Block {
  return cappedTable(
    [
      { key: 'points', label: 'Weight' },
      { key: 'reason', label: 'Why' },
      { key: 'evidence', label: 'Evidence', mono: true },
      { key: 'from', label: 'From' },
    ],
    verdict.signals.map((signal) => ({
      points: pointsLabel(signal),
      reason: signal.reason,
      evidence: signal.evidence,
      from: sourceLabel(signal),
    })),
  );
}

function actions(alertId: string, verdict: Verdict): NextAction[] {
  if (alertId === '') return [];
  const list: NextAction[] = [{ label: 'Alert details', command: `alert ${alertId}` }];
  if (verdict.outcome !== 'benign') list.push({ label: 'IoCs', command: `iocs ${alertId}`, style: 'primary' });
  return list;
}

/** Weighs the alert's own signals and every earlier step's findings into a headline verdict. */
export const verdictStep: Step = {
  id: 'verdict',
  title: 'Verdict',
  needs: [],
  // Every other step: the verdict weighs what they found.
  after: stepIds.filter((id) => id !== 'verdict'),
  async run(ctx) {
    const { alert } = ctx;
    const own = isHostContext(alert)
      ? []
      : alertSignals({ imagePath: alert.processFilePath ?? alert.processName, commandLine: alert.commandLine });
    const verdict = scoreSignals(mergeSignals([...own, ...ctx.findings.map(observationSignal)]));
    const blocks: Block[] = [{ kind: 'text', markdown: `**${verdict.headline}**` }];
    if (verdict.signals.length > 0) blocks.push(signalTable(verdict));
    blocks.push({ kind: 'text', markdown: `Score: ${verdict.explanation}` });
    return {
      sections: [
        section({
          id: 'verdict',
          title: verdict.headline,
          subtitle: 'Signals from the alert process and every step, weighed by kind',
          tone: verdict.tone,
          blocks,
          actions: actions(alert.id, verdict),
        }),
      ],
    };
  },
};
