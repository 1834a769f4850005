/**
 * Teams' digest poster: a proactive turn (`continueConversation`) on the stored conversation reference, posting each
 * Section as a card exactly as command replies are posted (`createTeamsReply`: the thread's rate-limited lane,
 * throttling retried, a refused card sent as text). A post that still fails rejects with the connector's status.
 */
import type { ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { Logger } from '../../logger.js';
import { type AccessRules, authorize } from '../../policy/authorize.js';
import { type DigestPoster, PermanentPostError } from '../../schedule/digest-poster.js';
import type { StoredConversation } from '../../store/conversation-store.js';
import { connectorStatusOf, type RetryOptions } from './connector-retry.js';
import type { ConversationSendQueue } from './send-queue.js';
import { storedReferenceOf } from './teams-activity.js';
import { createTeamsReply } from './teams-reply.js';

export interface TeamsPosterDeps {
  adapter: CloudAdapter;
  queue: ConversationSendQueue;
  retry: RetryOptions;
  rules: AccessRules;
  log: Logger;
  /** The bot's app id: outside a request the SDK gets a token for it (absent when anonymous). */
  botAppId?: string;
}

/** Statuses that say the bot cannot post there at all (removed from the team, conversation gone): not retried. */
const permanentStatuses = new Set([401, 403, 404]);

function referenceOf(conversation: StoredConversation): ConversationReference {
  const reference = storedReferenceOf(conversation.reference);
  if (!reference) {
    throw new PermanentPostError('the stored Teams conversation reference has no serviceUrl or conversation id');
  }
  return reference;
}

function postFailure(error: unknown): Error {
  const status = connectorStatusOf(error);
  const message = `Teams did not take the digest (connector ${status === undefined ? 'unreachable' : `status ${status}`})`;
  return status !== undefined && permanentStatuses.has(status)
    ? new PermanentPostError(message, { cause: error })
    : new Error(message, { cause: error });
}

/** Posts digests into Teams conversations. */
export function createTeamsDigestPoster(deps: TeamsPosterDeps): DigestPoster {
  return {
    channel: 'teams',
    allows: (actor) => authorize(actor, deps.rules).allowed,
    async post(conversation, sections, correlationId) {
      const reference = referenceOf(conversation);
      let failure: unknown;
      let posted = false;
      // Failures are caught inside the turn: the adapter's turn-error handler would otherwise swallow them (and
      // post an apology card no one asked for).
      await deps.adapter.continueConversation(deps.botAppId ?? {}, reference, async (turn) => {
        // The SDK gives a continuation turn a random activity id and makes every send a reply to it; a digest is a new
        // post in the conversation (`POST …/activities`), not a reply to a message that never existed.
        turn.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) activity.replyToId = undefined;
          return next();
        });
        try {
          await createTeamsReply(turn, { correlationId, thread: reference.conversation.id }, deps).post(sections);
          posted = true;
        } catch (error) {
          failure = error;
        }
      });
      if (failure !== undefined) throw postFailure(failure);
      if (!posted) throw new Error('the Teams turn ended before the digest was posted');
    },
  };
}
