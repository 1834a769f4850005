/**
 * Runs one command from Slack in its thread: refusals go only to the asker, follow-ups (`tree` in an investigation's
 * thread) get the thread's alert, and everything else is the channel-neutral core (`handleInbound`).
 */
import { z } from 'zod';
import type { Section } from '../../core/section.js';
import type { Logger } from '../../logger.js';
import type { Actor } from '../../policy/actor.js';
import { authorize } from '../../policy/authorize.js';
import type { ImageStore } from '../../render/images/image-store.js';
import type { AcceptedCommand } from '../../store/command-inbox.js';
import type { ConversationStore } from '../../store/conversation-store.js';
import type { BoundedMap } from '../bounded-map.js';
import { type ChannelReply, handleInbound, type InboundDeps } from '../handle-inbound.js';
import { alertIdOfCommand, resolveFollowUp } from '../thread-follow-up.js';
import type { SlackPlace, SlackSender } from './slack-sender.js';
import { ThreadReply } from './thread-reply.js';

/** What every Slack listener shares. */
export interface SlackRuntime {
  inbound: InboundDeps;
  sender: SlackSender;
  images: ImageStore;
  conversations: ConversationStore;
  log: Logger;
  /** `channel:threadTs` → the alert the thread is about. */
  threads: BoundedMap<string, string>;
  /** Channels already saved for proactive posts in this process. */
  savedChannels: BoundedMap<string, true>;
  /**
   * Starts background work after the requests already waiting have been acknowledged, keeps it visible (`idle()`
   * waits for it) and logs what escapes it.
   */
  track(start: () => Promise<void>, correlationId: string): void;
}

/** One command to run in a thread. */
export interface ThreadCommand {
  actor: Actor;
  text: string;
  correlationId: string;
  place: SlackPlace;
  /** Where a refusal goes (only the asker sees it). */
  refusal: ChannelReply;
}

function threadKey(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}

/** True when the actor may run commands here (decided again, and audited, by the core). */
export function isAllowed(actor: Actor, runtime: SlackRuntime): boolean {
  return authorize(actor, runtime.inbound.rules).allowed;
}

/** Saves the channel (once per process) so digests and long investigations can post there later. */
async function rememberChannel(actor: Actor, runtime: SlackRuntime): Promise<void> {
  if (!runtime.savedChannels.add(actor.conversationId, true)) return;
  try {
    await runtime.conversations.save({
      channel: 'slack',
      conversationId: actor.conversationId,
      reference: { channel: actor.conversationId, ...(actor.tenantId ? { team: actor.tenantId } : {}) },
      updatedAt: new Date(),
    });
  } catch (error) {
    runtime.log.warn({ err: error, channel: actor.conversationId }, 'Slack channel could not be saved');
  }
}

/** Runs a command and answers in its thread; resolves when every message has been sent (or logged as lost). */
export async function runThreadCommand(command: ThreadCommand, runtime: SlackRuntime): Promise<void> {
  const { actor, correlationId, place } = command;
  if (!isAllowed(actor, runtime)) {
    await handleInbound({ actor, text: command.text, correlationId }, command.refusal, runtime.inbound);
    return;
  }
  const known = place.threadTs ? runtime.threads.get(threadKey(place.channel, place.threadTs)) : undefined;
  const text = resolveFollowUp(command.text, known);
  const reply = new ThreadReply(place, correlationId, runtime);
  const alertId = alertIdOfCommand(text);
  const remember = () => {
    if (alertId && reply.threadTs) runtime.threads.set(threadKey(place.channel, reply.threadTs), alertId);
  };
  // Remembered before answering, so a follow-up typed while the investigation runs already works.
  remember();
  await rememberChannel(actor, runtime);
  await handleInbound({ actor, text, correlationId, replyTo: { ...place } }, reply, runtime.inbound);
  await reply.settled();
  remember();
}

/** The Slack place kept in the command inbox. */
const storedPlaceSchema = z.object({ channel: z.string().min(1), threadTs: z.string().min(1).optional() });

/**
 * Answers a command a previous run accepted and never answered: the notice goes in its thread (a new one when it
 * had none), then, if `rerun`, the command runs there again.
 */
export async function resumeThreadCommand(
  command: AcceptedCommand,
  notice: Section,
  rerun: boolean,
  runtime: SlackRuntime,
): Promise<void> {
  const parsed = storedPlaceSchema.safeParse(command.replyTo);
  if (!parsed.success) throw new Error('the stored Slack place is not a channel and thread');
  const { channel, threadTs } = parsed.data;
  const place: SlackPlace = threadTs ? { channel, threadTs } : { channel };
  const reply = new ThreadReply(place, command.correlationId, runtime);
  await reply.post([notice]);
  if (!rerun) return;
  const thread: SlackPlace = reply.threadTs ? { channel, threadTs: reply.threadTs } : place;
  runtime.track(
    () =>
      runThreadCommand(
        {
          actor: command.actor,
          text: command.text,
          correlationId: command.correlationId,
          place: thread,
          refusal: reply,
        },
        runtime,
      ),
    command.correlationId,
  );
}
