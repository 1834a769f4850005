/**
 * The digest scheduler: one node-cron task per subscription (in the subscription's time zone), kept in step with the
 * store, and on start the catch-up of a slot missed while socbot was down. Every run goes through `runDigest`, whose
 * claim in the runs table makes it happen once.
 *
 * Not node-cron's `distributed` option: its run coordinator sees only an opaque key, and socbot's claim must also
 * cover the catch-up and manual runs that never pass through node-cron, and record how the run ended.
 */
import { hostname } from 'node:os';
import { type Logger as CronLogger, createTask, type ScheduledTask, type TaskContext } from 'node-cron';
import type { Logger } from '../logger.js';
import { runsBetween } from './cron-times.js';
import { parseDigestSchedule } from './digest-schedule.js';
import type { DigestSubscription } from './digest-subscription.js';
import { type DigestRunReport, type PostRetry, type RunDigestDeps, runDigest } from './run-digest.js';

export interface DigestSchedulerOptions extends Omit<RunDigestDeps, 'now' | 'instanceId' | 'retry' | 'staleClaimMs'> {
  now?: () => Date;
  /** How far back a slot missed while socbot was down is still posted on start (default 6 h; 0 = never). */
  catchUpMs?: number;
  retry?: Partial<PostRetry>;
  staleClaimMs?: number;
  /** How often the store is re-read for subscriptions added or removed by another process (default 5 min). */
  resyncMs?: number;
  instanceId?: string;
}

const defaultRetry: PostRetry = {
  attempts: 3,
  delaysMs: [30_000, 120_000],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A tick late by up to this still runs (node-cron's default is 1 s, and a chart being drawn can hold the event loop
 * longer); digests are at least 15 minutes apart, so a late tick can never be confused with the next one.
 */
const lateTickToleranceMs = 10 * 60_000;

interface ScheduledDigest {
  task: ScheduledTask;
  /** What the task was built from; a change rebuilds it. */
  key: string;
}

function cronLogger(log: Logger): CronLogger {
  return {
    info: (message) => log.debug({ source: 'node-cron' }, message),
    warn: (message) => log.warn({ source: 'node-cron' }, message),
    error: (message, err) => log.error({ source: 'node-cron', err: err ?? message }, 'node-cron error'),
    debug: (message) => log.trace({ source: 'node-cron' }, String(message)),
  };
}

/** Runs digests on their schedules. `start()` after the channels are mounted; `stop()` on shutdown. */
export class DigestScheduler {
  private readonly deps: RunDigestDeps;
  private readonly scheduled = new Map<string, ScheduledDigest>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly paused = new Set<string>();
  private unlisten: (() => void) | undefined;
  private resync: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private started = false;

  constructor(private readonly options: DigestSchedulerOptions) {
    this.deps = {
      ...options,
      now: options.now ?? (() => new Date()),
      instanceId: options.instanceId ?? `${hostname()}#${process.pid}`,
      retry: { ...defaultRetry, ...options.retry },
      staleClaimMs: options.staleClaimMs ?? 15 * 60_000,
    };
  }

  /** Schedules every subscription, then posts the slots missed while socbot was down; resolves with those runs. */
  async start(): Promise<DigestRunReport[]> {
    this.started = true;
    this.unlisten = this.deps.store.onChange(() => void this.sync());
    await this.sync();
    this.resync = setInterval(() => void this.sync(), this.options.resyncMs ?? 5 * 60_000);
    this.resync.unref();
    return this.catchUp();
  }

  /** Stops every task and waits for the runs in flight. */
  async stop(): Promise<void> {
    this.started = false;
    this.unlisten?.();
    clearInterval(this.resync);
    await this.syncing;
    for (const { task } of this.scheduled.values()) await task.destroy();
    this.scheduled.clear();
    await this.idle();
  }

  /** Runs one due slot now (node-cron's tick, the catch-up, and tests with their own clock call this). */
  run(subscriptionId: string, dueAt: Date): Promise<DigestRunReport> {
    const job = runDigest(subscriptionId, dueAt, this.deps).catch((error: unknown) => {
      this.deps.log.error({ err: error, subscriptionId, dueAt }, 'digest run failed before it could be recorded');
      const detail = error instanceof Error ? error.message : String(error);
      return { outcome: 'error', detail } as const;
    });
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
    return job;
  }

  /** Posts, once, the latest slot of each subscription missed within the catch-up period. */
  async catchUp(): Promise<DigestRunReport[]> {
    const catchUpMs = this.options.catchUpMs ?? 6 * 3_600_000;
    if (catchUpMs <= 0) return [];
    const now = this.deps.now();
    const runs: Promise<DigestRunReport>[] = [];
    for (const subscription of await this.activeSubscriptions()) {
      // Never a slot from before the subscription existed.
      const from = new Date(Math.max(now.getTime() - catchUpMs, subscription.createdAt.getTime()));
      const missed = this.unlessBroken(subscription, () => {
        const fields = parseDigestSchedule(subscription.cron).fields;
        return runsBetween(fields, subscription.timezone, from, now).at(-1);
      });
      if (missed) runs.push(this.run(subscription.id, missed));
    }
    return Promise.all(runs);
  }

  /** Resolves when no digest run is in flight. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Subscriptions with a scheduled task (tests and health). */
  get scheduledIds(): string[] {
    return [...this.scheduled.keys()];
  }

  /** Brings the cron tasks in line with the store (one sync at a time). */
  sync(): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.syncNow())
      .catch((error: unknown) => {
        this.deps.log.error({ err: error }, 'digest subscriptions could not be read');
      });
    return this.syncing;
  }

  private async activeSubscriptions(): Promise<DigestSubscription[]> {
    const channels = new Set(this.deps.posters.map((poster) => poster.channel));
    const all = await this.deps.store.list();
    for (const subscription of all) {
      if (!channels.has(subscription.channel) && !this.paused.has(subscription.id)) {
        this.paused.add(subscription.id);
        this.deps.log.warn(
          { subscriptionId: subscription.id, channel: subscription.channel },
          'digest paused: its channel is not configured on this server',
        );
      }
    }
    return all.filter((subscription) => channels.has(subscription.channel));
  }

  private async syncNow(): Promise<void> {
    if (!this.started) return;
    const wanted = new Map((await this.activeSubscriptions()).map((s) => [s.id, s]));
    for (const [id, entry] of this.scheduled) {
      const subscription = wanted.get(id);
      if (!subscription || keyOf(subscription) !== entry.key) {
        await entry.task.destroy();
        this.scheduled.delete(id);
      }
    }
    for (const subscription of wanted.values()) {
      if (!this.scheduled.has(subscription.id)) this.unlessBroken(subscription, () => this.schedule(subscription));
    }
  }

  /**
   * Runs `work` for one subscription; a subscription the store holds but this version cannot run (a schedule or zone
   * it no longer accepts) is logged and skipped, and never stops the others.
   */
  private unlessBroken<T>(subscription: DigestSubscription, work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      this.deps.log.error(
        { err: error, subscriptionId: subscription.id, cron: subscription.cron, timezone: subscription.timezone },
        'digest cannot be scheduled',
      );
      return undefined;
    }
  }

  private schedule(subscription: DigestSubscription): void {
    const tick = (context: TaskContext) => this.run(subscription.id, context.date);
    const task = createTask(subscription.cron, tick, {
      timezone: subscription.timezone,
      name: `socbot-digest-${subscription.id}`,
      missedExecutionTolerance: lateTickToleranceMs,
      logger: cronLogger(this.deps.log),
      // The HTTP server keeps the process alive; a forgotten scheduler must not.
      unref: true,
    });
    // A tick later still (the machine slept): run it anyway; the claim keeps it to once.
    task.on('execution:missed', (context) => void tick(context));
    void task.start();
    this.scheduled.set(subscription.id, { task, key: keyOf(subscription) });
  }
}

function keyOf(subscription: DigestSubscription): string {
  return `${subscription.cron}|${subscription.timezone}`;
}
