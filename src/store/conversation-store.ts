/**
 * Conversation references: what a channel needs to post into a conversation later (digests, long
 * investigations). Teams needs its ConversationReference JSON; Slack a channel id (and thread).
 */
import type { ChannelKind } from '../policy/actor.js';

export interface StoredConversation {
  channel: ChannelKind;
  /** Teams conversation id / Slack channel id. */
  conversationId: string;
  /** The platform's reference, as JSON (Teams ConversationReference, Slack `{ channel, team }`). */
  reference: Record<string, unknown>;
  updatedAt: Date;
}

export interface ConversationStore {
  save(conversation: StoredConversation): Promise<void>;
  get(channel: ChannelKind, conversationId: string): Promise<StoredConversation | undefined>;
  list(channel?: ChannelKind): Promise<StoredConversation[]>;
}
