/**
 * What the Slack renderer produces, and Slack's limits on it (Block Kit reference, plus the undocumented aggregate
 * limit behind `msg_blocks_too_long`).
 */
import type { KnownBlock } from '@slack/types';
import type { ImageRef } from '../../core/section.js';

/** One Slack message: `chat.postMessage` arguments minus the channel. */
export interface SlackMessage {
  /** The notification and accessibility fallback (mrkdwn, escaped): always set. */
  text: string;
  blocks: KnownBlock[];
  /** Images whose URL is not public http(s): the adapter uploads these PNGs with `files.uploadV2`. */
  pendingImages: ImageRef[];
}

/** Every button's `action_id` is `${slackActionId}:${index}`; its `value` is the command text to run. */
export const slackActionId = 'socbot_command';

/** Slack's limits, per block kind and per message. */
export const slackLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  headerText: 150,
  imageUrl: 3000,
  altText: 2000,
  imageTitle: 2000,
  /**
   * Slack rejects messages of about 13,000 characters of block text with `msg_blocks_too_long` (bolt-js issues
   * #2509, #2867; the count is not documented and not only `.text`): socbot budgets every string in the blocks
   * (text, values, URLs, type names) at 12,000.
   */
  messageChars: 12_000,
} as const;

/** How many characters a message's blocks weigh against the aggregate limit: the length of every string in them. */
export function messageChars(blocks: readonly KnownBlock[]): number {
  let total = 0;
  const walk = (value: unknown): void => {
    if (typeof value === 'string') total += value.length;
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) walk(item);
  };
  walk(blocks);
  return total;
}
