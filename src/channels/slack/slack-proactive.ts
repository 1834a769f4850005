/**
 * Slack's digest poster: a digest goes into the stored channel as a new message (`chat.postMessage`, paced and
 * retried by the shared sender), any further Sections and the chart images into that message's thread. A message
 * Slack would not take fails the post, so the scheduler records it instead of believing it was delivered.
 */

import type { Logger } from '../../logger.js';
import { type AccessRules, authorize } from '../../policy/authorize.js';
import { sectionToSlackMessage } from '../../render/block-kit/render-slack.js';
import type { ImageStore } from '../../render/images/image-store.js';
import type { DigestPoster } from '../../schedule/digest-poster.js';
import type { StoredConversation } from '../../store/conversation-store.js';
import type { SlackSender } from './slack-sender.js';
import { imageUploadOf } from './thread-reply.js';

export interface SlackPosterDeps {
  sender: SlackSender;
  images: ImageStore;
  rules: AccessRules;
  log: Logger;
}

/** The channel id of a stored Slack conversation (`{ channel, team }`; the conversation id otherwise). */
function channelOf(conversation: StoredConversation): string {
  const channel = conversation.reference.channel;
  return typeof channel === 'string' && channel !== '' ? channel : conversation.conversationId;
}

/** Posts digests into Slack channels. */
export function createSlackDigestPoster(deps: SlackPosterDeps): DigestPoster {
  return {
    channel: 'slack',
    allows: (actor) => authorize(actor, deps.rules).allowed,
    async post(conversation, sections, correlationId) {
      const channel = channelOf(conversation);
      let threadTs: string | undefined;
      for (const section of sections) {
        const message = sectionToSlackMessage(section);
        const ts = await deps.sender.post(
          { channel, ...(threadTs ? { threadTs } : {}) },
          { text: message.text, blocks: message.blocks },
          correlationId,
        );
        // The sender has logged Slack's error code with the correlation id.
        if (!ts) throw new Error(`Slack did not take the digest message in ${channel}`);
        threadTs ??= ts;
        for (const image of message.pendingImages) {
          const upload = imageUploadOf(image, deps.images);
          // A missing chart leaves the digest readable: its table says the same.
          if (!upload) deps.log.warn({ correlationId, image: image.url }, 'digest chart could not be uploaded');
          else await deps.sender.upload({ channel, threadTs }, upload, correlationId);
        }
      }
    },
  };
}
