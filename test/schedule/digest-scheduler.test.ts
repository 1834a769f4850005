/**
 * The scheduler with an injected clock and a recording poster: a due run posts once (even with two schedulers racing
 * for it), covers what came since the last digest, is audited as the subscription's creator; a failing post is
 * retried within bounds and then recorded failed and logged; a slot missed while socbot was down is posted once on
 * start; cron tasks follow the store.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PermanentPostError } from '../../src/schedule/digest-poster.js';
import type { DigestRequest } from '../../src/schedule/run-digest.js';
import {
  echoComposer,
  memoryLog,
  memoryStores,
  RecordingPoster,
  subscription,
  testScheduler,
} from './digest-fixtures.js';

type Stores = Awaited<ReturnType<typeof memoryStores>>;

describe('DigestScheduler', () => {
  let stores: Stores;
  let slack: RecordingPoster;
  const clock = { now: new Date('2026-05-04T06:00:02Z') };
  const dueAt = new Date('2026-05-04T06:00:00Z'); // 08:00 in Paris

  beforeEach(async () => {
    stores = await memoryStores();
    slack = new RecordingPoster('slack');
    await stores.digests.add(subscription());
    await stores.conversations.save({
      channel: 'slack',
      conversationId: 'C0SOC',
      reference: { channel: 'C0SOC', team: 'T0TEST' },
      updatedAt: new Date(),
    });
  });
  afterEach(() => stores.close());

  it('posts a due digest once, covering the last 24 h, and audits it as the subscriber', async () => {
    const requests: DigestRequest[] = [];
    const scheduler = testScheduler(stores, { clock, posters: [slack], compose: echoComposer(requests) });
    const report = await scheduler.run('k3m9qa', new Date(dueAt.getTime() + 1500));
    expect(report).toMatchObject({ outcome: 'posted', attempts: 1 });
    expect(slack.posts).toHaveLength(1);
    expect(slack.posts[0]?.conversation.reference).toEqual({ channel: 'C0SOC', team: 'T0TEST' });
    expect(requests[0]).toEqual({
      since: new Date('2026-05-03T06:00:00Z'),
      until: dueAt,
      top: 5,
      minSeverity: 'medium',
      heading: 'Scheduled digest k3m9qa · every day at 08:00 (Europe/Paris)',
    });
    // The same slot again (a second tick): nothing more.
    expect(await scheduler.run('k3m9qa', dueAt)).toEqual({ outcome: 'not-claimed' });
    expect(slack.posts).toHaveLength(1);
    const [run] = await stores.digests.runs('k3m9qa', 1);
    expect(run).toMatchObject({ outcome: 'posted', attempts: 1, dueAt });
    const [entry] = await stores.audit.recent(1);
    expect(entry).toMatchObject({
      correlationId: slack.posts[0]?.correlationId,
      command: 'digest (scheduled k3m9qa)',
      outcome: 'answered',
      actor: { channel: 'slack', userId: 'U0ANALYST', userName: 'ann', tenantId: 'T0TEST', conversationId: 'C0SOC' },
    });

    // The next day's digest covers what came since this one.
    await scheduler.run('k3m9qa', new Date('2026-05-05T06:00:00Z'));
    expect(requests[1]?.since).toEqual(dueAt);
  });

  it('posts once when two schedulers on the same store race for the slot', async () => {
    const otherConnection = await stores.instance.connect();
    const { duckdbDigestStore } = await import('../../src/schedule/duckdb-digest-store.js');
    const a = testScheduler(stores, { clock, posters: [slack], instanceId: 'socbot-a' });
    const b = testScheduler(
      { ...stores, digests: duckdbDigestStore(otherConnection) },
      { clock, posters: [slack], instanceId: 'socbot-b' },
    );
    const reports = await Promise.all([a.run('k3m9qa', dueAt), b.run('k3m9qa', dueAt), a.run('k3m9qa', dueAt)]);
    expect(reports.filter((r) => r.outcome === 'posted')).toHaveLength(1);
    expect(reports.filter((r) => r.outcome === 'not-claimed')).toHaveLength(2);
    expect(slack.posts).toHaveLength(1);
    otherConnection.closeSync();
  });

  it('retries a failing post a bounded number of times, then records it failed and logs it', async () => {
    const { log, lines } = memoryLog();
    const sleeps: number[] = [];
    slack.failWith = new Error('Slack did not take the digest message in C0SOC');
    const scheduler = testScheduler(stores, { clock, posters: [slack], log, sleeps });
    const report = await scheduler.run('k3m9qa', dueAt);
    expect(report).toMatchObject({
      outcome: 'failed',
      attempts: 3,
      detail: 'Slack did not take the digest message in C0SOC',
    });
    expect(sleeps).toEqual([30_000, 120_000]);
    const [run] = await stores.digests.runs('k3m9qa', 1);
    expect(run).toMatchObject({
      outcome: 'failed',
      attempts: 3,
      detail: 'Slack did not take the digest message in C0SOC',
    });
    const failure = lines.find((line) => line.msg === 'digest failed');
    expect(failure).toMatchObject({
      level: 50,
      subscriptionId: 'k3m9qa',
      correlationId: report.outcome === 'failed' ? report.correlationId : '',
    });
    expect(lines.filter((line) => line.msg === 'digest not posted yet; retrying')).toHaveLength(2);
    const [entry] = await stores.audit.recent(1);
    expect(entry).toMatchObject({ command: 'digest (scheduled k3m9qa)', outcome: 'failed' });
    expect(entry?.detail).toContain('Slack did not take');
  });

  it('does not retry what cannot work: no conversation reference, a channel that is off, an allowlist that changed', async () => {
    const sleeps: number[] = [];
    await stores.digests.add(subscription({ id: 'nref22', conversationId: 'C0GONE' }));
    await stores.digests.add(subscription({ id: 'teams2', channel: 'teams', conversationId: '19:x@thread' }));
    const scheduler = testScheduler(stores, { clock, posters: [slack], sleeps });
    expect(await scheduler.run('nref22', dueAt)).toMatchObject({
      outcome: 'failed',
      attempts: 1,
      detail: 'no conversation reference is stored for this conversation',
    });
    expect(await scheduler.run('teams2', dueAt)).toMatchObject({
      outcome: 'failed',
      detail: 'the teams channel is not configured on this server',
    });
    slack.allowed = false;
    expect(await scheduler.run('k3m9qa', dueAt)).toMatchObject({ outcome: 'failed', attempts: 1 });
    slack.allowed = true;
    slack.failWith = new PermanentPostError('Teams did not take the digest (connector status 403)');
    expect(await scheduler.run('k3m9qa', new Date('2026-05-05T06:00:00Z'))).toMatchObject({ attempts: 1 });
    expect(sleeps).toEqual([]);
    expect(slack.posts).toEqual([]);
  });

  it('on start, posts the latest slot missed while down (within the catch-up period), once', async () => {
    // Down from before 08:00 Paris until 10:30 UTC: the 08:00 digest (06:00 UTC) was missed.
    const late = { now: new Date('2026-05-04T10:30:00Z') };
    await stores.digests.add(subscription({ id: 'hourly', cron: '0 * * * *', timezone: 'UTC' }));
    await stores.digests.add(subscription({ id: 'fresh1', createdAt: new Date('2026-05-04T07:00:00Z') }));
    await stores.digests.add(subscription({ id: 'paused', channel: 'teams', conversationId: '19:x@thread' }));
    const scheduler = testScheduler(stores, { clock: late, posters: [slack], catchUpMs: 6 * 3_600_000 });
    const reports = await scheduler.start();
    try {
      expect(reports.map((r) => r.outcome)).toEqual(['posted', 'posted']);
      const runs = async (id: string) => (await stores.digests.runs(id, 10)).map((r) => r.dueAt.toISOString());
      expect(await runs('k3m9qa')).toEqual(['2026-05-04T06:00:00.000Z']);
      // Hourly: only the latest missed hour, not all of them.
      expect(await runs('hourly')).toEqual(['2026-05-04T10:00:00.000Z']);
      // Subscribed after 08:00: that slot was never its own.
      expect(await runs('fresh1')).toEqual([]);
      expect(scheduler.scheduledIds.sort()).toEqual(['fresh1', 'hourly', 'k3m9qa']);
    } finally {
      await scheduler.stop();
    }
    // A second start (another restart) posts nothing again.
    const again = testScheduler(stores, { clock: late, posters: [slack] });
    expect((await again.start()).map((r) => r.outcome)).toEqual(['not-claimed', 'not-claimed']);
    await again.stop();
    expect(slack.posts).toHaveLength(2);
    // Beyond the catch-up period, nothing.
    const muchLater = testScheduler(stores, {
      clock: { now: new Date('2026-05-04T23:00:00Z') },
      posters: [slack],
      catchUpMs: 3_600_000,
    });
    const reportsLater = await muchLater.start();
    await muchLater.stop();
    expect(reportsLater.map((r) => r.outcome)).toEqual(['posted']); // only the hourly one, at 23:00
  });

  it('runs the node-cron task at the slot, in the subscription’s time zone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      // 07:59:58 in Paris: the 08:00 task fires two seconds later.
      vi.setSystemTime(new Date('2026-05-04T05:59:58Z'));
      const scheduler = testScheduler(stores, {
        clock: { now: new Date('2026-05-04T06:00:00Z') },
        posters: [slack],
        catchUpMs: 0,
      });
      await scheduler.start();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(slack.posts).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(2_000);
      await vi.waitFor(() => expect(slack.posts).toHaveLength(1));
      await scheduler.stop();
      const [run] = await stores.digests.runs('k3m9qa', 1);
      expect(run).toMatchObject({ dueAt, outcome: 'posted' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps its cron tasks in step with the store', async () => {
    // Rows this version cannot run (written by hand, or by an older version) are logged and skipped.
    await stores.digests.add(subscription({ id: 'badcron', cron: 'every full moon' }));
    await stores.digests.add(subscription({ id: 'badzone', timezone: 'Mars/Olympus' }));
    const { log, lines } = memoryLog();
    const scheduler = testScheduler(stores, { clock, posters: [slack], catchUpMs: 0, log });
    expect(await scheduler.start()).toEqual([]);
    expect(scheduler.scheduledIds).toEqual(['k3m9qa']);
    expect(lines.filter((l) => l.msg === 'digest cannot be scheduled').map((l) => l.subscriptionId)).toEqual([
      'badcron',
      'badzone',
    ]);
    await stores.digests.remove('badcron');
    await stores.digests.remove('badzone');
    await stores.digests.add(subscription({ id: 'second' }));
    await scheduler.sync();
    expect(scheduler.scheduledIds.sort()).toEqual(['k3m9qa', 'second']);
    await stores.digests.remove('k3m9qa');
    await scheduler.sync();
    expect(scheduler.scheduledIds).toEqual(['second']);
    await scheduler.stop();
    expect(scheduler.scheduledIds).toEqual([]);
    // A run for a removed subscription does nothing.
    expect(await scheduler.run('k3m9qa', dueAt)).toEqual({ outcome: 'unsubscribed' });
  });
});
