/**
 * The digest store in DuckDB: subscriptions survive closing and reopening the file, a due slot is claimed exactly
 * once however many callers race for it (same connection, other connections), a claim whose scheduler died is taken
 * over only once it is stale, and a digest covers what came since the last posted one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { duckdbDigestStore, ensureDigestSchema } from '../../src/schedule/duckdb-digest-store.js';
import { subscription } from './digest-fixtures.js';

const directories: string[] = [];
afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function open(file: string) {
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await ensureDigestSchema(connection);
  return {
    instance,
    connection,
    store: duckdbDigestStore(connection),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const dueAt = new Date('2026-05-04T06:00:00Z');
const claim = (claimedBy: string, at = new Date('2026-05-04T06:00:01Z')) => ({
  subscriptionId: 'k3m9qa',
  dueAt,
  correlationId: `corr-${claimedBy}`,
  claimedBy,
  at,
  staleBefore: new Date(at.getTime() - 15 * 60_000),
});

describe('duckdbDigestStore', () => {
  it('keeps subscriptions across a restart (closed and reopened file)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'socbot-digests-'));
    directories.push(dir);
    const file = path.join(dir, 'workspace.duckdb');
    const first = await open(file);
    expect(await first.store.add(subscription())).toBe(true);
    expect(
      await first.store.add(subscription({ id: 'p7x2nd', channel: 'teams', conversationId: '19:soc@thread' })),
    ).toBe(true);
    // The same id again is refused, not overwritten.
    expect(await first.store.add(subscription({ top: 9 }))).toBe(false);
    first.close();

    const second = await open(file);
    try {
      expect(await second.store.get('k3m9qa')).toEqual(subscription());
      expect((await second.store.list()).map((s) => s.id)).toEqual(['k3m9qa', 'p7x2nd']);
      expect(await second.store.list({ channel: 'teams', conversationId: '19:soc@thread' })).toEqual([
        subscription({ id: 'p7x2nd', channel: 'teams', conversationId: '19:soc@thread' }),
      ]);
      const withoutSeverity = subscription({ id: 'z9z9z9', createdBy: { userId: 'U1' } });
      delete withoutSeverity.minSeverity;
      await second.store.add(withoutSeverity);
      expect(await second.store.get('z9z9z9')).toEqual(withoutSeverity);
    } finally {
      second.close();
    }
  });

  it('lets exactly one of many racing callers claim a due slot', async () => {
    const db = await open(':memory:');
    try {
      await db.store.add(subscription());
      // Two more connections: as two schedulers would have.
      const others = await Promise.all([db.instance.connect(), db.instance.connect()]);
      const stores = [db.store, ...others.map((c) => duckdbDigestStore(c))];
      const results = await Promise.all(
        stores.flatMap((store, i) => [store.claimRun(claim(`s${i}a`)), store.claimRun(claim(`s${i}b`))]),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const [run] = await db.store.runs('k3m9qa', 5);
      expect(run).toMatchObject({ outcome: 'claimed', attempts: 0, dueAt });
      // A later tick of the same slot loses too.
      expect(await db.store.claimRun(claim('late'))).toBe(false);
      for (const c of others) c.closeSync();
    } finally {
      db.close();
    }
  });

  it('takes over a claim left unfinished only once it is stale, and never a finished one', async () => {
    const db = await open(':memory:');
    try {
      await db.store.add(subscription());
      expect(await db.store.claimRun(claim('crashed', new Date('2026-05-04T06:00:01Z')))).toBe(true);
      // Five minutes later the claim may still be running.
      expect(await db.store.claimRun(claim('fresh', new Date('2026-05-04T06:05:00Z')))).toBe(false);
      // An hour later its scheduler is surely gone.
      expect(await db.store.claimRun(claim('restarted', new Date('2026-05-04T07:00:00Z')))).toBe(true);
      expect((await db.store.runs('k3m9qa', 1))[0]).toMatchObject({ claimedBy: 'restarted', outcome: 'claimed' });
      await db.store.finishRun({
        subscriptionId: 'k3m9qa',
        dueAt,
        outcome: 'posted',
        attempts: 1,
        finishedAt: new Date('2026-05-04T07:00:02Z'),
      });
      expect(await db.store.claimRun(claim('much-later', new Date('2026-05-05T07:00:00Z')))).toBe(false);
      expect((await db.store.runs('k3m9qa', 1))[0]).toMatchObject({ outcome: 'posted', attempts: 1 });
    } finally {
      db.close();
    }
  });

  it('remembers the last posted digest, and forgets a subscription with its runs', async () => {
    const db = await open(':memory:');
    try {
      await db.store.add(subscription());
      const changes: string[] = [];
      db.store.onChange(() => changes.push('changed'));
      const finish = async (due: Date, outcome: 'posted' | 'failed') => {
        await db.store.claimRun({ ...claim('s'), dueAt: due });
        await db.store.finishRun({
          subscriptionId: 'k3m9qa',
          dueAt: due,
          outcome,
          attempts: outcome === 'failed' ? 3 : 1,
          finishedAt: due,
          ...(outcome === 'failed' ? { detail: 'connector status 500' } : {}),
        });
      };
      await finish(new Date('2026-05-02T06:00:00Z'), 'posted');
      await finish(new Date('2026-05-03T06:00:00Z'), 'failed');
      // A failed digest is not "the last digest": the next one covers its alerts too.
      expect(await db.store.lastPosted('k3m9qa', dueAt)).toEqual(new Date('2026-05-02T06:00:00Z'));
      expect(await db.store.lastPosted('k3m9qa', new Date('2026-05-02T06:00:00Z'))).toBeUndefined();
      expect((await db.store.runs('k3m9qa', 1))[0]).toMatchObject({
        outcome: 'failed',
        detail: 'connector status 500',
      });

      expect(await db.store.remove('k3m9qa')).toBe(true);
      expect(await db.store.remove('k3m9qa')).toBe(false);
      expect(await db.store.get('k3m9qa')).toBeUndefined();
      expect(await db.store.runs('k3m9qa', 10)).toEqual([]);
      expect(changes).toEqual(['changed']);
    } finally {
      db.close();
    }
  });
});
