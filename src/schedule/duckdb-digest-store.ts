/**
 * Digest subscriptions and due runs in the embedded DuckDB file, beside the audit log and conversation references.
 * A run's slot is unique on (subscription_id, due_at): claiming is an insert that only one caller can win, whether
 * the other caller is a second tick, a second connection or (on a shared database) a second process.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChannelKind } from '../policy/actor.js';
import type { DigestStore } from './digest-store.js';
import type { DigestRun, DigestRunOutcome, DigestSubscription } from './digest-subscription.js';

/** Creates the digest tables when absent (called beside `ensureStoreSchema`). */
export async function ensureDigestSchema(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE TABLE IF NOT EXISTS socbot_digest_subscriptions (
    id VARCHAR PRIMARY KEY, channel VARCHAR NOT NULL, conversation_id VARCHAR NOT NULL, schedule_text VARCHAR,
    cron VARCHAR NOT NULL, timezone VARCHAR NOT NULL, top_n INTEGER NOT NULL, min_severity VARCHAR,
    created_by_id VARCHAR, created_by_name VARCHAR, tenant_id VARCHAR, team_id VARCHAR, created_at TIMESTAMP)`);
  await connection.run(`CREATE TABLE IF NOT EXISTS socbot_digest_runs (
    subscription_id VARCHAR NOT NULL, due_at TIMESTAMP NOT NULL, outcome VARCHAR NOT NULL, attempts INTEGER,
    correlation_id VARCHAR, claimed_by VARCHAR, claimed_at TIMESTAMP, finished_at TIMESTAMP, detail VARCHAR,
    UNIQUE (subscription_id, due_at))`);
}

type Row = Record<string, unknown>;

/** A UTC instant as DuckDB's TIMESTAMP text (DuckDB stores TIMESTAMP without a zone; socbot's are UTC). */
function sqlTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

const optional = (value: unknown) => (value === null || value === undefined ? undefined : String(value));

function toSubscription(row: Row): DigestSubscription {
  const userName = optional(row.created_by_name);
  const tenantId = optional(row.tenant_id);
  const teamId = optional(row.team_id);
  const minSeverity = optional(row.min_severity);
  return {
    id: String(row.id),
    channel: row.channel as ChannelKind,
    conversationId: String(row.conversation_id),
    scheduleText: String(row.schedule_text ?? row.cron),
    cron: String(row.cron),
    timezone: String(row.timezone),
    top: Number(row.top_n),
    ...(minSeverity ? { minSeverity } : {}),
    createdBy: {
      userId: String(row.created_by_id ?? ''),
      ...(userName ? { userName } : {}),
      ...(tenantId ? { tenantId } : {}),
      ...(teamId ? { teamId } : {}),
    },
    createdAt: row.created_at as Date,
  };
}

function toRun(row: Row): DigestRun {
  const detail = optional(row.detail);
  return {
    subscriptionId: String(row.subscription_id),
    dueAt: row.due_at as Date,
    outcome: row.outcome as DigestRunOutcome,
    attempts: Number(row.attempts ?? 0),
    correlationId: String(row.correlation_id ?? ''),
    claimedBy: String(row.claimed_by ?? ''),
    claimedAt: row.claimed_at as Date,
    ...(row.finished_at ? { finishedAt: row.finished_at as Date } : {}),
    ...(detail ? { detail } : {}),
  };
}

/** A write that lost a race to another connection's write of the same key: the other one won the slot. */
function lostRace(error: unknown): boolean {
  return error instanceof Error && /duplicate key|conflict/i.test(error.message);
}

/** The digest store on `connection`. */
export function duckdbDigestStore(connection: DuckDBConnection): DigestStore {
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const rows = async (sql: string, values: Record<string, string | number | null>): Promise<Row[]> =>
    (await connection.runAndReadAll(sql, values)).getRowObjectsJS() as Row[];

  return {
    async add(s) {
      const inserted = await rows(
        `INSERT INTO socbot_digest_subscriptions VALUES ($id, $channel, $conversationId, $scheduleText, $cron, $timezone,
          $top, $minSeverity, $userId, $userName, $tenantId, $teamId, CAST($createdAt AS TIMESTAMP))
         ON CONFLICT DO NOTHING RETURNING id`,
        {
          id: s.id,
          channel: s.channel,
          conversationId: s.conversationId,
          scheduleText: s.scheduleText,
          cron: s.cron,
          timezone: s.timezone,
          top: s.top,
          minSeverity: s.minSeverity ?? null,
          userId: s.createdBy.userId,
          userName: s.createdBy.userName ?? null,
          tenantId: s.createdBy.tenantId ?? null,
          teamId: s.createdBy.teamId ?? null,
          createdAt: sqlTime(s.createdAt),
        },
      );
      if (inserted.length > 0) changed();
      return inserted.length > 0;
    },
    async get(id) {
      const [row] = await rows('SELECT * FROM socbot_digest_subscriptions WHERE id = $id', { id });
      return row ? toSubscription(row) : undefined;
    },
    async list(where) {
      const found = await rows(
        `SELECT * FROM socbot_digest_subscriptions
         WHERE CAST($channel AS VARCHAR) IS NULL OR (channel = $channel AND conversation_id = $conversationId)
         ORDER BY created_at, id`,
        { channel: where?.channel ?? null, conversationId: where?.conversationId ?? null },
      );
      return found.map(toSubscription);
    },
    async remove(id) {
      const removed = await rows('DELETE FROM socbot_digest_subscriptions WHERE id = $id RETURNING id', { id });
      await connection.run('DELETE FROM socbot_digest_runs WHERE subscription_id = $id', { id });
      if (removed.length > 0) changed();
      return removed.length > 0;
    },
    async claimRun(claim) {
      const values = {
        id: claim.subscriptionId,
        due: sqlTime(claim.dueAt),
        correlationId: claim.correlationId,
        claimedBy: claim.claimedBy,
        at: sqlTime(claim.at),
      };
      try {
        const inserted = await rows(
          `INSERT INTO socbot_digest_runs (subscription_id, due_at, outcome, attempts, correlation_id, claimed_by, claimed_at)
           VALUES ($id, CAST($due AS TIMESTAMP), 'claimed', 0, $correlationId, $claimedBy, CAST($at AS TIMESTAMP))
           ON CONFLICT DO NOTHING RETURNING subscription_id`,
          values,
        );
        if (inserted.length > 0) return true;
        // Taken: only a claim whose scheduler died before finishing (still `claimed`, and old) may be taken over.
        const taken = await rows(
          `UPDATE socbot_digest_runs SET correlation_id = $correlationId, claimed_by = $claimedBy,
             claimed_at = CAST($at AS TIMESTAMP)
           WHERE subscription_id = $id AND due_at = CAST($due AS TIMESTAMP) AND outcome = 'claimed'
             AND claimed_at < CAST($staleBefore AS TIMESTAMP)
           RETURNING subscription_id`,
          { ...values, staleBefore: sqlTime(claim.staleBefore) },
        );
        return taken.length > 0;
      } catch (error) {
        if (lostRace(error)) return false;
        throw error;
      }
    },
    async finishRun(result) {
      await connection.run(
        `UPDATE socbot_digest_runs SET outcome = $outcome, attempts = $attempts,
           finished_at = CAST($finishedAt AS TIMESTAMP), detail = $detail
         WHERE subscription_id = $id AND due_at = CAST($due AS TIMESTAMP)`,
        {
          id: result.subscriptionId,
          due: sqlTime(result.dueAt),
          outcome: result.outcome,
          attempts: result.attempts,
          finishedAt: sqlTime(result.finishedAt),
          detail: result.detail?.slice(0, 500) ?? null,
        },
      );
    },
    async lastPosted(subscriptionId, before) {
      const [row] = await rows(
        `SELECT max(due_at) AS due_at FROM socbot_digest_runs
         WHERE subscription_id = $id AND outcome = 'posted' AND due_at < CAST($before AS TIMESTAMP)`,
        { id: subscriptionId, before: sqlTime(before) },
      );
      return row?.due_at ? (row.due_at as Date) : undefined;
    },
    async runs(subscriptionId, limit) {
      const found = await rows(
        'SELECT * FROM socbot_digest_runs WHERE subscription_id = $id ORDER BY due_at DESC LIMIT $limit',
        { id: subscriptionId, limit: Math.max(1, Math.min(limit, 1000)) },
      );
      return found.map(toRun);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
