/**
 * Mentions (`@socbot tree` in a channel) and direct messages: answered in the thread of the message. Bolt has
 * already acknowledged the event; re-deliveries never reach here (see `dedupeDeliveries`).
 */
import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import { ephemeralReply } from './ephemeral-reply.js';
import { runThreadCommand, type SlackRuntime } from './run-thread-command.js';
import { actorOfEvent, commandTextOf, type SlackMessageEvent, threadOfEvent } from './slack-payloads.js';

function startCommand(
  event: SlackMessageEvent,
  teamId: string | undefined,
  botUserId: string | undefined,
  rt: SlackRuntime,
) {
  const actor = actorOfEvent(event, teamId);
  const correlationId = randomUUID();
  const place = { channel: event.channel, threadTs: threadOfEvent(event) };
  const text = commandTextOf(event.text ?? '', botUserId);
  const refusal = ephemeralReply(rt.sender, place, actor.userId, correlationId);
  rt.track(() => runThreadCommand({ actor, text, correlationId, place, refusal }, rt), correlationId);
}

/** A user's own plain message (no edits, joins, bot posts): only those are commands. */
function isUserMessage(event: object): event is SlackMessageEvent & { user: string } {
  const fields = event as Partial<Record<'subtype' | 'bot_id' | 'user' | 'channel' | 'ts', unknown>>;
  return (
    fields.subtype === undefined &&
    fields.bot_id === undefined &&
    typeof fields.user === 'string' &&
    typeof fields.channel === 'string' &&
    typeof fields.ts === 'string'
  );
}

/** Registers `app_mention` and `message.im`. */
export function registerMessageEvents(app: App, rt: SlackRuntime): void {
  app.event('app_mention', async ({ event, body, context }) => {
    if (!isUserMessage(event)) return;
    startCommand(event, body.team_id, context.botUserId, rt);
  });
  app.event('message', async ({ event, body, context }) => {
    if (event.channel_type !== 'im' || !isUserMessage(event)) return;
    startCommand(event, body.team_id, context.botUserId, rt);
  });
}
