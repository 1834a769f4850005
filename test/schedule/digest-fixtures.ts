/**
 * Shared digest test fixtures: a subscription, an in-memory store with socbot's tables, a recording poster, a log
 * kept in memory, and a scheduler wired to them with a clock the test sets.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { pino } from 'pino';
import { type Section, section } from '../../src/core/section.js';
import type { Actor, ChannelKind } from '../../src/policy/actor.js';
import type { DigestPoster } from '../../src/schedule/digest-poster.js';
import { DigestScheduler, type DigestSchedulerOptions } from '../../src/schedule/digest-scheduler.js';
import type { DigestSubscription } from '../../src/schedule/digest-subscription.js';
import { duckdbDigestStore, ensureDigestSchema } from '../../src/schedule/duckdb-digest-store.js';
import type { DigestRequest } from '../../src/schedule/run-digest.js';
import type { StoredConversation } from '../../src/store/conversation-store.js';
import { duckdbAuditLog, duckdbConversationStore, ensureStoreSchema } from '../../src/store/duckdb-store.js';

/** A Slack subscription: daily 08:00 Paris time, top 5 from medium up. */
export function subscription(overrides: Partial<DigestSubscription> = {}): DigestSubscription {
  return {
    id: 'k3m9qa',
    channel: 'slack',
    conversationId: 'C0SOC',
    scheduleText: 'daily 08:00',
    cron: '0 8 * * *',
    timezone: 'Europe/Paris',
    top: 5,
    minSeverity: 'medium',
    createdBy: { userId: 'U0ANALYST', userName: 'ann', tenantId: 'T0TEST' },
    createdAt: new Date('2026-05-01T09:00:00Z'),
    ...overrides,
  };
}

/** A poster that records what it posts, or fails as told. */
export class RecordingPoster implements DigestPoster {
  readonly posts: { conversation: StoredConversation; sections: Section[]; correlationId: string }[] = [];
  failWith: Error | undefined;
  allowed = true;
  constructor(readonly channel: ChannelKind) {}
  allows(_actor: Actor): boolean {
    return this.allowed;
  }
  async post(conversation: StoredConversation, sections: Section[], correlationId: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.posts.push({ conversation, sections, correlationId });
  }
}

/** socbot's own tables in an in-memory DuckDB, with the stores on them. */
export async function memoryStores() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await ensureStoreSchema(connection);
  await ensureDigestSchema(connection);
  return {
    instance,
    connection,
    digests: duckdbDigestStore(connection),
    conversations: duckdbConversationStore(connection),
    audit: duckdbAuditLog(connection),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A logger whose JSON lines are kept for assertions. */
export function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'trace' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { log, lines };
}

/** A digest composer that says what it was asked for. */
export function echoComposer(requests: DigestRequest[] = []) {
  return async (request: DigestRequest): Promise<Section[]> => {
    requests.push(request);
    return [section({ id: 'digest', title: `Digest since ${request.since.toISOString()}`, subtitle: request.heading })];
  };
}

/** A scheduler on `stores` with a settable clock and instant retries (their waits are recorded). */
export function testScheduler(
  stores: Awaited<ReturnType<typeof memoryStores>>,
  options: Partial<DigestSchedulerOptions> & { clock: { now: Date }; sleeps?: number[] },
) {
  const { clock, sleeps = [], ...rest } = options;
  return new DigestScheduler({
    store: stores.digests,
    conversations: stores.conversations,
    posters: [],
    compose: echoComposer(),
    attachImages: async (sections) => sections,
    audit: stores.audit,
    log: memoryLog().log,
    now: () => clock.now,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    ...rest,
  });
}
