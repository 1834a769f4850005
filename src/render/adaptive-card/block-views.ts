/**
 * Section blocks as card block views. Charts and graphs become images when drawn, else a text form that hides
 * nothing important (a bar chart's values as facts); code keeps its indentation; long things are cut and say so.
 */
import type { Block, ChartSpec, ImageRef } from '../../core/section.js';
import { formatBytes, utf8Bytes } from '../export/byte-size.js';
import { truncate } from '../text-limits.js';
import type { CardBudget } from './card-budget.js';
import type { BlockView, CodeLineView } from './card-view.js';
import { isMarkdownSafe } from './markdown-safety.js';
import { tableView } from './table-view.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Text as HTML-based card renderers show it: leading spaces and runs of spaces would collapse, so they become
 * no-break spaces (one ordinary space stays in each run, so long lines can still wrap).
 * @example keepIndentation('    [child] x  y') // '\u00a0\u00a0\u00a0\u00a0[child] x\u00a0 y'
 */
export function keepIndentation(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      const rest = line.slice(indent).replace(/ {2,}/g, (run) => `${'\u00a0'.repeat(run.length - 1)} `);
      return '\u00a0'.repeat(indent) + rest;
    })
    .join('\n');
}

/** Most lines of one code block in a card (each line is an element; the characters budget also applies). */
export const codeLinesMax = 60;

/**
 * One line of code as a card line: indentation kept, verbatim when Markdown would change it, highlighted in bold
 * attention colour when asked (an empty line keeps its height).
 */
export function codeLine(text: string, highlight = false): CodeLineView {
  return {
    text: keepIndentation(text) || '\u00a0',
    verbatim: !isMarkdownSafe(text),
    highlight,
    weight: highlight ? 'Bolder' : 'Default',
    color: highlight ? 'Attention' : 'Default',
  };
}

/** "Cut to 8,000 of 12,345 characters." when `text` is longer than `max`, else ''. */
export function cutNote(text: string, max: number): string {
  return text.length > max
    ? `Cut to ${max.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters.`
    : '';
}

/** A code block: monospace lines, indentation kept, cut to the budget (characters, then lines) with a note. */
export function codeView(text: string, budget: CardBudget): BlockView {
  const lines = truncate(text, budget.codeChars).split('\n');
  const shown = lines.slice(0, codeLinesMax);
  const hiddenLines = lines.length - shown.length;
  const note = hiddenLines > 0 ? `${hiddenLines} more lines not shown.` : cutNote(text, budget.codeChars);
  return { kind: 'code', lines: shown.map((line) => codeLine(line)), note };
}

/** Wider than this many times its height, an image shrunk to card width is a line nobody can read. */
const maxAspect = 8;

function imageView(image: ImageRef): BlockView {
  if (image.width > maxAspect * image.height) {
    return { kind: 'text', text: `**${image.alt}**: too wide to show in a card.`, note: '' };
  }
  return { kind: 'image', url: image.url, alt: truncate(image.alt, 200), note: '' };
}

/** A chart nobody drew: a bar chart's values as facts, other charts as one line that says what they hold. */
function chartFallback(chart: ChartSpec, budget: CardBudget): BlockView[] {
  if (chart.type === 'bar') {
    const values = chart.series[0]?.values ?? [];
    const shown = chart.labels.slice(0, budget.facts);
    const hidden = chart.labels.length - shown.length;
    return [
      { kind: 'text', text: `**${chart.title}**`, note: '' },
      {
        kind: 'facts',
        facts: shown.map((label, i) => ({ title: truncate(label, 60), value: String(values[i] ?? 0) })),
        note: hidden > 0 ? `… ${plural(hidden, 'more bar')} not shown.` : '',
      },
    ];
  }
  const count =
    chart.type === 'box'
      ? plural(chart.labels.length, 'group')
      : plural(
          chart.series.reduce((n, s) => n + s.points.length, 0),
          'point',
        );
  return [{ kind: 'text', text: `**${chart.title}**: ${count} in ${plural(chart.series.length, 'series')}`, note: '' }];
}

/** Text blocks that open with a warning sign are the step's headline findings: shown as a callout. */
function textView(markdown: string, budget: CardBudget): BlockView {
  const text = truncate(markdown, budget.textChars);
  const note = cutNote(markdown, budget.textChars);
  if (markdown.startsWith('⚠️')) return { kind: 'callout', text, style: 'warning', note };
  return { kind: 'text', text, note };
}

/** One Section block as card block views; `index` keeps element ids unique in the card. */
export function blockView(block: Block, budget: CardBudget, index: number): BlockView[] {
  switch (block.kind) {
    case 'facts': {
      const shown = block.facts.slice(0, budget.facts);
      const hidden = block.facts.length - shown.length;
      return [
        {
          kind: 'facts',
          facts: shown.map((f) => ({ title: f.label, value: truncate(f.value, budget.cellChars) })),
          note: hidden > 0 ? `… ${plural(hidden, 'more fact')} not shown.` : '',
        },
      ];
    }
    case 'text':
      return [textView(block.markdown, budget)];
    case 'code':
      return [codeView(block.text, budget)];
    case 'table':
      if (block.rows.length === 0) return [{ kind: 'text', text: '_No rows._', note: '' }];
      return [tableView(block, budget, index)];
    case 'chart':
      return block.image ? [imageView(block.image)] : chartFallback(block.chart, budget);
    case 'graph': {
      if (block.image) return [imageView(block.image)];
      const { title, nodes, edges } = block.graph;
      const text = `**${title}**: ${plural(nodes.length, 'node')}, ${plural(edges.length, 'edge')}`;
      return [{ kind: 'text', text, note: '' }];
    }
    case 'attachment': {
      const details = `${block.mimeType} · ${formatBytes(utf8Bytes(block.content))}`;
      return [{ kind: 'attachment', fileName: block.fileName, details, note: '' }];
    }
  }
}

/** Every block of a Section as views. */
export function blockViews(blocks: readonly Block[], budget: CardBudget): BlockView[] {
  return blocks.flatMap((block, i) => blockView(block, budget, i));
}
