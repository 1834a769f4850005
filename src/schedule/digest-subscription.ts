/**
 * A digest subscription: which conversation gets the top alerts, when (cron in a time zone), how many and from which
 * severity up, and who asked for it. Plus the record of one due run. Types and small pure helpers.
 */
import { randomInt } from 'node:crypto';
import type { Actor, ChannelKind } from '../policy/actor.js';

/** One conversation's standing order for digests. */
export interface DigestSubscription {
  /** Short and typeable (`digest unsubscribe k3m9qa`). */
  id: string;
  channel: ChannelKind;
  /** Teams conversation / Slack channel id, as `Actor.conversationId`. */
  conversationId: string;
  /** As the user typed it (`daily 08:00`), for lists. */
  scheduleText: string;
  /** The 5-field cron expression node-cron runs. */
  cron: string;
  /** IANA zone the cron expression is read in. */
  timezone: string;
  /** How many alerts the digest lists. */
  top: number;
  /** Lowest severity included (`medium` = medium and high); none = all. */
  minSeverity?: string;
  /** Who subscribed: digests are audited as them. */
  createdBy: Pick<Actor, 'userId' | 'userName' | 'tenantId' | 'teamId'>;
  createdAt: Date;
}

/** Where a due run stands: claimed by a scheduler, posted, or failed for good (with a reason). */
export type DigestRunOutcome = 'claimed' | 'posted' | 'failed';

/** One due slot of a subscription, claimed once across every scheduler sharing the store. */
export interface DigestRun {
  subscriptionId: string;
  dueAt: Date;
  outcome: DigestRunOutcome;
  attempts: number;
  correlationId: string;
  claimedBy: string;
  claimedAt: Date;
  finishedAt?: Date;
  /** Why it failed (secret-free). */
  detail?: string;
}

/** Default number of alerts in a digest. */
export const defaultDigestTop = 5;

/** Letters and digits that cannot be misread for each other (no 0/o, 1/l/i). */
const idAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new subscription id: 6 characters, about a billion possibilities (collisions are checked by the store). */
export function newSubscriptionId(random: (max: number) => number = randomInt): string {
  let id = '';
  for (let i = 0; i < 6; i++) id += idAlphabet[random(idAlphabet.length)];
  return id;
}

/** The actor a scheduled digest is audited as: its creator, in its conversation. */
export function creatorActor(subscription: DigestSubscription): Actor {
  return {
    channel: subscription.channel,
    conversationId: subscription.conversationId,
    ...subscription.createdBy,
  };
}

/** The subscription's own time (cron at the minute): the key of a due slot. */
export function slotOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}
