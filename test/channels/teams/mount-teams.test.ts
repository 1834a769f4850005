/**
 * Teams end to end: real activities POSTed to `/api/messages`, the real Agents SDK adapter (anonymous, as in local
 * development), a real socbot core on a small demo workspace, and the replies read back from a loopback Bot
 * Framework connector.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resumeOpenCommands } from '../../../src/channels/resume-commands.js';
import { mountTeams, type TeamsChannel } from '../../../src/channels/teams/mount-teams.js';
import { createLogger } from '../../../src/logger.js';
import { type ConnectorCall, FakeBotConnector } from '../../fakes/bot-connector-server.js';
import { createTestSocbot, type TestSocbot } from '../../helpers/test-socbot.js';
import {
  analyst,
  channelId,
  channelThread,
  deliver,
  execute,
  message,
  personalChat,
  stranger,
  submit,
} from './teams-fixtures.js';

const cardType = 'application/vnd.microsoft.card.adaptive';

function cardOf(call: ConnectorCall): Record<string, unknown> | undefined {
  return call.activity.attachments?.find((a) => a.contentType === cardType)?.content;
}

function fallbackOf(call: ConnectorCall): string {
  const text = cardOf(call)?.fallbackText;
  return typeof text === 'string' ? text : (call.activity.text ?? '');
}

/** Section replies: card messages that were never updated (the progress card is the one updated in place). */
function sectionPosts(calls: readonly ConnectorCall[]): ConnectorCall[] {
  const updated = new Set(calls.filter((c) => c.kind === 'update').map((c) => c.activityId));
  return calls.filter((c) => c.kind !== 'update' && c.activity.type === 'message' && !updated.has(c.responseId));
}

function submitCommands(call: ConnectorCall): string[] {
  const actions = cardOf(call)?.actions;
  if (!Array.isArray(actions)) return [];
  return actions.flatMap((action: { data?: { command?: unknown } }) =>
    typeof action.data?.command === 'string' ? [action.data.command] : [],
  );
}

describe('Teams channel end to end', () => {
  let socbot: TestSocbot;
  let connector: FakeBotConnector;
  let teams: TeamsChannel;
  let server: Server;
  let bot: string;
  let alertId: string;
  const investigation = channelThread('inv-root');
  let investigateId: string;

  beforeAll(async () => {
    socbot = await createTestSocbot({ events: 5_000 });
    connector = await FakeBotConnector.start();
    const app = express();
    teams = mountTeams(app, {
      socbot,
      settings: { rules: { tenants: [], teams: [], conversations: [], users: [analyst.aadObjectId] } },
      log: createLogger(process.env.TEST_LOG ?? 'silent'),
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
      publicBaseUrl: 'https://bot.contoso.com',
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    bot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const alerts = await socbot.answer('alerts last 30d', { correlationId: 'setup' });
    const command = alerts.flatMap((s) => s.actions).find((a) => a.command.startsWith('investigate '))?.command;
    if (!command) throw new Error('the demo workspace offered no alert to investigate');
    alertId = command.split(' ')[1]!;

    const activity = message(connector.url, investigation, `investigate ${alertId}`);
    investigateId = activity.id;
    const response = await deliver(bot, activity);
    expect(response.status).toBe(200);
    await teams.idle();
  });

  afterAll(async () => {
    await teams?.idle();
    await new Promise((resolve) => server?.close(resolve));
    await connector?.close();
    await socbot?.close();
  });

  it('investigates: typing, one progress message updated in place, every section as a reply in the thread', async () => {
    const calls = connector.callsIn(investigation.conversationId);
    expect(calls.every((c) => c.status === 200)).toBe(true);
    // Every message is a reply to the command, so it lands in the command's thread.
    for (const call of calls.filter((c) => c.kind !== 'update')) {
      expect(call).toMatchObject({ kind: 'reply', activityId: investigateId });
    }
    // The typing indicator and the progress message go up before any answer; the progress message is then the one
    // message updated in place.
    const messages = calls.filter((c) => c.kind === 'reply' && c.activity.type === 'message');
    const typing = calls.findIndex((c) => c.activity.type === 'typing');
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(typing).toBeLessThan(calls.indexOf(messages[1]!));
    const updates = calls.filter((c) => c.kind === 'update');
    expect(updates.length).toBeGreaterThan(0);
    expect(new Set(updates.map((c) => c.activityId))).toEqual(new Set([messages[0]?.responseId]));
    expect(fallbackOf(messages[0]!)).toMatch(/^Investigating: starting/);
    expect(fallbackOf(updates.at(-1)!)).toMatch(/^Investigating: finished, \d+ steps done/);

    const sections = sectionPosts(calls);
    // The header and at least one Section per playbook step (9 steps).
    expect(sections.length).toBeGreaterThanOrEqual(10);
    for (const call of sections) {
      expect(cardOf(call)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      expect(fallbackOf(call)).toMatch(/^## /);
      expect(call.activity.summary).toBeTruthy();
    }
    const text = sections.map(fallbackOf).join('\n');
    for (const title of ['## Investigating', '## Entities', '## Process tree of', 'logon'])
      expect(text).toContain(title);
  });

  it('continues an investigation from a button click (Action.Submit value)', async () => {
    const before = connector.callsIn(investigation.conversationId).length;
    const cards = sectionPosts(connector.callsIn(investigation.conversationId));
    const clicked = cards.find((c) => submitCommands(c).some((command) => command.startsWith('related ')));
    const command = clicked ? submitCommands(clicked).find((c) => c.startsWith('related ')) : undefined;
    expect(command).toBe(`related ${alertId}`);
    const response = await deliver(bot, submit(connector.url, investigation, command!, clicked!.responseId!));
    expect(response.status).toBe(200);
    await teams.idle();
    const answer = sectionPosts(connector.callsIn(investigation.conversationId).slice(before));
    expect(answer.length).toBeGreaterThan(0);
    expect(fallbackOf(answer[0]!).toLowerCase()).toContain('alert');
    const [latest] = await socbot.audit.recent(1);
    expect(latest).toMatchObject({ command: `related ${alertId}`, actor: { channel: 'teams' } });
  });

  it('runs a short follow-up (`tree`) on the alert of the investigation thread', async () => {
    const before = connector.callsIn(investigation.conversationId).length;
    await deliver(bot, message(connector.url, investigation, 'tree'));
    await teams.idle();
    const [latest] = await socbot.audit.recent(1);
    expect(latest?.command).toBe(`tree ${alertId}`);
    const answer = sectionPosts(connector.callsIn(investigation.conversationId).slice(before));
    expect(answer.map(fallbackOf).join('\n')).toMatch(/Process tree|Alert process/);
  });

  it('answers an Action.Execute invoke at once with a "working on it" card, then posts the answer', async () => {
    const chat = personalChat();
    const started = performance.now();
    const response = await deliver(bot, execute(connector.url, chat, `alert ${alertId}`, 'card-1'));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: { body: { text: string }[] } };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe(cardType);
    expect(body.value.body[0]?.text).toContain('Working on it');
    await teams.idle();
    const answer = sectionPosts(connector.callsIn(chat.conversationId));
    expect(answer.map(fallbackOf).join('\n')).toContain(alertId);
  });

  it('refuses someone outside the allowlist politely, with no data and no stored conversation', async () => {
    const chat = personalChat();
    await deliver(bot, message(connector.url, chat, `investigate ${alertId}`, stranger));
    await teams.idle();
    const replies = sectionPosts(connector.callsIn(chat.conversationId));
    expect(replies).toHaveLength(1);
    expect(fallbackOf(replies[0]!)).toContain('Not allowed here');
    expect(JSON.stringify(replies[0]?.activity)).not.toContain(alertId);
    expect(connector.callsIn(chat.conversationId).some((c) => c.kind === 'update')).toBe(false);
    const [latest] = await socbot.audit.recent(1);
    expect(latest).toMatchObject({ outcome: 'refused', actor: { userId: stranger.aadObjectId } });
    expect(await socbot.conversations.get('teams', chat.conversationId)).toBeUndefined();
  });

  it('retries a throttled (429, Retry-After) and a failing (503) connector, honouring Retry-After', async () => {
    const chat = personalChat();
    const isCard = (activity: { attachments?: unknown[] }) => (activity.attachments?.length ?? 0) > 0;
    connector.failNext({ status: 429, retryAfterSeconds: 1, match: isCard }, { status: 503, match: isCard });
    await deliver(bot, message(connector.url, chat, 'help'));
    await teams.idle();
    const cards = connector.callsIn(chat.conversationId).filter((c) => isCard(c.activity));
    expect(cards.map((c) => c.status).slice(0, 3)).toEqual([429, 503, 200]);
    expect(cards[1]!.at - cards[0]!.at).toBeGreaterThanOrEqual(950);
    expect(cards[0]?.activity).toEqual(cards[2]?.activity);
  });

  it('sends a card the connector refuses as too large (413) again as Markdown text', async () => {
    const chat = personalChat();
    connector.failNext({ status: 413, match: (a) => (a.attachments?.length ?? 0) > 0 });
    await deliver(bot, message(connector.url, chat, 'help'));
    await teams.idle();
    const [refused, ...rest] = connector.callsIn(chat.conversationId).filter((c) => c.activity.type === 'message');
    expect(refused?.status).toBe(413);
    const text = rest.find((c) => !c.activity.attachments);
    expect(text).toMatchObject({ status: 200, activity: { textFormat: 'markdown' } });
    // The whole answer as text (the card's own fallback is only its short beginning).
    expect(text?.activity.text?.startsWith(fallbackOf(refused!).slice(0, 200))).toBe(true);
    expect(text?.activity.text).toContain('`help [command]`');
  });

  it('audits every command once, as the Teams user where it was typed', async () => {
    const entries = (await socbot.audit.recent(100)).filter((e) => e.actor.channel === 'teams');
    // investigate, related (click), tree (follow-up), alert (invoke), refused investigate, help, help.
    expect(entries).toHaveLength(7);
    expect(entries.find((e) => e.command === `investigate ${alertId}` && e.outcome === 'answered')).toMatchObject({
      actor: {
        userId: analyst.aadObjectId,
        userName: analyst.name,
        teamId: expect.any(String),
        conversationId: channelId,
      },
    });
  });

  it('stores the conversation reference of the channel for later (proactive) posts', async () => {
    const stored = await socbot.conversations.get('teams', channelId);
    expect(stored?.reference).toMatchObject({
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: channelId, tenantId: expect.any(String) },
      agent: { id: '28:socbot-app-id' },
    });
    expect(stored?.reference).not.toHaveProperty('activityId');
  });

  it('keeps no answered command open, and answers at start-up, in its thread, one a crash cut short', async () => {
    const longAgo = new Date('2000-01-01T00:00:00Z');
    await teams.idle();
    expect(await socbot.inbox.open(longAgo)).toEqual([]);
    const thread = channelThread('crashed-root');
    await socbot.inbox.accept({
      correlationId: 'teams-crashed-1',
      channel: 'teams',
      actor: { channel: 'teams', userId: analyst.aadObjectId, conversationId: channelId },
      text: `alert ${alertId}`,
      replyTo: {
        activityId: 'msg-crashed',
        user: { id: `29:${analyst.aadObjectId}`, name: analyst.name, aadObjectId: analyst.aadObjectId },
        agent: { id: '28:socbot-app-id', name: 'socbot' },
        conversation: { id: thread.conversationId, conversationType: 'channel', isGroup: true },
        channelId: 'msteams',
        serviceUrl: connector.url,
      },
      acceptedAt: new Date(),
    });
    const resumed = await resumeOpenCommands({
      inbox: socbot.inbox,
      channels: { teams: teams.resume },
      log: createLogger('silent'),
      now: new Date(),
    });
    expect(resumed).toBe(1);
    await teams.idle();
    const posts = sectionPosts(connector.callsIn(thread.conversationId));
    expect(fallbackOf(posts[0]!)).toContain('socbot restarted while answering');
    const expected = await socbot.answer(`alert ${alertId}`, { correlationId: 'expected' });
    expect(posts).toHaveLength(1 + expected.length);
    expect(await socbot.inbox.open(longAgo)).toEqual([]);
  });

  it('links an exported document for download under the public https address', async () => {
    const chat = personalChat();
    await deliver(bot, message(connector.url, chat, `export ${alertId} md`));
    await teams.idle();
    const cards = JSON.stringify(sectionPosts(connector.callsIn(chat.conversationId)).map(cardOf));
    const link = /https:\/\/bot\.contoso\.com\/exports\/([a-f0-9]{32})\/(socbot-[\w.-]+\.md)/.exec(cards);
    expect(link).not.toBeNull();
    const document = socbot.documents.get(link?.[1] ?? '');
    expect(document?.fileName).toBe(link?.[2]);
    expect(document?.content.toString('utf8')).toContain(alertId);
  });
});
