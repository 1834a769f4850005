/**
 * Checks a rendered Slack message against every Block Kit rule socbot relies on: block count, the aggregate size
 * budget, per-block limits and shapes, button ids and values, and escaping (nothing pings, nothing breaks markup).
 */
import type { KnownBlock } from '@slack/types';
import { expect } from 'vitest';
import { parseCommand } from '../../../src/core/parse-command.js';
import {
  messageChars,
  type SlackMessage,
  slackActionId,
  slackLimits,
} from '../../../src/render/block-kit/slack-message.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Escaped mrkdwn: `&` only as one of Slack's three entities, `<` only opening one of socbot's own web links
 * (never `<!channel>`, `<@U…>`, `<#C…>`).
 */
function mrkdwnProblems(text: string, where: string): string[] {
  const problems: string[] = [];
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push(`${where}: raw & in ${JSON.stringify(text.slice(0, 80))}`);
  for (const match of text.matchAll(/<([^>]*)>?/g)) {
    if (!/^(?:https?:\/\/|mailto:)[^|<>\s]+\|[^<>]*$/.test(match[1] ?? '') || !match[0].endsWith('>')) {
      problems.push(`${where}: raw < in ${JSON.stringify(match[0].slice(0, 80))}`);
    }
  }
  if (/<[!@#]/.test(text)) problems.push(`${where}: a mention or ping`);
  const fences = text.match(/```/g)?.length ?? 0;
  if (fences % 2 !== 0) problems.push(`${where}: unbalanced \`\`\` fences`);
  return problems;
}

function textObjectProblems(value: unknown, where: string, max: number, kinds: readonly string[]): string[] {
  if (!isObject(value) || typeof value.text !== 'string' || typeof value.type !== 'string') {
    return [`${where}: not a text object`];
  }
  const problems: string[] = [];
  if (!kinds.includes(value.type)) problems.push(`${where}: type ${value.type} not in ${kinds.join('/')}`);
  if (value.text.trim().length === 0) problems.push(`${where}: empty text`);
  if (value.text.length > max) problems.push(`${where}: ${value.text.length} > ${max} characters`);
  if (value.type === 'mrkdwn') problems.push(...mrkdwnProblems(value.text, where));
  return problems;
}

const plain = ['plain_text'] as const;
const any = ['plain_text', 'mrkdwn'] as const;

function buttonProblems(element: unknown, where: string, ids: Set<string>): string[] {
  if (!isObject(element) || element.type !== 'button') return [`${where}: not a button`];
  const problems = textObjectProblems(element.text, `${where}.text`, slackLimits.buttonText, plain);
  const id = String(element.action_id);
  if (!new RegExp(`^${slackActionId}:\\d+$`).test(id) || id.length > slackLimits.actionId) {
    problems.push(`${where}: action_id ${id}`);
  }
  if (ids.has(id)) problems.push(`${where}: duplicate action_id ${id}`);
  ids.add(id);
  const value = element.value;
  if (typeof value !== 'string' || value.length === 0 || value.length > slackLimits.buttonValue) {
    problems.push(`${where}: value length ${String(value).length}`);
  } else if (!parseCommand(value).ok) problems.push(`${where}: value ${JSON.stringify(value)} does not parse`);
  if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
    problems.push(`${where}: style ${String(element.style)}`);
  }
  return problems;
}

function blockProblems(block: KnownBlock, where: string, ids: Set<string>): string[] {
  const raw: Json = isObject(block) ? block : {};
  switch (raw.type) {
    case 'header':
      return textObjectProblems(raw.text, `${where}.text`, slackLimits.headerText, plain);
    case 'section': {
      const problems: string[] = [];
      if (raw.text === undefined && raw.fields === undefined) problems.push(`${where}: neither text nor fields`);
      if (raw.text !== undefined) problems.push(...textObjectProblems(raw.text, `${where}.text`, 3000, any));
      if (raw.fields !== undefined) {
        const fields = Array.isArray(raw.fields) ? raw.fields : [];
        if (fields.length === 0 || fields.length > slackLimits.fieldsPerSection) {
          problems.push(`${where}: ${fields.length} fields`);
        }
        fields.forEach((f, i) => {
          problems.push(...textObjectProblems(f, `${where}.fields[${i}]`, slackLimits.fieldText, any));
        });
      }
      return problems;
    }
    case 'context': {
      const elements = Array.isArray(raw.elements) ? raw.elements : [];
      const problems = elements.length === 0 || elements.length > 10 ? [`${where}: ${elements.length} elements`] : [];
      elements.forEach((e, i) => {
        problems.push(...textObjectProblems(e, `${where}.elements[${i}]`, slackLimits.contextText, any));
      });
      return problems;
    }
    case 'actions': {
      const elements = Array.isArray(raw.elements) ? raw.elements : [];
      const problems = elements.length === 0 || elements.length > 25 ? [`${where}: ${elements.length} elements`] : [];
      elements.forEach((e, i) => {
        problems.push(...buttonProblems(e, `${where}.elements[${i}]`, ids));
      });
      return problems;
    }
    case 'image': {
      const problems: string[] = [];
      const url = raw.image_url;
      if (typeof url !== 'string' || !/^https?:\/\//.test(url) || url.length > slackLimits.imageUrl) {
        problems.push(`${where}: image_url ${String(url).slice(0, 80)}`);
      }
      const alt = raw.alt_text;
      if (typeof alt !== 'string' || alt.trim() === '' || alt.length > slackLimits.altText) {
        problems.push(`${where}: alt_text`);
      }
      if (raw.title !== undefined) {
        problems.push(...textObjectProblems(raw.title, `${where}.title`, slackLimits.imageTitle, plain));
      }
      return problems;
    }
    default:
      return [`${where}: unexpected block type ${String(raw.type)}`];
  }
}

/** Every rule the message breaks (empty when it is within Slack's limits). */
export function slackLimitProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (message.text.trim() === '') problems.push('empty fallback text');
  if (message.text.length > 3000) problems.push(`fallback text of ${message.text.length} characters`);
  problems.push(...mrkdwnProblems(message.text, 'text'));
  if (message.blocks.length === 0 || message.blocks.length > slackLimits.blocksPerMessage) {
    problems.push(`${message.blocks.length} blocks`);
  }
  const chars = messageChars(message.blocks);
  if (chars > slackLimits.messageChars) problems.push(`${chars} characters > ${slackLimits.messageChars}`);
  const ids = new Set<string>();
  message.blocks.forEach((block, i) => {
    problems.push(...blockProblems(block, `blocks[${i}]`, ids));
  });
  return problems;
}

/** Asserts the message is within every Slack limit (the failure lists each broken rule). */
export function checkSlackLimits(message: SlackMessage): void {
  expect(slackLimitProblems(message)).toEqual([]);
}

/** The texts of a message (all, or only its mrkdwn or plain_text objects), joined, to look for content. */
export function messageText(message: SlackMessage, only?: 'mrkdwn' | 'plain_text'): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) walk(item);
    if (!isObject(value)) return;
    if ((value.type === 'mrkdwn' || value.type === 'plain_text') && typeof value.text === 'string') {
      if (only === undefined || value.type === only) texts.push(value.text);
      return;
    }
    if (only === undefined && typeof value.alt_text === 'string') texts.push(value.alt_text);
    for (const item of Object.values(value)) walk(item);
  };
  walk(message.blocks);
  return texts.join('\n');
}

/** The buttons of a message. */
export function buttonsOf(message: SlackMessage): { text: string; value: string; style?: string; id: string }[] {
  return message.blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.flatMap((e) =>
          e.type === 'button'
            ? [
                {
                  text: e.text.text,
                  value: e.value ?? '',
                  id: e.action_id ?? '',
                  ...(e.style ? { style: e.style } : {}),
                },
              ]
            : [],
        )
      : [],
  );
}
