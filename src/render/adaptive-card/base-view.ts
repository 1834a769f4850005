/**
 * The parts of a card every Section template shares: title (coloured by tone), subtitle, warnings, the problem,
 * the blocks and the buttons.
 */
import type { NextAction, Section } from '../../core/section.js';
import { truncate } from '../text-limits.js';
import { blockViews } from './block-views.js';
import type { CardBudget } from './card-budget.js';
import type { ActionView, BandView, CardColor, CardViewBase, ContainerStyle, ProblemView } from './card-view.js';

/** Buttons in the card's action bar; the rest go behind "More…" (Teams shows at most six). */
const barActions = 5;
const actionTitleChars = 50;

/** Text colour of a Section's tone. */
export const toneColor: Record<NonNullable<Section['tone']>, CardColor> = {
  default: 'Default',
  attention: 'Attention',
  warning: 'Warning',
  good: 'Good',
  accent: 'Accent',
};

/** The coloured band for a tone, with a short label (`HIGH`, `MALICIOUS`…) at its side. */
export function bandFor(tone: Section['tone'], label: string): BandView {
  const style: Record<NonNullable<Section['tone']>, ContainerStyle> = {
    default: 'emphasis',
    attention: 'attention',
    warning: 'warning',
    good: 'good',
    accent: 'accent',
  };
  return { style: style[tone ?? 'default'], color: toneColor[tone ?? 'default'], label };
}

function actionView(action: NextAction): ActionView {
  return {
    title: truncate(action.label, actionTitleChars),
    style: action.style === 'primary' ? 'positive' : 'default',
    command: action.command,
  };
}

function problemView(section: Section): ProblemView {
  const problem = section.problem;
  return {
    message: problem?.message ?? '',
    hint: problem?.hint ?? '',
    code: problem?.code ?? '',
    reference: problem?.correlationId ?? '',
  };
}

/** The shared view of a Section; `notices` are extra warnings (e.g. that the card was shortened). */
export function baseView(section: Section, budget: CardBudget, notices: readonly string[]): CardViewBase {
  const actions = section.actions.map(actionView);
  return {
    title: truncate(section.title, 200),
    titleColor: toneColor[section.tone ?? 'default'],
    subtitle: truncate(section.subtitle ?? '', 300),
    warnings: [...section.warnings.map((w) => truncate(w, budget.textChars)), ...notices],
    problem: problemView(section),
    blocks: blockViews(section.blocks, budget),
    actions: actions.length > barActions + 1 ? actions.slice(0, barActions) : actions,
    moreActions: actions.length > barActions + 1 ? actions.slice(barActions) : [],
    cellSize: 'Small',
  };
}
