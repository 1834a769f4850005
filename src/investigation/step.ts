/**
 * A step of the guided investigation (one notebook section): what it needs from the alert, and how it turns
 * query rows into Sections. A step never knows which channel will show its answer.
 */
import type { Alert } from '../core/alert.js';
import type { Section } from '../core/section.js';
import type { RelativeWindow } from '../core/time-window.js';
import type { QueryName, QueryParams } from '../data/catalog.js';
import type { QueryResult } from '../data/provider.js';
import type { CommandContext } from './context.js';

/** Every step, in the order an investigation shows them. */
export const stepIds = [
  'alert-summary',
  'related-alerts',
  'process-tree',
  'host-processes',
  'iocs',
  'threat-intel',
  'cmdline-elsewhere',
  'host-logons',
  'failed-logons',
  'verdict',
] as const;
export type StepId = (typeof stepIds)[number];

/** What a step needs from the alert; a step whose need is missing is skipped with a reason. */
export type StepNeed = 'host' | 'process' | 'account' | 'logon-session' | 'command-line' | 'windows';

/** A plain-language observation a step made, gathered for the verdict. */
export interface Finding {
  /** `malicious` raises suspicion, `benign` lowers it, `info` is context. */
  leaning: 'malicious' | 'benign' | 'info';
  /** One sentence a SOC analyst can read aloud. */
  reason: string;
  /** The data behind it (a command line, a count, an observable). */
  evidence: string;
  stepId: StepId;
}

/** What a running step gets: the command context, the alert, its window, memoised queries and earlier findings. */
export interface StepContext extends CommandContext {
  alert: Alert;
  /** The window the user asked for, if any; otherwise the step's default around the alert time. */
  window?: RelativeWindow;
  /** Runs a named query once per investigation: steps asking the same thing share the answer. */
  query<Q extends QueryName>(name: Q, params: QueryParams<Q>): Promise<QueryResult<Q>>;
  /** Findings of the steps that finished before this one (the verdict step reads them). */
  findings: readonly Finding[];
}

/** What a step returns. */
export interface StepOutput {
  sections: Section[];
  findings?: Finding[];
}

/** One investigation step. */
export interface Step {
  readonly id: StepId;
  readonly title: string;
  readonly needs: readonly StepNeed[];
  /** Steps whose findings this one reads; it runs after them. */
  readonly after?: readonly StepId[];
  run(ctx: StepContext): Promise<StepOutput>;
}

/** Why a step cannot run on this alert, or undefined when it can. */
export function missingNeed(step: Step, alert: Alert): string | undefined {
  for (const need of step.needs) {
    switch (need) {
      case 'host':
        if (!alert.hostName && !alert.compromisedEntity) return 'the alert names no host';
        break;
      case 'process':
        if (!alert.processId && !alert.processFilePath) return 'the alert names no process';
        break;
      case 'account':
        if (!alert.accountQualifiedName) return 'the alert names no account';
        break;
      case 'logon-session':
        if (!alert.logonId) return 'the alert names no logon session';
        if (['0x3e7', '-1'].includes(alert.logonId.toLowerCase())) return 'the alert ran in the system session (0x3e7)';
        break;
      case 'command-line':
        if (!alert.commandLine) return 'the alert has no command line';
        break;
      case 'windows':
        if (alert.osFamily !== 'Windows') return `Windows event steps do not apply to ${alert.osFamily} alerts yet`;
        break;
    }
  }
  return undefined;
}
