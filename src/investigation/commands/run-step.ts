/**
 * The single-step commands (`related`, `tree`, `cmdline`, `processes`, `logons`, `failed-logons`): each loads its
 * alert (or builds a host context) and runs one registered step through the playbook, so skipping, failures and
 * timeouts are handled exactly as in a full investigation.
 */
import type { Alert } from '../../core/alert.js';
import type { Command, Target } from '../../core/command.js';
import { isSocbotError, SocbotError } from '../../core/errors.js';
import type { Section } from '../../core/section.js';
import type { RelativeWindow } from '../../core/time-window.js';
import type { CommandContext } from '../context.js';
import { runPlaybook } from '../playbook.js';
import type { StepId } from '../step.js';
import { stepById } from '../steps/index.js';
import { hostContextAlert } from '../steps/step-target.js';
import { loadAlert } from './show-alert.js';

/** The commands that run one step, and the step each runs. */
export const stepCommands = {
  related: 'related-alerts',
  tree: 'process-tree',
  cmdline: 'cmdline-elsewhere',
  processes: 'host-processes',
  logons: 'host-logons',
  'failed-logons': 'failed-logons',
  iocs: 'iocs',
} as const satisfies Partial<Record<Command['name'], StepId>>;

export type StepCommand = Extract<Command, { name: keyof typeof stepCommands }>;

/** True for a command that runs one step. */
export function isStepCommand(command: Command): command is StepCommand {
  return Object.hasOwn(stepCommands, command.name);
}

/** Runs one registered step on an alert (or host context) through the playbook. */
export async function runStepOn(
  stepId: StepId,
  alert: Alert,
  ctx: CommandContext,
  window?: RelativeWindow,
): Promise<Section[]> {
  const step = stepById(stepId);
  if (!step) throw new SocbotError('NotAvailable', `The ${stepId} step is not available in this version yet.`);
  return runPlaybook([step], alert, ctx, window ? { window } : {});
}

/** Adds a warning to the first Section (what the user should know about the whole answer). */
function withNote(sections: Section[], note: string): Section[] {
  const [first, ...rest] = sections;
  return first ? [{ ...first, warnings: [note, ...first.warnings] }, ...rest] : sections;
}

/**
 * Runs a step on a target: an alert by id, a host (windows relative to now), or a bare word that is tried as an
 * alert id first and taken as a host name when no alert has that id.
 */
export async function runStepOnTarget(
  stepId: StepId,
  target: Target,
  ctx: CommandContext,
  window?: RelativeWindow,
): Promise<Section[]> {
  switch (target.kind) {
    case 'alert':
      return runStepOn(stepId, await loadAlert(target.alertId, ctx), ctx, window);
    case 'host':
      return runStepOn(stepId, hostContextAlert(target.host, ctx.now()), ctx, window);
    case 'ref': {
      let alert: Alert;
      try {
        alert = await loadAlert(target.ref, ctx);
      } catch (error) {
        if (!isSocbotError(error) || error.code !== 'AlertNotFound') throw error;
        const sections = await runStepOn(stepId, hostContextAlert(target.ref, ctx.now()), ctx, window);
        return withNote(sections, `No alert has the id ${target.ref}, so it was taken as a host name.`);
      }
      return runStepOn(stepId, alert, ctx, window);
    }
  }
}

/** Runs a single-step command. */
export async function runStepCommand(command: StepCommand, ctx: CommandContext): Promise<Section[]> {
  const stepId = stepCommands[command.name];
  if ('target' in command) return runStepOnTarget(stepId, command.target, ctx, command.window);
  const window = 'window' in command ? command.window : undefined;
  return runStepOn(stepId, await loadAlert(command.alertId, ctx), ctx, window);
}
