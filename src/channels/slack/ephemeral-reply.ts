/**
 * Replies only the asking user sees: a refusal is not the channel's business. Slash commands answer through their
 * `response_url` (works even where the bot is not a member); events and buttons through `chat.postEphemeral`.
 */
import type { RespondFn } from '@slack/bolt';
import type { Section } from '../../core/section.js';
import type { Logger } from '../../logger.js';
import { sectionToSlackMessage } from '../../render/block-kit/render-slack.js';
import type { ChannelReply } from '../handle-inbound.js';
import type { SlackContent, SlackPlace, SlackSender } from './slack-sender.js';

function contents(sections: readonly Section[]): SlackContent[] {
  return sections.map((section) => {
    const { text, blocks } = sectionToSlackMessage(section);
    return { text, blocks };
  });
}

/** A reply through a slash command's `response_url`, visible to the user only. */
export function responseUrlReply(respond: RespondFn, log: Logger, correlationId: string): ChannelReply {
  return {
    async post(sections) {
      for (const content of contents(sections)) {
        try {
          await respond({ response_type: 'ephemeral', replace_original: false, ...content });
        } catch (error) {
          log.error({ err: error, correlationId, method: 'response_url' }, 'Slack did not take a message');
        }
      }
    },
    progress: async () => undefined,
  };
}

/** A reply with `chat.postEphemeral` to `user` in the place they wrote. */
export function ephemeralReply(
  sender: SlackSender,
  place: SlackPlace,
  user: string,
  correlationId: string,
): ChannelReply {
  return {
    async post(sections) {
      for (const content of contents(sections)) await sender.ephemeral(place, user, content, correlationId);
    },
    progress: async () => undefined,
  };
}
