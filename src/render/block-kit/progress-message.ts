/**
 * The one progress message of an investigation, updated in place (`chat.update`) as steps finish. Pure.
 */
import type { KnownBlock } from '@slack/types';
import { contextLine, mrkdwnSection } from './slack-blocks.js';
import type { SlackMessage } from './slack-message.js';
import { escapeWithin } from './slack-text.js';

const barCells = 10;

/** A text progress bar: filled cells for the finished share. */
export function progressBar(done: number, total: number): string {
  const filled = total > 0 ? Math.round((barCells * done) / total) : barCells;
  return `${'▰'.repeat(filled)}${'▱'.repeat(barCells - filled)}`;
}

/** The progress line: title, bar, `done/total` and what runs now. */
export function progressMessage(title: string, done: number, total: number, current?: string): SlackMessage {
  const all = Math.max(0, Math.floor(total));
  const finished = Math.min(Math.max(0, Math.floor(done)), all);
  const complete = finished >= all;
  const name = escapeWithin(title.replace(/\s+/g, ' ').trim() || 'Working', 500);
  const blocks: KnownBlock[] = [
    mrkdwnSection(`${complete ? '✅' : '⏳'} *${name}*  ${progressBar(finished, all)}  ${finished}/${all}`),
  ];
  if (current?.trim() && !complete) blocks.push(contextLine(`Running: ${escapeWithin(current.trim(), 500)}`));
  return { text: `${name}: ${finished}/${all}`, blocks, pendingImages: [] };
}
