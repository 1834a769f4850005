/**
 * What every chat channel does with a message, whatever the platform: check who may ask, answer (streaming an
 * investigation step by step), audit, and never let a failure go unanswered. Adapters only translate.
 */
import type { Section } from '../core/section.js';
import { problemSection } from '../core/section.js';
import type { ProgressEvent } from '../investigation/playbook.js';
import type { Logger } from '../logger.js';
import type { Actor } from '../policy/actor.js';
import type { AuditLog, AuditOutcome } from '../policy/audit.js';
import { type AccessRules, authorize } from '../policy/authorize.js';
import type { CommandInbox } from '../store/command-inbox.js';

/** How an adapter answers in the conversation the message came from. */
export interface ChannelReply {
  /** Posts Sections as new messages (in the thread / reply chain of the command). */
  post(sections: Section[]): Promise<void>;
  /** Shows or updates the one progress message of this command. */
  progress(update: { title: string; done: number; total: number; current?: string }): Promise<void>;
}

export interface InboundDeps {
  answer(
    text: string,
    meta: { correlationId: string; onProgress?: (event: ProgressEvent) => void; actor?: Actor },
  ): Promise<Section[]>;
  /** Draws charts and graphs (injected: it needs the image store). */
  attachImages(sections: Section[]): Promise<Section[]>;
  rules: AccessRules;
  audit: AuditLog;
  log: Logger;
  /** Where accepted commands wait until answered, so a restart answers what a crash cut short. */
  inbox?: CommandInbox;
}

export interface InboundMessage {
  actor: Actor;
  /** The command text, bot mention already removed. */
  text: string;
  correlationId: string;
  /** The channel's address of this reply, kept in the inbox until the answer is out (absent: not kept). */
  replyTo?: Record<string, unknown>;
}

/** The refusal everyone outside the allowlists gets: polite, and without any data. */
export function refusalSection(): Section {
  return problemSection('error', 'Not allowed here', {
    code: 'NotAuthorised',
    message: 'socbot is not enabled for you in this conversation.',
    hint: 'Ask your SOC administrator to add this channel or your account to the allowlist.',
  });
}

function outcomeOf(sections: readonly Section[]): { outcome: AuditOutcome; detail?: string } {
  const problem = sections.find((s) => s.problem)?.problem;
  if (!problem) return { outcome: 'answered' };
  if (problem.code === 'BadCommand') return { outcome: 'bad-command', detail: problem.code };
  // An investigation with one failed step still answered; only a command that failed outright counts as failed.
  return sections.length > 1 && sections[0]?.status !== 'failed'
    ? { outcome: 'answered', detail: `step failed: ${problem.code}` }
    : { outcome: 'failed', detail: problem.code };
}

/** Handles one inbound command end to end. Resolves when every answer has been posted. */
export async function handleInbound(message: InboundMessage, reply: ChannelReply, deps: InboundDeps): Promise<void> {
  const started = performance.now();
  const { actor, text, correlationId } = message;
  const audit = (outcome: AuditOutcome, detail?: string) =>
    deps.audit
      .append({
        correlationId,
        at: new Date(),
        actor,
        command: text,
        outcome,
        durationMs: performance.now() - started,
        ...(detail ? { detail } : {}),
      })
      .catch((error: unknown) => deps.log.error({ err: error, correlationId }, 'audit entry could not be written'));

  const decision = authorize(actor, deps.rules);
  if (!decision.allowed) {
    deps.log.info({ correlationId, channel: actor.channel, reason: decision.reason }, 'command refused');
    await reply.post([refusalSection()]);
    await audit('refused', decision.reason);
    return;
  }

  const inbox = message.replyTo ? deps.inbox : undefined;
  await inbox
    ?.accept({
      correlationId,
      channel: actor.channel,
      actor,
      text,
      replyTo: message.replyTo ?? {},
      acceptedAt: new Date(),
    })
    .catch((error: unknown) => deps.log.error({ err: error, correlationId }, 'command not recorded in the inbox'));
  try {
    await answerAndPost(message, reply, deps, audit);
  } finally {
    // Answered, or failed with its failure posted: either way the asker has heard back.
    await inbox
      ?.close(correlationId)
      .catch((error: unknown) => deps.log.error({ err: error, correlationId }, 'inbox entry not closed'));
  }
}

/** Answers an authorised command, streaming an investigation's steps as they finish; never throws. */
async function answerAndPost(
  message: InboundMessage,
  reply: ChannelReply,
  deps: InboundDeps,
  audit: (outcome: AuditOutcome, detail?: string) => Promise<void>,
): Promise<void> {
  const { text, correlationId } = message;
  // The Sections already posted while steps finished, so the final answer posts only the rest.
  const streamed = new Set<Section>();
  let done = 0;
  let total = 0;
  // Steps finish concurrently; posts go out one at a time, in the order steps finish.
  let posting: Promise<void> = Promise.resolve();
  const onProgress = (event: ProgressEvent) => {
    if (event.type === 'started') {
      total = Math.max(total, done + 1);
      posting = posting.then(() => reply.progress({ title: 'Investigating', done, total, current: event.title }));
      return;
    }
    done += 1;
    for (const section of event.sections) streamed.add(section);
    posting = posting.then(async () => {
      await reply.post(await deps.attachImages(event.sections));
      await reply.progress({ title: 'Investigating', done, total: Math.max(total, done), current: event.title });
    });
  };

  try {
    const sections = await deps.answer(text, { correlationId, onProgress, actor: message.actor });
    await posting;
    // Streamed steps are already in the thread: what remains is the investigation header, an export, or the
    // whole answer of a command that streamed nothing.
    const remaining = sections.filter((section) => !streamed.has(section));
    await reply.post(await deps.attachImages(remaining));
    const { outcome, detail } = outcomeOf(sections);
    await audit(outcome, detail);
  } catch (error) {
    deps.log.error({ err: error, correlationId }, 'command could not be answered');
    await posting.catch(() => undefined);
    await reply
      .post([
        problemSection('error', 'Something went wrong', {
          code: 'Unexpected',
          message: 'socbot could not finish this answer.',
          hint: `Try again; if it keeps failing, give your administrator the reference ${correlationId}.`,
          correlationId,
        }),
      ])
      .catch((postError: unknown) =>
        deps.log.error({ err: postError, correlationId }, 'the failure could not be posted'),
      );
    await audit('failed', 'unexpected');
  }
}
