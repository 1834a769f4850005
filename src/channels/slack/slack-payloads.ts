/**
 * What the adapter reads from Slack's payloads: who asked and where (the `Actor`), the command text, the thread, and
 * the keys that identify a delivery (so a re-delivered event is recognised). Pure.
 */
import type { BlockAction, SlashCommand } from '@slack/bolt';
import { stripMention } from '../../core/parse-command.js';
import type { Actor } from '../../policy/actor.js';

/** The actor of a slash command. */
export function actorOfCommand(command: SlashCommand): Actor {
  return {
    channel: 'slack',
    userId: command.user_id,
    userName: command.user_name,
    tenantId: command.team_id,
    conversationId: command.channel_id,
  };
}

/** The fields of a message or mention event the adapter uses. */
export interface SlackMessageEvent {
  user?: string;
  channel: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  team?: string;
}

/** The actor of a message or mention; the workspace is the event's team, else the envelope's. */
export function actorOfEvent(event: SlackMessageEvent, envelopeTeamId: string | undefined): Actor {
  const tenantId = event.team ?? envelopeTeamId;
  return {
    channel: 'slack',
    userId: event.user ?? '',
    ...(tenantId ? { tenantId } : {}),
    conversationId: event.channel,
  };
}

/** The actor of a button click. */
export function actorOfAction(body: BlockAction): Actor {
  const tenantId = body.team?.id ?? body.user.team_id;
  return {
    channel: 'slack',
    userId: body.user.id,
    userName: body.user.username ?? body.user.name,
    ...(tenantId ? { tenantId } : {}),
    conversationId: body.channel?.id ?? containerOf(body).channel_id ?? '',
  };
}

interface MessageContainer {
  channel_id?: string;
  message_ts?: string;
  thread_ts?: string;
  is_ephemeral?: boolean;
}

function containerOf(body: BlockAction): MessageContainer {
  const container: unknown = body.container;
  return typeof container === 'object' && container !== null ? (container as MessageContainer) : {};
}

/**
 * The thread a button's command answers in: the thread of the message holding the button, or that message itself.
 * An ephemeral message cannot hold a thread: then only its own thread, if any.
 */
export function threadOfAction(body: BlockAction): string | undefined {
  const container = containerOf(body);
  if (container.is_ephemeral) return container.thread_ts;
  const message = body.message;
  const threadTs: unknown = message?.thread_ts;
  return (typeof threadTs === 'string' ? threadTs : undefined) ?? message?.ts ?? container.message_ts;
}

/** The thread of a message or mention: the thread it was typed in, or the message itself. */
export function threadOfEvent(event: SlackMessageEvent): string {
  return event.thread_ts ?? event.ts;
}

/** The command in a message: the bot's own mention removed wherever it is, then a leading mention or `@socbot`. */
export function commandTextOf(text: string, botUserId: string | undefined): string {
  const withoutBot = isSlackId(botUserId)
    ? text.replaceAll(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ')
    : text;
  return stripMention(withoutBot).replace(/\s+/g, ' ').trim();
}

function stringField(record: unknown, key: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * What identifies a delivery: the Events API `event_id` (a retry carries the same one) and the message it is about
 * (a DM that mentions the bot may arrive as both `message` and `app_mention`). Empty for commands and actions.
 */
export function deliveryKeys(body: unknown): string[] {
  const keys: string[] = [];
  const eventId = stringField(body, 'event_id');
  if (eventId) keys.push(`event:${eventId}`);
  const event = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).event : undefined;
  const channel = stringField(event, 'channel');
  const ts = stringField(event, 'ts');
  if (channel && ts) keys.push(`message:${channel}:${ts}`);
  return keys;
}

/** Slack ids are plain upper-case words; anything else in a mention pattern would be a regular-expression injection. */
export function isSlackId(id: string | undefined): id is string {
  return id !== undefined && /^[A-Z0-9]+$/.test(id);
}
