/**
 * `digest …`: `digest now` is the digest of the last 24 hours, answered right here (any channel, the CLI too);
 * subscribing, listing and unsubscribing are handled by the subscriptions (src/schedule/), injected through the
 * command context so the core never touches the store.
 */
import type { DigestCommand } from '../../core/command.js';
import { type Section, section } from '../../core/section.js';
import type { Actor } from '../../policy/actor.js';
import type { CommandContext } from '../context.js';
import { digestSections } from './digest-content.js';

/** The subscription side of `digest` (src/schedule's `createDigestCommands` is one). */
export interface DigestSubscriptionsPort {
  handle(command: Exclude<DigestCommand, { action: 'now' }>, request: { actor?: Actor; now: Date }): Promise<Section[]>;
}

/** `digest now`: how many alerts it lists. */
const nowTop = 5;
const dayMs = 86_400_000;

function digestsOffSection(): Section {
  return section({
    id: 'digest-off',
    title: 'Scheduled digests are off on this server',
    status: 'skipped',
    blocks: [
      {
        kind: 'text',
        markdown: 'Your administrator can turn them on with `SOCBOT_DIGESTS=on`. `digest now` works either way.',
      },
    ],
    actions: [{ label: 'Digest now', command: 'digest now' }],
  });
}

/** Runs a `digest` command. */
export async function digestCommand(command: DigestCommand, ctx: CommandContext): Promise<Section[]> {
  if (command.action === 'now') {
    const until = ctx.now();
    return digestSections(
      { since: new Date(until.getTime() - dayMs), until, top: nowTop, heading: 'Digest now · last 24 hours' },
      ctx,
    );
  }
  if (!ctx.digests) return [digestsOffSection()];
  return ctx.digests.handle(command, { ...(ctx.actor ? { actor: ctx.actor } : {}), now: ctx.now() });
}
