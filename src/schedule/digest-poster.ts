/**
 * How a scheduled digest reaches a conversation, without `src/schedule/` knowing any platform: each chat channel
 * (Teams, Slack) implements a poster for its own stored conversation references.
 */
import type { Section } from '../core/section.js';
import type { Actor, ChannelKind } from '../policy/actor.js';
import type { StoredConversation } from '../store/conversation-store.js';

/** Posts Sections into a stored conversation, unprompted. */
export interface DigestPoster {
  channel: ChannelKind;
  /** Resolves once every Section is posted; rejects (after the channel's own retries) when one could not be. */
  post(conversation: StoredConversation, sections: Section[], correlationId: string): Promise<void>;
  /** False when the channel's allowlists no longer let this actor use socbot there (a digest then stops posting). */
  allows(actor: Actor): boolean;
}

/** A post that will fail the same way however often it is retried (no conversation reference, not allowed). */
export class PermanentPostError extends Error {}
