/**
 * Section → Adaptive Card (schema 1.5, what Teams supports): a template from `cards/` per Section kind, expanded
 * with the data its view function prepares. Pure. Buttons are `Action.Submit` whose data carries the command to
 * run, so every channel handles a click like a typed command. Cards stay within Teams' 28 KB: a card that does
 * not fit is rebuilt with fewer table rows, then shorter texts, and says so.
 */
import type { Section } from '../../core/section.js';
import { limits, truncate } from '../text-limits.js';
import { type CardBudget, cardBudgets } from './card-budget.js';
import { expandTemplate } from './card-templates.js';
import { compactCard } from './compact-card.js';
import { sectionView } from './section-views.js';

/** An Adaptive Card element or card, as JSON. */
export type CardElement = Record<string, unknown>;

/** The payload a button click submits. */
export interface SubmitData {
  command: string;
}

/** Said on a card that had to leave things out to fit. */
export const shortenedNotice =
  "Shortened to fit Teams' card size limit: some table rows and long texts are left out (counted below).";

/** Bytes of a card as Teams counts them: its JSON in UTF-8. */
export function cardBytes(card: CardElement): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** The card of a Section at one budget. */
export function buildCard(section: Section, budget: CardBudget, notices: readonly string[] = []): CardElement {
  const view = sectionView(section, budget, notices);
  return compactCard(expandTemplate(view.template, view.data)) as CardElement;
}

/** The last resort when even the smallest budget is too big (hundreds of blocks): title, the fact, the buttons. */
function oversizedCard(section: Section): CardElement {
  const stub: Section = {
    ...section,
    blocks: [
      {
        kind: 'text',
        markdown: `This answer has ${section.blocks.length} parts, too many for one Teams card. The Markdown export has all of it.`,
      },
    ],
    warnings: section.warnings.slice(0, 3).map((w) => truncate(w, 200)),
  };
  return buildCard(stub, cardBudgets.at(-1) ?? cardBudgets[0]!);
}

/** Renders one Section as an Adaptive Card within Teams' size budget. */
export function sectionToCard(section: Section): CardElement {
  for (const [level, budget] of cardBudgets.entries()) {
    const card = buildCard(section, budget, level === 0 ? [] : [shortenedNotice]);
    if (cardBytes(card) <= limits.teamsCardBytes) return card;
  }
  return oversizedCard(section);
}

/**
 * The card of an investigation in progress, for the message channels update as steps finish.
 * @example progressCard('Investigating FTP -s switch', 3, 10, 'Process tree') // "3/10 steps", "Now: Process tree"
 */
export function progressCard(title: string, done: number, total: number, current?: string): CardElement {
  const finished = Math.max(0, Math.min(done, total));
  return compactCard(
    expandTemplate('progress', {
      title: truncate(title, 200),
      done: finished,
      left: Math.max(0, total - finished),
      counter: `${finished}/${total} ${total === 1 ? 'step' : 'steps'}${finished === total ? ' · done' : ''}`,
      current: current ? `Now: ${truncate(current, 200)}` : '',
    }),
  ) as CardElement;
}
