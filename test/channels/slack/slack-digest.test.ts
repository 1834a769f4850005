/**
 * Scheduled digests in Slack end to end: `/socbot digest subscribe …` typed in a channel (real Bolt, signed request),
 * then the scheduler's run for a due slot posts the digest with `chat.postMessage` to that stored channel through the
 * fake Slack Web API, its chart uploaded into the digest's thread, audited as the subscriber. A channel Slack refuses
 * is retried a bounded number of times, then recorded failed and logged.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestComposer } from '../../../src/investigation/commands/digest-content.js';
import { DigestScheduler } from '../../../src/schedule/digest-scheduler.js';
import { headerOf, type SlackHarness, startSlackHarness } from './slack-harness.js';
import { sendToSlackEvents, slashCommand } from './slack-requests.js';

const channel = 'C0SOCDIGEST';
const analyst = 'U0ANALYST';

describe('Slack: scheduled digests', () => {
  let h: SlackHarness;
  let scheduler: DigestScheduler;
  let id: string;
  // The demo workspace ends at the current hour: a digest due now has alerts.
  const dueAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const sleeps: number[] = [];

  beforeAll(async () => {
    h = await startSlackHarness();
    const log = pino({ level: 'debug' }, { write: (line: string) => h.logs.push(JSON.parse(line)) });
    scheduler = new DigestScheduler({
      store: h.socbot.digests,
      conversations: h.socbot.conversations,
      posters: [h.slack.poster],
      compose: digestComposer(h.socbot.provider, log),
      attachImages: h.socbot.images.attach,
      audit: h.socbot.audit,
      log,
      now: () => new Date(dueAt.getTime() + 2_000),
      retry: { sleep: async (ms) => void sleeps.push(ms) },
    });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('subscribes the channel from a slash command and answers with the id and the next runs', async () => {
    const request = slashCommand('digest subscribe daily 08:00 tz Europe/Paris top 3', {
      user: analyst,
      channel,
      responseUrl: h.fake.responseUrl('digest-1'),
    });
    expect((await sendToSlackEvents(h.baseUrl, request)).status).toBe(200);
    await h.slack.idle();
    const header = h.fake.messages.find((m) => m.channel === channel && !m.threadTs);
    const answer = h.fake
      .thread(channel, header!.ts)
      .map(headerOf)
      .find((title) => title?.includes('subscribed'));
    id = /Digest ([a-z2-9]{6}) subscribed/.exec(answer ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    expect(await h.socbot.digests.get(id)).toMatchObject({ channel: 'slack', conversationId: channel, top: 3 });
    expect(await h.socbot.conversations.get('slack', channel)).toMatchObject({ reference: { channel } });
  });

  it('posts a due digest to the stored channel with chat.postMessage, charts in its thread, once', async () => {
    const before = h.fake.messages.length;
    const report = await scheduler.run(id, dueAt);
    expect(report).toMatchObject({ outcome: 'posted', attempts: 1 });
    const posted = h.fake.messages.slice(before);
    expect(posted).toHaveLength(1);
    const digest = posted[0]!;
    // A new message in the channel, not a reply in the subscription's thread.
    expect(digest.threadTs).toBeUndefined();
    expect(headerOf(digest)).toMatch(/Alert digest: \d+ alerts? of \d+ types?/);
    expect(JSON.stringify(digest.blocks)).toContain(`Scheduled digest ${id}`);
    const completes = h.fake.callsOf('files.completeUploadExternal').filter((c) => c.params.thread_ts === digest.ts);
    expect(completes.length).toBeGreaterThan(0);
    expect(completes.every((c) => c.params.channel_id === channel)).toBe(true);
    // A second tick of the same slot posts nothing.
    expect(await scheduler.run(id, dueAt)).toEqual({ outcome: 'not-claimed' });
    expect(h.fake.messages.slice(before).filter((m) => !m.threadTs)).toHaveLength(1);
    const entries = await h.socbot.audit.recent(10);
    expect(entries.filter((e) => e.command === `digest (scheduled ${id})`)).toHaveLength(1);
    expect(entries.find((e) => e.command === `digest (scheduled ${id})`)).toMatchObject({
      command: `digest (scheduled ${id})`,
      outcome: 'answered',
      actor: { channel: 'slack', userId: analyst, conversationId: channel },
    });
  });

  it('records a digest Slack keeps refusing as failed, after bounded retries, and logs it', async () => {
    const next = new Date(dueAt.getTime() + 86_400_000);
    for (let i = 0; i < 3; i++) h.fake.failNext('chat.postMessage', 'channel_not_found');
    const report = await scheduler.run(id, next);
    expect(report).toMatchObject({
      outcome: 'failed',
      attempts: 3,
      detail: `Slack did not take the digest message in ${channel}`,
    });
    expect(sleeps).toEqual([30_000, 120_000]);
    const [run] = await h.socbot.digests.runs(id, 1);
    expect(run).toMatchObject({ outcome: 'failed', attempts: 3 });
    const correlationId = report.outcome === 'failed' ? report.correlationId : '';
    expect(
      h.logs.filter((l) => l.correlationId === correlationId && l.slackError === 'channel_not_found'),
    ).toHaveLength(3);
    expect(h.logs.find((l) => l.msg === 'digest failed')).toMatchObject({ correlationId, subscriptionId: id });
  });
});
