/**
 * Where digest subscriptions and their due runs are kept. Subscriptions survive restarts; a due slot is claimed by
 * exactly one scheduler (an insert that only one can win), so a digest is posted once even when two schedulers —
 * or two ticks — reach the same slot.
 */
import type { ChannelKind } from '../policy/actor.js';
import type { DigestRun, DigestSubscription } from './digest-subscription.js';

/** A scheduler's claim on one due slot. */
export interface RunClaim {
  subscriptionId: string;
  dueAt: Date;
  correlationId: string;
  /** Which scheduler (process) claims it. */
  claimedBy: string;
  at: Date;
  /** A claim still `claimed` from before this time is taken over (its scheduler died mid-run). */
  staleBefore: Date;
}

/** How a claimed run ended. */
export interface RunResult {
  subscriptionId: string;
  dueAt: Date;
  outcome: 'posted' | 'failed';
  attempts: number;
  finishedAt: Date;
  detail?: string;
}

export interface DigestStore {
  /** Adds a subscription; `false` when its id is taken (pick another). */
  add(subscription: DigestSubscription): Promise<boolean>;
  get(id: string): Promise<DigestSubscription | undefined>;
  /** All subscriptions, or one conversation's; oldest first. */
  list(where?: { channel: ChannelKind; conversationId: string }): Promise<DigestSubscription[]>;
  /** Removes a subscription and its run history; `false` when there was none. */
  remove(id: string): Promise<boolean>;
  /** True when this caller won the slot (and must post it); false when another has it. */
  claimRun(claim: RunClaim): Promise<boolean>;
  finishRun(result: RunResult): Promise<void>;
  /** The due time of the latest posted run before `before`, if any (a digest covers what came since). */
  lastPosted(subscriptionId: string, before: Date): Promise<Date | undefined>;
  /** The latest runs of a subscription, newest first. */
  runs(subscriptionId: string, limit: number): Promise<DigestRun[]>;
  /** Hears every add and remove made through this store (the scheduler re-syncs its cron tasks). */
  onChange(listener: () => void): () => void;
}
