/**
 * One due digest, start to finish: claim the slot (only the winner goes on), build the digest of what came since the
 * last one, post it through the conversation's channel, record the outcome, audit it. A failed post is retried a
 * bounded number of times, then recorded `failed` with its reason and logged with the run's correlation id — never
 * dropped silently.
 */
import { randomUUID } from 'node:crypto';
import type { Section } from '../core/section.js';
import type { Logger } from '../logger.js';
import type { AuditLog } from '../policy/audit.js';
import type { ConversationStore } from '../store/conversation-store.js';
import { type DigestPoster, PermanentPostError } from './digest-poster.js';
import type { DigestStore } from './digest-store.js';
import { creatorActor, type DigestSubscription, slotOf } from './digest-subscription.js';
import { whenWords } from './digest-views.js';

/** What a digest covers and how it is titled. */
export interface DigestRequest {
  since: Date;
  until: Date;
  top: number;
  minSeverity?: string;
  /** One line naming the digest (`Scheduled digest k3m9qa · every day at 08:00 (Europe/Paris)`). */
  heading: string;
}

/** Builds a digest's Sections from the data (the `alerts` answer, condensed); injected by the composition root. */
export type DigestComposer = (request: DigestRequest, correlationId: string) => Promise<Section[]>;

/** How often a post is tried, and the waits between tries (the channels already retry throttling on their own). */
export interface PostRetry {
  attempts: number;
  delaysMs: readonly number[];
  sleep: (ms: number) => Promise<void>;
}

export interface RunDigestDeps {
  store: DigestStore;
  conversations: ConversationStore;
  posters: readonly DigestPoster[];
  compose: DigestComposer;
  /** Draws charts (the channels' own image step). */
  attachImages: (sections: Section[]) => Promise<Section[]>;
  audit: AuditLog;
  log: Logger;
  now: () => Date;
  /** This scheduler's name in the runs table. */
  instanceId: string;
  retry: PostRetry;
  /** A claim older than this whose run never finished is taken over. */
  staleClaimMs: number;
}

export type DigestRunReport =
  | { outcome: 'not-claimed' | 'unsubscribed' }
  /** The run broke before its outcome was recorded (the store failed); the next start's catch-up retakes its claim. */
  | { outcome: 'error'; detail: string }
  | { outcome: 'posted' | 'failed'; correlationId: string; attempts: number; detail?: string };

const dayMs = 86_400_000;
/** A digest never reaches further back than this, however long socbot was away. */
const maxDigestSpanMs = 7 * dayMs;

/** What this slot's digest covers: since the last posted digest (else the last 24 h), at most a week back. */
async function requestOf(subscription: DigestSubscription, dueAt: Date, store: DigestStore): Promise<DigestRequest> {
  const last = await store.lastPosted(subscription.id, dueAt);
  const since = Math.max(last?.getTime() ?? dueAt.getTime() - dayMs, dueAt.getTime() - maxDigestSpanMs);
  return {
    since: new Date(since),
    until: dueAt,
    top: subscription.top,
    heading: `Scheduled digest ${subscription.id} · ${whenWords(subscription)}`,
    ...(subscription.minSeverity ? { minSeverity: subscription.minSeverity } : {}),
  };
}

async function postOnce(
  subscription: DigestSubscription,
  sections: Section[],
  correlationId: string,
  deps: RunDigestDeps,
) {
  const poster = deps.posters.find((p) => p.channel === subscription.channel);
  if (!poster) throw new PermanentPostError(`the ${subscription.channel} channel is not configured on this server`);
  if (!poster.allows(creatorActor(subscription))) {
    throw new PermanentPostError('the channel allowlists no longer allow socbot in this conversation');
  }
  const conversation = await deps.conversations.get(subscription.channel, subscription.conversationId);
  if (!conversation) throw new PermanentPostError('no conversation reference is stored for this conversation');
  await poster.post(conversation, sections, correlationId);
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/** Builds and posts, retrying within bounds; the number of tries made and the last failure, if it never worked. */
async function postWithRetries(
  subscription: DigestSubscription,
  dueAt: Date,
  correlationId: string,
  deps: RunDigestDeps,
) {
  let sections: Section[] | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      // Built once: a retry posts the same digest again.
      sections ??= await deps.attachImages(
        await deps.compose(await requestOf(subscription, dueAt, deps.store), correlationId),
      );
      await postOnce(subscription, sections, correlationId, deps);
      return { attempts: attempt };
    } catch (error) {
      const final = error instanceof PermanentPostError || attempt >= deps.retry.attempts;
      deps.log.warn(
        { correlationId, subscriptionId: subscription.id, dueAt, attempt, final, err: error },
        final ? 'digest could not be posted' : 'digest not posted yet; retrying',
      );
      if (final) return { attempts: attempt, failure: reasonOf(error) };
      await deps.retry.sleep(deps.retry.delaysMs[attempt - 1] ?? deps.retry.delaysMs.at(-1) ?? 0);
    }
  }
}

/** Runs the slot `dueAt` of subscription `subscriptionId` (at most once across every scheduler on the store). */
export async function runDigest(subscriptionId: string, due: Date, deps: RunDigestDeps): Promise<DigestRunReport> {
  const started = performance.now();
  const dueAt = slotOf(due);
  const subscription = await deps.store.get(subscriptionId);
  if (!subscription) return { outcome: 'unsubscribed' };
  const correlationId = randomUUID();
  const now = deps.now();
  const claimed = await deps.store.claimRun({
    subscriptionId,
    dueAt,
    correlationId,
    claimedBy: deps.instanceId,
    at: now,
    staleBefore: new Date(now.getTime() - deps.staleClaimMs),
  });
  if (!claimed) {
    deps.log.debug({ subscriptionId, dueAt }, 'digest slot already claimed elsewhere');
    return { outcome: 'not-claimed' };
  }
  deps.log.info({ correlationId, subscriptionId, dueAt }, 'digest due');
  const result = await postWithRetries(subscription, dueAt, correlationId, deps);
  const outcome = result.failure === undefined ? 'posted' : 'failed';
  const detail = result.failure;
  await deps.store.finishRun({
    subscriptionId,
    dueAt,
    outcome,
    attempts: result.attempts,
    finishedAt: deps.now(),
    ...(detail ? { detail } : {}),
  });
  if (detail)
    deps.log.error(
      { correlationId, subscriptionId, dueAt, attempts: result.attempts, reason: detail },
      'digest failed',
    );
  await deps.audit
    .append({
      correlationId,
      at: deps.now(),
      actor: creatorActor(subscription),
      command: `digest (scheduled ${subscription.id})`,
      outcome: outcome === 'posted' ? 'answered' : 'failed',
      durationMs: performance.now() - started,
      ...(detail ? { detail: `digest: ${detail}`.slice(0, 200) } : {}),
    })
    .catch((error: unknown) => deps.log.error({ err: error, correlationId }, 'audit entry could not be written'));
  return { outcome, correlationId, attempts: result.attempts, ...(detail ? { detail } : {}) };
}
