/**
 * Inbound Teams activities as Teams sends them (channel mention in a thread, personal chat, Action.Submit click,
 * Action.Execute invoke), and a poster that delivers them to a bot's `/api/messages`.
 */
import { randomUUID } from 'node:crypto';

export interface Who {
  aadObjectId: string;
  name: string;
}

export const analyst: Who = { aadObjectId: 'aad-analyst-1', name: 'Ann Analyst' };
export const stranger: Who = { aadObjectId: 'aad-stranger-9', name: 'Sam Stranger' };
export const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const teamId = '19:team-soc@thread.tacv2';
export const channelId = '19:soc-alerts@thread.tacv2';
export const botAccount = { id: '28:socbot-app-id', name: 'socbot' };

export interface Where {
  /** The conversation id as Teams sends it (a channel thread carries `;messageid=<root>`). */
  conversationId: string;
  channel?: boolean;
}

/** A thread in the SOC channel, rooted at a new post. */
export function channelThread(root = randomUUID().slice(0, 8)): Where {
  return { conversationId: `${channelId};messageid=${root}`, channel: true };
}

/** A personal (1:1) chat with the bot. */
export function personalChat(): Where {
  return { conversationId: `a:1${randomUUID().replaceAll('-', '')}` };
}

function base(serviceUrl: string, where: Where, who: Who) {
  return {
    id: `msg-${randomUUID().slice(0, 8)}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${who.aadObjectId}`, name: who.name, aadObjectId: who.aadObjectId },
    recipient: botAccount,
    conversation: {
      id: where.conversationId,
      tenantId,
      conversationType: where.channel ? 'channel' : 'personal',
      ...(where.channel ? { isGroup: true } : {}),
    },
    channelData: {
      tenant: { id: tenantId },
      ...(where.channel ? { team: { id: teamId }, channel: { id: channelId } } : {}),
    },
  };
}

/** A typed message; in a channel it starts with the bot mention, as Teams delivers it. */
export function message(serviceUrl: string, where: Where, text: string, who: Who = analyst) {
  const mention = '<at>socbot</at>';
  return {
    ...base(serviceUrl, where, who),
    type: 'message',
    text: where.channel ? `${mention} ${text}` : text,
    textFormat: 'plain',
    ...(where.channel
      ? { entities: [{ type: 'mention', text: mention, mentioned: botAccount }] }
      : { entities: [{ type: 'clientInfo', locale: 'en-US' }] }),
  };
}

/** An Action.Submit click on a card socbot posted (message `replyToId`). */
export function submit(serviceUrl: string, where: Where, command: string, replyToId: string, who: Who = analyst) {
  return { ...base(serviceUrl, where, who), type: 'message', replyToId, value: { command } };
}

/** An Action.Execute click: an `adaptiveCard/action` invoke. */
export function execute(serviceUrl: string, where: Where, command: string, replyToId: string, who: Who = analyst) {
  return {
    ...base(serviceUrl, where, who),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb: 'socbot.command', data: { command } }, trigger: 'manual' },
  };
}

/** POSTs an activity to the bot, as the Bot Framework service does. */
export async function deliver(botUrl: string, activity: unknown, token?: string): Promise<Response> {
  return fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token !== undefined ? { authorization: token } : {}) },
    body: JSON.stringify(activity),
  });
}
