/**
 * Scheduled digests in Teams end to end: `@socbot digest subscribe …` typed in a channel (real Agents SDK adapter,
 * anonymous), then the scheduler's run for a due slot posts the digest card proactively — continueConversation with
 * the stored reference, a new post in the channel (`POST /v3/conversations/{id}/activities`) on the loopback Bot
 * connector. A connector failing with 500 every time: retried within bounds, recorded failed, logged, audited.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountTeams, type TeamsChannel } from '../../../src/channels/teams/mount-teams.js';
import { digestComposer } from '../../../src/investigation/commands/digest-content.js';
import { DigestScheduler } from '../../../src/schedule/digest-scheduler.js';
import { type ConnectorCall, FakeBotConnector } from '../../fakes/bot-connector-server.js';
import { createTestSocbot, type TestSocbot } from '../../helpers/test-socbot.js';
import { analyst, channelId, channelThread, deliver, message } from './teams-fixtures.js';

const cardType = 'application/vnd.microsoft.card.adaptive';

function fallbackOf(call: ConnectorCall): string {
  const text = call.activity.attachments?.find((a) => a.contentType === cardType)?.content?.fallbackText;
  return typeof text === 'string' ? text : (call.activity.text ?? '');
}

const isDigest = (activity: { summary?: string }) => activity.summary?.startsWith('Alert digest') === true;

describe('Teams: scheduled digests', () => {
  let socbot: TestSocbot;
  let connector: FakeBotConnector;
  let teams: TeamsChannel;
  let server: Server;
  let bot: string;
  let scheduler: DigestScheduler;
  let id: string;
  const logs: Record<string, unknown>[] = [];
  // The demo workspace ends at the current hour: a digest due now has alerts.
  const dueAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const sleeps: number[] = [];

  beforeAll(async () => {
    socbot = await createTestSocbot({ events: 5_000 });
    connector = await FakeBotConnector.start();
    const log = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
    const app = express();
    teams = mountTeams(app, {
      socbot,
      settings: { rules: { tenants: [], teams: [], conversations: [], users: [analyst.aadObjectId] } },
      log,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    bot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    scheduler = new DigestScheduler({
      store: socbot.digests,
      conversations: socbot.conversations,
      posters: [teams.poster],
      compose: digestComposer(socbot.provider, log),
      attachImages: socbot.images.attach,
      audit: socbot.audit,
      log,
      now: () => new Date(dueAt.getTime() + 1_000),
      retry: { sleep: async (ms) => void sleeps.push(ms) },
    });
  });

  afterAll(async () => {
    await scheduler?.stop();
    await teams?.idle();
    await new Promise((resolve) => server?.close(resolve));
    await connector?.close();
    await socbot?.close();
  });

  it('subscribes the channel from a mention and answers in the thread with the id', async () => {
    const thread = channelThread('digest-root');
    await deliver(bot, message(connector.url, thread, 'digest subscribe weekdays 09:30 tz America/New_York'));
    await teams.idle();
    const answer = connector
      .callsIn(thread.conversationId)
      .map(fallbackOf)
      .find((t) => t.includes('subscribed'));
    id = /Digest ([a-z2-9]{6}) subscribed/.exec(answer ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    expect(answer).toContain('Monday to Friday at 09:30 (America/New_York)');
    expect(await socbot.digests.get(id)).toMatchObject({
      channel: 'teams',
      conversationId: channelId,
      cron: '30 9 * * 1-5',
      createdBy: { userId: analyst.aadObjectId, userName: analyst.name },
    });
    expect(await socbot.conversations.get('teams', channelId)).toBeDefined();
  });

  it('posts a due digest proactively as a new post in the channel, once', async () => {
    const report = await scheduler.run(id, dueAt);
    expect(report).toMatchObject({ outcome: 'posted', attempts: 1 });
    const posts = connector.calls.filter((c) => isDigest(c.activity));
    expect(posts).toHaveLength(1);
    // A new conversation post in the channel itself: not a reply, not in the subscription's thread.
    expect(posts[0]).toMatchObject({ kind: 'send', conversationId: channelId, status: 200 });
    expect(fallbackOf(posts[0]!)).toMatch(/^## Alert digest: \d+ alerts? of \d+ types?/);
    expect(fallbackOf(posts[0]!)).toContain(`Scheduled digest ${id}`);
    expect(await scheduler.run(id, dueAt)).toEqual({ outcome: 'not-claimed' });
    expect(connector.calls.filter((c) => isDigest(c.activity))).toHaveLength(1);
    const entries = await socbot.audit.recent(10);
    expect(entries.find((e) => e.command === `digest (scheduled ${id})`)).toMatchObject({
      outcome: 'answered',
      actor: { channel: 'teams', userId: analyst.aadObjectId, conversationId: channelId },
    });
  });

  it('records a digest the connector keeps failing (500) as failed, logged and audited — not lost silently', async () => {
    const next = new Date(dueAt.getTime() + 86_400_000);
    const before = connector.calls.length;
    // 3 scheduler attempts × 2 connector tries each.
    connector.failNext(...Array.from({ length: 6 }, () => ({ status: 500, match: isDigest })));
    const report = await scheduler.run(id, next);
    expect(report).toMatchObject({
      outcome: 'failed',
      attempts: 3,
      detail: 'Teams did not take the digest (connector status 500)',
    });
    expect(connector.calls.slice(before).map((c) => c.status)).toEqual([500, 500, 500, 500, 500, 500]);
    expect(sleeps).toEqual([30_000, 120_000]);
    const [run] = await socbot.digests.runs(id, 1);
    expect(run).toMatchObject({ outcome: 'failed', attempts: 3, dueAt: next });
    const correlationId = report.outcome === 'failed' ? report.correlationId : '';
    expect(logs.find((l) => l.msg === 'digest failed')).toMatchObject({ correlationId, subscriptionId: id, level: 50 });
    expect(logs.filter((l) => l.msg === 'Teams send failed' && l.correlationId === correlationId)).toHaveLength(3);
    const entries = await socbot.audit.recent(20);
    expect(entries.find((e) => e.correlationId === correlationId)).toMatchObject({
      command: `digest (scheduled ${id})`,
      outcome: 'failed',
    });
  });
});
