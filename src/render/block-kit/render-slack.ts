/**
 * Section → Slack Block Kit message, within Slack's limits: per-block limits always, and the message's block count
 * and aggregate size by shrinking tables first, then text, code and facts, saying so in the message (never a
 * silent drop). Buttons carry the command they run, so a click is handled like the typed command. Pure.
 */
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { parseCommand } from '../../core/parse-command.js';
import type { Block, NextAction, Section } from '../../core/section.js';
import { limits, truncate } from '../text-limits.js';
import { type BodyPart, type BodyShape, bodyParts, contextLine, mrkdwnSection } from './slack-blocks.js';
import { messageChars, type SlackMessage, slackActionId, slackLimits } from './slack-message.js';
import { cutMrkdwn, escapeSlack, markdownToMrkdwn, markdownToPlain } from './slack-text.js';

export { progressMessage } from './progress-message.js';
export { type SlackMessage, slackActionId, slackLimits } from './slack-message.js';

/** Budgets for one message (defaults: Slack's 50 blocks and socbot's 12,000-character aggregate budget). */
export interface SlackRenderOptions {
  maxBlocks?: number;
  budgetChars?: number;
  /** The alert whose `export` has everything; found in the Section's buttons when not given. */
  exportAlertId?: string;
}

const toneEmoji = { default: '', attention: '🔴', warning: '🟠', good: '🟢', accent: '🔵' } as const;

/** Buttons per actions block (Slack allows 25; five read better) and buttons per message. */
const buttonsPerBlock = 5;
const maxButtons = 25;

/** Ever smaller bodies: tables shrink first, then text, code and facts. */
const shapes: readonly BodyShape[] = [
  { tableRows: limits.tableRows, textChars: 12_000, codeChars: limits.codeBlock, factChars: 2000 },
  { tableRows: 25, textChars: 12_000, codeChars: limits.codeBlock, factChars: 2000 },
  { tableRows: 12, textChars: 12_000, codeChars: limits.codeBlock, factChars: 2000 },
  { tableRows: 6, textChars: 12_000, codeChars: limits.codeBlock, factChars: 2000 },
  { tableRows: 6, textChars: 3000, codeChars: 3000, factChars: 2000 },
  { tableRows: 6, textChars: 1500, codeChars: 2000, factChars: 1000 },
  { tableRows: 3, textChars: 750, codeChars: 1000, factChars: 500 },
  { tableRows: 1, textChars: 300, codeChars: 500, factChars: 150 },
];

function headBlocks(section: Section): KnownBlock[] {
  const title = markdownToPlain(section.title, slackLimits.headerText) || section.id || 'socbot';
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title, emoji: true } }];
  const emoji = toneEmoji[section.tone ?? 'default'];
  if (section.subtitle?.trim()) blocks.push(contextLine(`${emoji} ${markdownToMrkdwn(section.subtitle)}`.trim()));
  for (let i = 0; i < section.warnings.length; i += slackLimits.contextElements) {
    blocks.push({
      type: 'context',
      elements: section.warnings.slice(i, i + slackLimits.contextElements).map((warning) => ({
        type: 'mrkdwn' as const,
        text: cutMrkdwn(`⚠️ ${markdownToMrkdwn(warning)}`, slackLimits.contextText),
        verbatim: true,
      })),
    });
  }
  const { problem } = section;
  if (problem) {
    const lines = [`❌ *${markdownToMrkdwn(problem.message.replace(/\*\*/g, ''))}*`];
    if (problem.hint) lines.push(markdownToMrkdwn(problem.hint));
    if (problem.correlationId) lines.push(`Correlation id: \`${escapeSlack(problem.correlationId)}\``);
    blocks.push(mrkdwnSection(cutMrkdwn(lines.join('\n'), slackLimits.sectionText)));
  }
  return blocks;
}

function button(action: NextAction, index: number): Button {
  const text =
    markdownToPlain(action.label, slackLimits.buttonText) || truncate(action.command, slackLimits.buttonText);
  return {
    type: 'button',
    action_id: `${slackActionId}:${index}`,
    text: { type: 'plain_text', text, emoji: true },
    value: action.command,
    ...(action.style === 'primary' ? { style: 'primary' as const } : {}),
  };
}

/** Buttons in rows of five; a command too long for a button's value could not run anyway, so it is counted as hidden. */
function actionBlocks(actions: readonly NextAction[]): KnownBlock[] {
  const usable = actions
    .map((action, index) => ({ action, index }))
    .filter(({ action }) => action.command.trim() !== '' && action.command.length <= slackLimits.buttonValue);
  const shown = usable.slice(0, maxButtons).map(({ action, index }) => button(action, index));
  const blocks: KnownBlock[] = [];
  const hidden = actions.length - shown.length;
  if (hidden > 0) blocks.push(contextLine(`… ${hidden} more ${hidden === 1 ? 'action' : 'actions'} not shown.`));
  for (let i = 0; i < shown.length; i += buttonsPerBlock) {
    blocks.push({ type: 'actions', elements: shown.slice(i, i + buttonsPerBlock) } satisfies ActionsBlock);
  }
  return blocks;
}

/** The alert a Section is about, from its step buttons (`tree <id>`…); `alert`/`investigate` buttons may list others. */
export function exportAlertIdOf(section: Section): string | undefined {
  const ids = { step: new Set<string>(), other: new Set<string>() };
  for (const action of section.actions) {
    const parsed = parseCommand(action.command);
    if (!parsed.ok) continue;
    const { command } = parsed;
    if ('alertId' in command && command.alertId) {
      (command.name === 'alert' || command.name === 'investigate' ? ids.other : ids.step).add(command.alertId);
    } else if ('target' in command) {
      if (command.target.kind === 'alert') ids.step.add(command.target.alertId);
      if (command.target.kind === 'ref') ids.step.add(command.target.ref);
    }
  }
  const [step] = ids.step;
  if (step !== undefined) return step;
  return ids.other.size === 1 ? [...ids.other][0] : undefined;
}

function truncationNote(alertId: string | undefined): KnownBlock {
  return contextLine(
    alertId
      ? `✂️ … truncated, type \`export ${escapeSlack(alertId)}\` for everything.`
      : '✂️ … truncated to fit in Slack.',
  );
}

function firstLineOf(blocks: readonly Block[]): string | undefined {
  for (const block of blocks) {
    if (block.kind === 'text') return block.markdown.split('\n').find((line) => line.trim() !== '');
    if (block.kind === 'facts' && block.facts[0]) return `${block.facts[0].label}: ${block.facts[0].value}`;
  }
  return undefined;
}

/** The notification text: the title and the first line, escaped (it is mrkdwn too, and must not ping anyone). */
function fallbackText(section: Section): string {
  const title = markdownToPlain(section.title, slackLimits.headerText) || section.id || 'socbot';
  const first = section.subtitle ?? section.problem?.message ?? firstLineOf(section.blocks) ?? '';
  const line = markdownToPlain(first.split('\n')[0] ?? '', 300);
  return escapeSlack(line ? `${title}: ${line}` : title);
}

interface Budget {
  maxBlocks: number;
  chars: number;
}

function fits(blocks: readonly KnownBlock[], budget: Budget): boolean {
  return blocks.length <= budget.maxBlocks && messageChars(blocks) <= budget.chars;
}

function compose(head: KnownBlock[], parts: readonly BodyPart[], note: KnownBlock[], actions: KnownBlock[]) {
  return {
    blocks: [...head, ...parts.flatMap((p) => p.blocks), ...note, ...actions],
    pendingImages: parts.flatMap((p) => p.pendingImages),
  };
}

/** Renders one Section as a Slack message within Slack's limits. */
export function sectionToSlackMessage(section: Section, options: SlackRenderOptions = {}): SlackMessage {
  const budget: Budget = {
    maxBlocks: Math.min(options.maxBlocks ?? slackLimits.blocksPerMessage, slackLimits.blocksPerMessage),
    chars: options.budgetChars ?? slackLimits.messageChars,
  };
  const text = fallbackText(section);
  const alertId = options.exportAlertId ?? exportAlertIdOf(section);
  const head = headBlocks(section);
  const actions = actionBlocks(section.actions);
  let parts: BodyPart[] = [];
  for (const shape of shapes) {
    parts = bodyParts(section.blocks, shape);
    const note = parts.some((p) => p.cut) ? [truncationNote(alertId)] : [];
    const message = compose(head, parts, note, actions);
    if (fits(message.blocks, budget)) return { text, ...message };
  }
  // Still too big at the smallest shape: drop whole parts from the end, and say how many.
  for (let keep = parts.length - 1; keep >= 0; keep--) {
    const dropped = parts.length - keep;
    const note = [
      truncationNote(alertId),
      contextLine(`… ${dropped} more ${dropped === 1 ? 'part' : 'parts'} of this answer not shown.`),
    ];
    const message = compose(head, parts.slice(0, keep), note, actions);
    if (fits(message.blocks, budget)) return { text, ...message };
  }
  const [header] = head;
  const tooLarge = [header!, truncationNote(alertId)];
  const blocks = fits([...tooLarge, ...actions], budget) ? [...tooLarge, ...actions] : tooLarge;
  return { text, blocks, pendingImages: [] };
}

/** Renders Sections as messages, one per Section (the adapter posts them in a thread). */
export function sectionsToSlackMessages(
  sections: readonly Section[],
  options: SlackRenderOptions = {},
): SlackMessage[] {
  return sections.map((section) => sectionToSlackMessage(section, options));
}
