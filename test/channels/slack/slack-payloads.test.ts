/**
 * Reading Slack payloads: the command text of a mention, the thread of a click, the keys of a delivery.
 */
import type { BlockAction } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  actorOfAction,
  commandTextOf,
  deliveryKeys,
  threadOfAction,
  threadOfEvent,
} from '../../../src/channels/slack/slack-payloads.js';

function click(fields: Record<string, unknown>): BlockAction {
  return {
    type: 'block_actions',
    actions: [],
    team: { id: 'T1', domain: 'd' },
    user: { id: 'U1', username: 'ana' },
    token: 't',
    response_url: 'https://hooks.slack.com/actions/1',
    trigger_id: '1',
    api_app_id: 'A1',
    container: { type: 'message', message_ts: '2.0', channel_id: 'C1', is_ephemeral: false },
    ...fields,
  } as BlockAction;
}

describe('Slack payloads', () => {
  it('removes the bot mention wherever it is, and nobody else’s', () => {
    expect(commandTextOf('<@U0BOT> tree', 'U0BOT')).toBe('tree');
    expect(commandTextOf('hey <@U0BOT|socbot>  investigate  abc', 'U0BOT')).toBe('hey investigate abc');
    expect(commandTextOf('<@U0BOT> tree <@U0OTHER>', 'U0BOT')).toBe('tree <@U0OTHER>');
    // Without the bot's id a leading mention is still dropped.
    expect(commandTextOf('<@U0BOT> alerts', undefined)).toBe('alerts');
  });

  it('answers a click in the thread of the message holding the button, or under that message', () => {
    expect(threadOfAction(click({ message: { type: 'message', ts: '2.0', thread_ts: '1.0' } }))).toBe('1.0');
    expect(threadOfAction(click({ message: { type: 'message', ts: '2.0' } }))).toBe('2.0');
    const ephemeral = click({
      container: { type: 'message', message_ts: '3.0', channel_id: 'C1', is_ephemeral: true },
    });
    expect(threadOfAction(ephemeral)).toBeUndefined();
    expect(actorOfAction(click({}))).toEqual({
      channel: 'slack',
      userId: 'U1',
      userName: 'ana',
      tenantId: 'T1',
      conversationId: 'C1',
    });
  });

  it('answers a message in its own thread', () => {
    expect(threadOfEvent({ channel: 'C1', ts: '5.0' })).toBe('5.0');
    expect(threadOfEvent({ channel: 'C1', ts: '5.0', thread_ts: '4.0' })).toBe('4.0');
  });

  it('keys a delivery by event id and by the message it is about', () => {
    const body = { type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention', channel: 'C1', ts: '5.0' } };
    expect(deliveryKeys(body)).toEqual(['event:Ev1', 'message:C1:5.0']);
    expect(deliveryKeys({ command: '/socbot', text: 'help' })).toEqual([]);
    expect(deliveryKeys(null)).toEqual([]);
  });
});
