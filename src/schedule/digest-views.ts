/**
 * The answers of `digest subscribe | list | unsubscribe` as Sections: what was subscribed and when it runs next,
 * this conversation's digests with their Unsubscribe buttons, and where digests can be subscribed at all. Pure.
 */

import { type NextAction, type Section, section } from '../core/section.js';
import { formatTime } from '../core/time-window.js';
import { nextRuns } from './cron-times.js';
import { parseDigestSchedule } from './digest-schedule.js';
import type { DigestRun, DigestSubscription } from './digest-subscription.js';
import { formatInZone } from './zoned-time.js';

/** The example every "how do I subscribe" answer shows. */
export const subscribeExample = 'digest subscribe "daily 08:00" tz Europe/Paris top 5 severity medium';

/** `every day at 08:00 (Europe/Paris)`. */
export function whenWords(subscription: DigestSubscription): string {
  let words = `cron \`${subscription.cron}\``;
  try {
    words = parseDigestSchedule(subscription.cron).words;
  } catch {
    // Stored by an older version with other rules: the cron text still says when.
  }
  return `${words} (${subscription.timezone})`;
}

/** `top 5 · severity ≥ medium` / `top 5 · every severity`. */
export function contentWords(subscription: Pick<DigestSubscription, 'top' | 'minSeverity'>): string {
  return `top ${subscription.top} · ${subscription.minSeverity ? `severity ≥ ${subscription.minSeverity}` : 'every severity'}`;
}

/** The next `count` run times, each in the subscription's zone (none for a schedule this version cannot run). */
export function nextRunTimes(subscription: DigestSubscription, now: Date, count: number): string[] {
  try {
    const fields = parseDigestSchedule(subscription.cron).fields;
    return nextRuns(fields, subscription.timezone, now, count).map((at) => formatInZone(at, subscription.timezone));
  } catch {
    return [];
  }
}

const unsubscribeAction = (id: string): NextAction => ({
  label: `Unsubscribe ${id}`,
  command: `digest unsubscribe ${id}`,
});
const nowAction: NextAction = { label: 'Digest now', command: 'digest now' };
const listAction: NextAction = { label: 'Digests here', command: 'digest list' };

/** The answer to a new subscription: its id, when it runs, and the next three runs. */
export function subscribedSection(subscription: DigestSubscription, now: Date, existing = false): Section {
  const next = nextRunTimes(subscription, now, 3);
  return section({
    id: 'digest-subscribed',
    title: existing ? `Already subscribed: digest ${subscription.id}` : `Digest ${subscription.id} subscribed`,
    subtitle: `${whenWords(subscription)} · ${contentWords(subscription)}`,
    tone: 'good',
    blocks: [
      {
        kind: 'facts',
        facts: [
          { label: 'Id', value: subscription.id },
          { label: 'When', value: whenWords(subscription) },
          { label: 'Alerts', value: `${contentWords(subscription)}, since the previous digest` },
          { label: 'Next runs', value: next.length > 0 ? next.join('\n') : 'never in the next five years' },
        ],
      },
      {
        kind: 'text',
        markdown: `Remove it with \`digest unsubscribe ${subscription.id}\`; see all digests here with \`digest list\`.`,
      },
    ],
    actions: [nowAction, listAction, unsubscribeAction(subscription.id)],
  });
}

function lastRunWords(run: DigestRun | undefined): string {
  if (!run) return 'not yet';
  const at = formatTime(run.dueAt);
  if (run.outcome === 'failed') return `${at} failed: ${run.detail ?? 'unknown reason'}`;
  return `${at} ${run.outcome}`;
}

/** A conversation's digests (or, from the local chat and CLI, every digest on this server). */
export function listSection(
  subscriptions: readonly { subscription: DigestSubscription; lastRun?: DigestRun }[],
  now: Date,
  scope: 'conversation' | 'server',
): Section {
  if (subscriptions.length === 0) {
    return section({
      id: 'digest-list',
      title: scope === 'conversation' ? 'No digests in this conversation' : 'No digests on this server',
      status: 'empty',
      blocks: [{ kind: 'text', markdown: `Subscribe with \`${subscribeExample}\`.` }],
      actions: [nowAction],
    });
  }
  return section({
    id: 'digest-list',
    title: `${subscriptions.length} digest${subscriptions.length === 1 ? '' : 's'} ${scope === 'conversation' ? 'in this conversation' : 'on this server'}`,
    subtitle:
      scope === 'server' ? 'Each is removed from the conversation it posts to.' : 'Times in each digest’s own zone.',
    blocks: [
      {
        kind: 'table',
        columns: [
          { key: 'id', label: 'Id', mono: true },
          { key: 'when', label: 'When' },
          { key: 'alerts', label: 'Alerts' },
          { key: 'next', label: 'Next run' },
          { key: 'last', label: 'Last run (UTC)' },
          ...(scope === 'server' ? [{ key: 'where', label: 'Posts to' }] : []),
        ],
        rows: subscriptions.map(({ subscription, lastRun }) => ({
          id: subscription.id,
          when: whenWords(subscription),
          alerts: contentWords(subscription),
          next: nextRunTimes(subscription, now, 1)[0] ?? 'not scheduled',
          last: lastRunWords(lastRun),
          where: `${subscription.channel} ${subscription.conversationId}`,
        })),
        totalRows: subscriptions.length,
      },
    ],
    actions:
      scope === 'conversation'
        ? [...subscriptions.map(({ subscription }) => unsubscribeAction(subscription.id)), nowAction]
        : [nowAction],
  });
}

/** The answer to `digest unsubscribe <id>`. */
export function unsubscribedSection(subscription: DigestSubscription): Section {
  return section({
    id: 'digest-unsubscribed',
    title: `Digest ${subscription.id} removed`,
    subtitle: `It ran ${whenWords(subscription)}; ${contentWords(subscription)}.`,
    blocks: [{ kind: 'text', markdown: 'No more digests from it will be posted here.' }],
    actions: [listAction],
  });
}

/** Subscribing from the local chat or the CLI: digests go to Teams and Slack conversations only. */
export function notHereSection(): Section {
  return section({
    id: 'digest-not-here',
    title: 'Digests post into Teams or Slack channels',
    status: 'skipped',
    blocks: [
      {
        kind: 'text',
        markdown: [
          'A digest belongs to the conversation it is subscribed in. Type the command in the Teams or Slack channel that should get it:',
          `- Teams: \`@socbot ${subscribeExample}\``,
          `- Slack: \`/socbot ${subscribeExample}\``,
          '',
          'Here, `digest now` shows the digest of the last 24 hours.',
        ].join('\n'),
      },
    ],
    actions: [nowAction],
  });
}
