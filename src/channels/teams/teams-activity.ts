/**
 * What socbot reads from an inbound Teams activity: who asked and where (the `Actor`), the command text (typed,
 * from an Action.Submit button, or from an Action.Execute invoke), and the thread it belongs to. Pure.
 */
import type { ConversationReference } from '@microsoft/agents-activity';
import { z } from 'zod';
import { stripMention } from '../../core/parse-command.js';
import type { Actor } from '../../policy/actor.js';

/** The parts of a Bot Framework activity socbot reads (the SDK's `Activity` satisfies it). */
export interface InboundActivity {
  type: string;
  id?: string;
  name?: string;
  text?: string;
  value?: unknown;
  replyToId?: string;
  from?: { id?: string; name?: string; aadObjectId?: string };
  conversation?: { id?: string; tenantId?: string; conversationType?: string };
  channelData?: unknown;
}

const channelDataSchema = z.looseObject({
  tenant: z.looseObject({ id: z.string() }).optional(),
  team: z.looseObject({ id: z.string() }).optional(),
  channel: z.looseObject({ id: z.string() }).optional(),
});

const submitValueSchema = z.looseObject({ command: z.string().min(1) });

const executeValueSchema = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1),
    data: z.looseObject({ command: z.string().min(1) }).optional(),
  }),
  trigger: z.string().optional(),
});

/** The `;messageid=…` suffix Teams adds to a channel conversation id inside a reply thread. */
const threadSuffix = /;messageid=.*$/;

function channelDataOf(activity: InboundActivity) {
  const parsed = channelDataSchema.safeParse(activity.channelData ?? {});
  return parsed.success ? parsed.data : {};
}

/** The conversation id without its thread suffix: the channel, or the personal / group chat. */
export function baseConversationId(conversationId: string): string {
  return conversationId.replace(threadSuffix, '');
}

/** The thread a message belongs to: Teams gives each channel thread its own conversation id; a chat is one thread. */
export function threadKeyOf(activity: InboundActivity): string {
  return activity.conversation?.id ?? '';
}

/** Who asked, and where, for authorisation and the audit log. */
export function actorOf(activity: InboundActivity): Actor {
  const channelData = channelDataOf(activity);
  const conversationId = activity.conversation?.id ?? '';
  const tenantId = activity.conversation?.tenantId ?? channelData.tenant?.id;
  return {
    channel: 'teams',
    // The AAD object id is stable across chats and what administrators can look up; the `29:` id is per bot.
    userId: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
    ...(activity.from?.name ? { userName: activity.from.name } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(channelData.team?.id ? { teamId: channelData.team.id } : {}),
    conversationId: channelData.channel?.id ?? baseConversationId(conversationId),
  };
}

const entities: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Teams message text as plain text: mention removed, simple HTML (`<p>`, `<br>`, entities) flattened. */
export function plainCommandText(text: string): string {
  const withoutMention = stripMention(text);
  return withoutMention
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(?:p|div|span)(?:\s[^>]*)?>/gi, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_, name: string) => entities[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The command an Action.Submit click carries (`value: { command }`), if this message is one. */
export function submittedCommand(activity: InboundActivity): string | undefined {
  if (activity.type !== 'message' || (activity.text ?? '').trim() !== '') return undefined;
  const parsed = submitValueSchema.safeParse(activity.value);
  return parsed.success ? parsed.data.command : undefined;
}

/** An Action.Execute invoke: the command it carries, and whether Teams sent it for an automatic card refresh. */
export function executedCommand(activity: InboundActivity): { command?: string; automatic: boolean } | undefined {
  if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return undefined;
  const parsed = executeValueSchema.safeParse(activity.value);
  if (!parsed.success) return undefined;
  const command = parsed.data.action.data?.command;
  return { ...(command ? { command } : {}), automatic: parsed.data.trigger === 'automatic' };
}

/** The command text of a message: a button's command, else the typed text without the bot mention. */
export function commandTextOf(activity: InboundActivity): string {
  return submittedCommand(activity) ?? plainCommandText(activity.text ?? '');
}

/**
 * A conversation reference read back from the store (a digest's conversation, a command's reply address), or
 * undefined when it lacks what a proactive turn needs: the service URL and the conversation id.
 */
export function storedReferenceOf(json: Record<string, unknown>): ConversationReference | undefined {
  const reference = json as Partial<ConversationReference>;
  if (typeof reference.serviceUrl !== 'string' || typeof reference.conversation?.id !== 'string') return undefined;
  return reference as ConversationReference;
}
