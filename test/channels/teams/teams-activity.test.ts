/**
 * Reading inbound Teams activities: who asked and where, the command typed or clicked, and the thread.
 */
import { describe, expect, it } from 'vitest';
import {
  actorOf,
  baseConversationId,
  commandTextOf,
  executedCommand,
  plainCommandText,
  storedReferenceOf,
  submittedCommand,
  threadKeyOf,
} from '../../../src/channels/teams/teams-activity.js';
import {
  analyst,
  channelId,
  channelThread,
  execute,
  message,
  personalChat,
  submit,
  teamId,
  tenantId,
} from './teams-fixtures.js';

const serviceUrl = 'https://smba.trafficmanager.net/emea/';

describe('actorOf', () => {
  it('takes the AAD object id, tenant, team and channel (not the thread) of a channel message', () => {
    const where = channelThread('root-1');
    expect(actorOf(message(serviceUrl, where, 'help'))).toEqual({
      channel: 'teams',
      userId: analyst.aadObjectId,
      userName: analyst.name,
      tenantId,
      teamId,
      conversationId: channelId,
    });
  });

  it('uses the chat id in a personal chat, and the 29: id when there is no AAD object id', () => {
    const where = personalChat();
    const activity = message(serviceUrl, where, 'help');
    const actor = actorOf({ ...activity, from: { id: '29:abc' } });
    expect(actor).toMatchObject({ userId: '29:abc', conversationId: where.conversationId, tenantId });
    expect(actor.teamId).toBeUndefined();
  });
});

describe('command text', () => {
  it('removes the mention and flattens the HTML Teams sends', () => {
    expect(plainCommandText('<at>socbot</at>&nbsp;investigate <p>abc-1</p>')).toBe('investigate abc-1');
    expect(plainCommandText('<at>SOC Bot</at> tree &quot;x y&quot; &amp; more')).toBe('tree "x y" & more');
    expect(plainCommandText('alerts<br/>last 7d')).toBe('alerts last 7d');
  });

  it('reads an Action.Submit click as its command, and only a click without text', () => {
    const where = personalChat();
    const click = submit(serviceUrl, where, 'tree abc-1', 'card-1');
    expect(submittedCommand(click)).toBe('tree abc-1');
    expect(commandTextOf(click)).toBe('tree abc-1');
    expect(submittedCommand({ ...click, text: 'typed' })).toBeUndefined();
    expect(submittedCommand({ ...click, value: { verb: 'x' } })).toBeUndefined();
    expect(commandTextOf(message(serviceUrl, channelThread(), 'alerts last 7d'))).toBe('alerts last 7d');
  });

  it('reads an Action.Execute invoke, and flags automatic refreshes', () => {
    const invoke = execute(serviceUrl, personalChat(), 'alert abc-1', 'card-1');
    expect(executedCommand(invoke)).toEqual({ command: 'alert abc-1', automatic: false });
    expect(executedCommand({ ...invoke, value: { ...invoke.value, trigger: 'automatic' } })?.automatic).toBe(true);
    expect(executedCommand({ ...invoke, value: { action: { type: 'Action.Execute', verb: 'x' } } })).toEqual({
      automatic: false,
    });
    expect(executedCommand({ ...invoke, name: 'composeExtension/query' })).toBeUndefined();
    // The SDK's Action.Execute route needs a verb; without one the invoke is not socbot's.
    expect(
      executedCommand({ ...invoke, value: { action: { type: 'Action.Execute', data: { command: 'x' } } } }),
    ).toBeUndefined();
    expect(executedCommand({ ...invoke, value: { action: { type: 'Action.Submit', verb: 'x' } } })).toBeUndefined();
  });
});

describe('threads', () => {
  it('keeps the thread in the key and drops it from the conversation id', () => {
    const where = channelThread('root-7');
    expect(threadKeyOf(message(serviceUrl, where, 'tree'))).toBe(`${channelId};messageid=root-7`);
    expect(baseConversationId(`${channelId};messageid=root-7`)).toBe(channelId);
    expect(baseConversationId('a:1xyz')).toBe('a:1xyz');
  });
});

describe('storedReferenceOf', () => {
  it('reads back a stored reference with a service URL and a conversation id, and nothing less', () => {
    const stored = { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: channelId } };
    expect(storedReferenceOf(stored)?.conversation.id).toBe(channelId);
    expect(storedReferenceOf({ conversation: { id: channelId } })).toBeUndefined();
    expect(storedReferenceOf({ serviceUrl: 'https://smba.trafficmanager.net/emea/' })).toBeUndefined();
    expect(storedReferenceOf({ channel: 'C0SOC' })).toBeUndefined();
  });
});
