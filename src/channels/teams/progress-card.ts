/**
 * The small Adaptive Cards only Teams needs: the progress message updated in place while a playbook runs, and
 * the "working on it" card that answers a button invoke within Teams' 5 seconds. Pure.
 */
import type { CardElement } from '../../render/adaptive-card/render-card.js';
import { truncate } from '../../render/text-limits.js';

/** A progress update as the core reports it. */
export interface ProgressUpdate {
  title: string;
  done: number;
  total: number;
  current?: string;
}

function card(body: CardElement[], actions: CardElement[] = []): CardElement {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function steps(count: number): string {
  return `${count} ${count === 1 ? 'step' : 'steps'}`;
}

/**
 * The one-line text of a progress update (also the card's fallback and the notification summary). The core learns
 * the number of steps only as they start, so a running command shows what is done and what runs now, never "x of y".
 */
export function progressText(update: ProgressUpdate, finished = false): string {
  if (finished) return `${update.title}: finished, ${steps(update.done)} done.`;
  const now = update.current ? ` · now: ${update.current}` : '';
  return `${update.title}: ${update.done === 0 ? 'starting' : `${steps(update.done)} done`}${now}…`;
}

/** The progress card: what runs, how far it got; `finished` once the command has answered in full. */
export function progressCard(update: ProgressUpdate, finished = false): CardElement {
  const detail = finished
    ? `${steps(update.done)} done; the answers are in this thread.`
    : `${update.done === 0 ? 'Starting' : `${steps(update.done)} done`}${update.current ? ` · now: ${update.current}` : ''}`;
  return {
    ...card([
      {
        type: 'TextBlock',
        text: finished ? `${update.title}: finished` : `${update.title}…`,
        weight: 'Bolder',
        color: finished ? 'Good' : 'Accent',
        wrap: true,
      },
      { type: 'TextBlock', text: truncate(detail, 300), isSubtle: !finished, spacing: 'Small', wrap: true },
    ]),
    fallbackText: progressText(update, finished),
  };
}

/** The card that replaces a clicked Action.Execute card at once: what runs, and where the answer will appear. */
export function workingCard(command: string, who?: string): CardElement {
  return card(
    [
      { type: 'TextBlock', text: 'Working on it…', weight: 'Bolder', color: 'Accent', wrap: true },
      {
        type: 'TextBlock',
        text: `\`${truncate(command, 200)}\`${who ? ` for ${truncate(who, 80)}` : ''}: the answer follows in this conversation.`,
        wrap: true,
      },
    ],
    [{ type: 'Action.Execute', title: 'Run again', verb: 'socbot.command', data: { command } }],
  );
}

/** The answer to an invoke socbot cannot act on (an automatic refresh, or a button without a command). */
export function noticeCard(text: string): CardElement {
  return card([{ type: 'TextBlock', text, wrap: true, isSubtle: true }]);
}
