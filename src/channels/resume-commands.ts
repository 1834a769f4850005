/**
 * Answers, at start-up, the commands a previous run accepted and never answered (it crashed or was stopped mid-way):
 * each channel runs them again where they were asked, after a line that says why the answer comes late. A command
 * that already cut two runs short is not started a third time: its asker is told instead.
 */
import { problemSection, type Section, section } from '../core/section.js';
import type { Logger } from '../logger.js';
import type { ChannelKind } from '../policy/actor.js';
import type { AcceptedCommand, CommandInbox } from '../store/command-inbox.js';

/** What a channel does with an unanswered command: post `notice` where it was asked, then run it again if `rerun`. */
export type ResumeCommand = (command: AcceptedCommand, notice: Section, rerun: boolean) => Promise<void>;

export interface ResumeOptions {
  inbox: CommandInbox;
  /** The channels on now; a command from a channel that is off stays open for a run that has it. */
  channels: Partial<Record<ChannelKind, ResumeCommand>>;
  log: Logger;
  now: Date;
  /** Older commands are not answered any more (the asker has moved on); default 1 h. */
  maxAgeMs?: number;
  /** Runs a command may cut short before it is given up; default 2. */
  maxAttempts?: number;
}

const hourMs = 3_600_000;
/** Entries are kept a week for anyone looking into an incident, then forgotten. */
const keepMs = 7 * 24 * hourMs;

/** The line posted before a late answer, or instead of it. */
export function resumeNotice(command: AcceptedCommand, rerun: boolean): Section {
  const asked = `\`${command.text.slice(0, 200)}\``;
  if (rerun) {
    return section({
      id: 'resumed',
      title: 'Answering after a restart',
      status: 'ok',
      blocks: [{ kind: 'text', markdown: `socbot restarted while answering ${asked}; here is the answer.` }],
    });
  }
  return problemSection('error', 'This command stopped socbot', {
    code: 'Unexpected',
    message: `socbot restarted ${command.attempts} times while answering ${asked}, so it was not started again.`,
    hint: `Try a narrower command; give your administrator the reference ${command.correlationId}.`,
    correlationId: command.correlationId,
  });
}

/** Hands every open, recent command to its channel; resolves once each has been started or given up. */
export async function resumeOpenCommands(options: ResumeOptions): Promise<number> {
  const { inbox, log, now } = options;
  const maxAttempts = options.maxAttempts ?? 2;
  await inbox.prune(new Date(now.getTime() - keepMs));
  const open = await inbox.open(new Date(now.getTime() - (options.maxAgeMs ?? hourMs)));
  let resumed = 0;
  for (const command of open) {
    const resume = options.channels[command.channel];
    if (!resume) continue;
    const rerun = command.attempts < maxAttempts;
    log.warn(
      { correlationId: command.correlationId, channel: command.channel, attempts: command.attempts, rerun },
      rerun ? 'answering a command a previous run left unanswered' : 'giving up a command that cut runs short',
    );
    try {
      await resume(command, resumeNotice(command, rerun), rerun);
      if (!rerun) await inbox.close(command.correlationId);
      resumed += 1;
    } catch (error) {
      log.error({ err: error, correlationId: command.correlationId }, 'an unanswered command could not be resumed');
    }
  }
  return resumed;
}
