/**
 * `digest subscribe | list | unsubscribe`: subscriptions belong to the Teams or Slack conversation they were typed
 * in, are kept in the store (the scheduler hears each change), and only that conversation can remove one.
 */
import type { DigestCommand } from '../core/command.js';
import { SocbotError } from '../core/errors.js';
import type { Section } from '../core/section.js';
import type { Actor } from '../policy/actor.js';
import { parseDigestSchedule } from './digest-schedule.js';
import type { DigestStore } from './digest-store.js';
import { type DigestSubscription, defaultDigestTop, newSubscriptionId } from './digest-subscription.js';
import { listSection, notHereSection, subscribedSection, unsubscribedSection } from './digest-views.js';
import { canonicalTimeZone } from './zoned-time.js';

/** The digest commands that manage subscriptions (`digest now` is answered by the core itself). */
export type DigestManageCommand = Exclude<DigestCommand, { action: 'now' }>;

/** Who asks, and when. */
export interface DigestCommandRequest {
  actor?: Actor;
  now: Date;
}

export interface DigestCommandsOptions {
  store: DigestStore;
  /** The zone of a subscription typed without `tz` (SOCBOT_DIGEST_TIMEZONE). */
  defaultTimezone: string;
  /** More than this many digests in one conversation is surely a mistake. */
  maxPerConversation?: number;
  newId?: () => string;
}

/** Answers the digest commands that manage subscriptions. */
export interface DigestCommands {
  handle(command: DigestManageCommand, request: DigestCommandRequest): Promise<Section[]>;
}

type ChatActor = Actor & { channel: 'teams' | 'slack' };

function isChat(actor: Actor | undefined): actor is ChatActor {
  return actor?.channel === 'teams' || actor?.channel === 'slack';
}

function timezoneOf(typed: string | undefined, fallback: string): string {
  if (typed === undefined) return fallback;
  const zone = canonicalTimeZone(typed);
  if (!zone) {
    throw new SocbotError('BadInput', `"${typed.slice(0, 60)}" is not a time zone I know.`, {
      hint: 'Use an IANA name like `Europe/Paris`, `America/New_York`, `Asia/Tokyo` or `UTC`.',
    });
  }
  return zone;
}

const sameDigest = (a: DigestSubscription, b: DigestSubscription) =>
  a.cron === b.cron && a.timezone === b.timezone && a.top === b.top && a.minSeverity === b.minSeverity;

/** Builds the handler on a store. */
export function createDigestCommands(options: DigestCommandsOptions): DigestCommands {
  const { store } = options;
  const maxPerConversation = options.maxPerConversation ?? 10;
  const newId = options.newId ?? (() => newSubscriptionId());
  const here = (actor: ChatActor) => ({ channel: actor.channel, conversationId: actor.conversationId });

  async function subscribe(command: Extract<DigestCommand, { action: 'subscribe' }>, request: DigestCommandRequest) {
    const { actor } = request;
    // Checked first, so a bad schedule typed in the local chat is still told what is wrong with it.
    const schedule = parseDigestSchedule(command.schedule);
    const timezone = timezoneOf(command.timezone, options.defaultTimezone);
    if (!isChat(actor)) return [notHereSection()];
    const subscription: DigestSubscription = {
      id: '',
      ...here(actor),
      scheduleText: command.schedule,
      cron: schedule.cron,
      timezone,
      top: command.top ?? defaultDigestTop,
      ...(command.minSeverity ? { minSeverity: command.minSeverity } : {}),
      createdBy: {
        userId: actor.userId,
        ...(actor.userName ? { userName: actor.userName } : {}),
        ...(actor.tenantId ? { tenantId: actor.tenantId } : {}),
        ...(actor.teamId ? { teamId: actor.teamId } : {}),
      },
      createdAt: request.now,
    };
    const existing = await store.list(here(actor));
    const twin = existing.find((other) => sameDigest(other, subscription));
    if (twin) return [subscribedSection(twin, request.now, true)];
    if (existing.length >= maxPerConversation) {
      throw new SocbotError('BadInput', `This conversation already has ${existing.length} digests.`, {
        hint: 'Remove one first: `digest list` shows them with Unsubscribe buttons.',
      });
    }
    // Ids are short, so a collision is possible (if rare): draw again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const candidate = { ...subscription, id: newId() };
      if (await store.add(candidate)) return [subscribedSection(candidate, request.now)];
    }
    throw new Error('no free digest id after 5 tries');
  }

  async function list(request: DigestCommandRequest) {
    const { actor } = request;
    const subscriptions = await store.list(isChat(actor) ? here(actor) : undefined);
    const withRuns = await Promise.all(
      subscriptions.map(async (subscription) => {
        const [lastRun] = await store.runs(subscription.id, 1);
        return lastRun ? { subscription, lastRun } : { subscription };
      }),
    );
    return [listSection(withRuns, request.now, isChat(actor) ? 'conversation' : 'server')];
  }

  async function unsubscribe(id: string, request: DigestCommandRequest) {
    const { actor } = request;
    const subscription = await store.get(id.toLowerCase());
    // One answer for "no such id" and "another conversation's": ids of other conversations are not revealed.
    if (
      !subscription ||
      !isChat(actor) ||
      subscription.channel !== actor.channel ||
      subscription.conversationId !== actor.conversationId
    ) {
      throw new SocbotError('BadInput', `No digest "${id.slice(0, 64)}" posts to this conversation.`, {
        hint: 'Type `digest list` to see the digests here; a digest is removed from the conversation it posts to.',
      });
    }
    await store.remove(subscription.id);
    return [unsubscribedSection(subscription)];
  }

  return {
    async handle(command, request) {
      switch (command.action) {
        case 'subscribe':
          return subscribe(command, request);
        case 'list':
          return list(request);
        case 'unsubscribe':
          return unsubscribe(command.id, request);
      }
    },
  };
}
