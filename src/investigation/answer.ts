/**
 * The conversation core: text in, Sections out. Parses, runs the command, and turns every failure into a
 * Section that says what went wrong and what to do (unexpected errors get a correlation id, logged too).
 */
import type { Command } from '../core/command.js';
import { isSocbotError } from '../core/errors.js';
import { parseCommand } from '../core/parse-command.js';
import { problemSection, type Section, section } from '../core/section.js';
import { digestCommand } from './commands/digest.js';
import { exportCommand } from './commands/export.js';
import { helpSections } from './commands/help.js';
import { investigateCommand } from './commands/investigate.js';
import { listAlerts } from './commands/list-alerts.js';
import { isStepCommand, runStepCommand } from './commands/run-step.js';
import { showAlert } from './commands/show-alert.js';
import { vtCommand } from './commands/vt.js';
import type { CommandContext } from './context.js';

/** Commands whose issue has not landed yet answer this instead of pretending. */
function notAvailable(command: Command): Section[] {
  return [
    section({
      id: 'not-available',
      title: `\`${command.name}\` is coming soon`,
      status: 'skipped',
      blocks: [{ kind: 'text', markdown: 'This step of the investigation is not available in this version yet.' }],
      actions: [{ label: 'Recent alerts', command: 'alerts' }],
    }),
  ];
}

/** Runs one parsed command. */
export async function runCommand(command: Command, ctx: CommandContext): Promise<Section[]> {
  if (isStepCommand(command)) return runStepCommand(command, ctx);
  switch (command.name) {
    case 'help':
      return helpSections(command.topic);
    case 'alerts':
      return listAlerts(command, ctx);
    case 'alert':
      return showAlert(command.alertId, ctx);
    case 'investigate':
      return investigateCommand(command, ctx);
    case 'export':
      return exportCommand(command, ctx);
    case 'vt':
      return vtCommand(command, ctx);
    case 'digest':
      return digestCommand(command.digest, ctx);
    default:
      return notAvailable(command);
  }
}

/** Answers what a user typed. Never throws: failures come back as problem Sections. */
export async function answer(text: string, ctx: CommandContext): Promise<Section[]> {
  const parsed = parseCommand(text);
  if (!parsed.ok) {
    return [
      problemSection('error', 'I did not understand that', {
        code: 'BadCommand',
        message: parsed.message,
        hint: parsed.hint,
      }),
      ...helpSections(),
    ].slice(0, 2);
  }
  const started = performance.now();
  try {
    const sections = await runCommand(parsed.command, ctx);
    ctx.log.info(
      { correlationId: ctx.correlationId, command: parsed.command.name, ms: Math.round(performance.now() - started) },
      'command answered',
    );
    return sections;
  } catch (error) {
    if (isSocbotError(error)) {
      ctx.log.info(
        { correlationId: ctx.correlationId, command: parsed.command.name, code: error.code },
        'command refused',
      );
      return [
        problemSection('error', error.code === 'AlertNotFound' ? 'Alert not found' : 'That did not work', {
          code: error.code,
          message: error.message,
          ...(error.hint ? { hint: error.hint } : {}),
        }),
      ];
    }
    ctx.log.error({ correlationId: ctx.correlationId, command: parsed.command.name, err: error }, 'command failed');
    return [
      problemSection('error', 'Something went wrong', {
        code: 'Unexpected',
        message: 'An unexpected error stopped this command.',
        hint: `Try again; if it keeps failing, give your administrator the reference ${ctx.correlationId}.`,
        correlationId: ctx.correlationId,
      }),
    ];
  }
}
