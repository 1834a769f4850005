/**
 * A Section's body blocks → Block Kit blocks, at a given size (`BodyShape`): the message renderer shrinks the
 * shape until the message fits Slack's limits. Pure.
 */
import type { ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { Block, ChartSpec, Fact, ImageRef } from '../../core/section.js';
import { formatBytes, utf8Bytes } from '../export/byte-size.js';
import { slackLimits } from './slack-message.js';
import { tableToMrkdwn } from './slack-table.js';
import {
  codeText,
  cutMrkdwn,
  escapeSlack,
  escapeWithin,
  fence,
  literalMrkdwn,
  literalWithin,
  markdownToMrkdwn,
  markdownToPlain,
  splitMrkdwn,
} from './slack-text.js';

/** Section blocks one table may span (each at most 3,000 characters). */
const tablePieces = 3;

/** How much of each kind of content to show. */
export interface BodyShape {
  tableRows: number;
  /** Characters of one text block (mrkdwn), spread over several section blocks when above 3,000. */
  textChars: number;
  codeChars: number;
  /** Characters of one fact's value. */
  factChars: number;
}

/** One Section block rendered: its Slack blocks, the images the adapter must upload, and whether it was cut to fit. */
export interface BodyPart {
  blocks: KnownBlock[];
  pendingImages: ImageRef[];
  cut: boolean;
}

/** A section block of mrkdwn; `verbatim` keeps Slack from turning data (IoC URLs, names) into links. */
export function mrkdwnSection(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

/** A context block of one mrkdwn line. */
export function contextLine(text: string): ContextBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: cutMrkdwn(text, slackLimits.contextText), verbatim: true }],
  };
}

function factBlocks(facts: readonly Fact[], maxValue: number): { blocks: KnownBlock[]; cut: boolean } {
  let cut = false;
  const fields = facts.map((fact) => {
    const label = escapeWithin(fact.label.replace(/\s+/g, ' '), 200);
    const room = Math.min(maxValue, slackLimits.fieldText - label.length - 3);
    const value = literalWithin(fact.value, room);
    cut ||= value !== literalMrkdwn(fact.value);
    return { type: 'mrkdwn' as const, text: `*${label}*\n${value}`, verbatim: true };
  });
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += slackLimits.fieldsPerSection) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + slackLimits.fieldsPerSection) });
  }
  return { blocks, cut };
}

const fenceMark = '```';

/** Closes a ``` block a split left open, and reopens it in the next piece, so code stays code. */
function balanceFences(pieces: readonly string[]): string[] {
  let open = false;
  return pieces.map((piece) => {
    const text = open ? `${fenceMark}\n${piece}` : piece;
    open = (text.split(fenceMark).length - 1) % 2 === 1;
    return open ? `${text}\n${fenceMark}` : text;
  });
}

function textBlocks(markdown: string, maxChars: number): { blocks: KnownBlock[]; cut: boolean } {
  const mrkdwn = markdownToMrkdwn(markdown);
  const shown = cutMrkdwn(mrkdwn, maxChars);
  // Room for a closing and a reopening fence in every piece.
  const pieces = balanceFences(splitMrkdwn(shown, slackLimits.sectionText - 2 * (fenceMark.length + 1)));
  return { blocks: pieces.map(mrkdwnSection), cut: shown !== mrkdwn };
}

function codeBlocks(text: string, maxChars: number): { blocks: KnownBlock[]; cut: boolean } {
  const code = codeText(text, maxChars);
  const fenced = fence('').length;
  const pieces = splitMrkdwn(code.text, slackLimits.sectionText - fenced);
  return { blocks: pieces.map((piece) => mrkdwnSection(fence(piece))), cut: code.cut };
}

function tableBlocks(
  block: Extract<Block, { kind: 'table' }>,
  maxRows: number,
): { blocks: KnownBlock[]; cut: boolean } {
  if (block.rows.length === 0) return { blocks: [contextLine('_No rows._')], cut: false };
  const table = tableToMrkdwn(block, maxRows, { pieceChars: slackLimits.sectionText, maxPieces: tablePieces });
  const blocks: KnownBlock[] = table.pieces.map(mrkdwnSection);
  const hidden = Math.max(block.totalRows, block.rows.length) - table.shownRows;
  if (hidden > 0) blocks.push(contextLine(`… ${hidden} more ${hidden === 1 ? 'row' : 'rows'} not shown.`));
  return { blocks, cut: table.shownRows < block.rows.length };
}

/** A chart not drawn as an image, as text, so no information is hidden. */
function chartTextBlocks(chart: ChartSpec, maxChars: number): KnownBlock[] {
  const title = `*${escapeWithin(chart.title, 300)}*`;
  if (chart.type === 'bar') {
    const values = chart.series[0]?.values ?? [];
    const lines = chart.labels.slice(0, 15).map((label, i) => `• ${literalWithin(label, 100)}: ${values[i] ?? 0}`);
    if (chart.labels.length > 15) lines.push(`… ${chart.labels.length - 15} more`);
    return [mrkdwnSection(cutMrkdwn([title, ...lines].join('\n'), Math.min(maxChars, slackLimits.sectionText)))];
  }
  const count =
    chart.type === 'box'
      ? `${chart.labels.length} groups`
      : `${chart.series.reduce((n, s) => n + s.points.length, 0)} points`;
  return [contextLine(`📈 ${title}: ${count} in ${chart.series.length} series`)];
}

function isPublicImage(image: ImageRef): boolean {
  return /^https?:\/\//i.test(image.url) && image.url.length <= slackLimits.imageUrl;
}

function imageBlocks(image: ImageRef, title: string, what: 'chart' | 'graph', pending: ImageRef[]): KnownBlock[] {
  if (!isPublicImage(image)) {
    pending.push(image);
    return [contextLine(`📎 ${what}: ${escapeWithin(title, 300)} (attached)`)];
  }
  const alt = (image.alt.trim() || title.trim() || what).slice(0, slackLimits.altText);
  return [
    {
      type: 'image',
      image_url: image.url,
      alt_text: alt,
      title: { type: 'plain_text', text: markdownToPlain(title, slackLimits.imageTitle) || what, emoji: true },
    },
  ];
}

function blockOf(block: Block, shape: BodyShape, pending: ImageRef[]): { blocks: KnownBlock[]; cut: boolean } {
  switch (block.kind) {
    case 'facts':
      return factBlocks(block.facts, shape.factChars);
    case 'text':
      return textBlocks(block.markdown, shape.textChars);
    case 'code':
      return codeBlocks(block.text, shape.codeChars);
    case 'table':
      return tableBlocks(block, shape.tableRows);
    case 'chart':
      return {
        blocks: block.image
          ? imageBlocks(block.image, block.chart.title, 'chart', pending)
          : chartTextBlocks(block.chart, shape.textChars),
        cut: false,
      };
    case 'graph': {
      const { title, nodes, edges } = block.graph;
      return {
        blocks: block.image
          ? imageBlocks(block.image, title, 'graph', pending)
          : [contextLine(`🕸️ *${escapeSlack(title.slice(0, 300))}*: ${nodes.length} nodes, ${edges.length} edges`)],
        cut: false,
      };
    }
    case 'attachment': {
      // The document itself is the adapter's to upload (files.uploadV2); here it is named and sized.
      const size = formatBytes(utf8Bytes(block.content));
      const name = escapeWithin(block.fileName, 300);
      return {
        blocks: [contextLine(`📎 *${name}* (${escapeWithin(block.mimeType, 100)}, ${size}) attached`)],
        cut: false,
      };
    }
  }
}

/** Renders a Section's body at the given shape, one part per Section block. */
export function bodyParts(blocks: readonly Block[], shape: BodyShape): BodyPart[] {
  return blocks.map((block) => {
    const pendingImages: ImageRef[] = [];
    return { ...blockOf(block, shape, pendingImages), pendingImages };
  });
}
