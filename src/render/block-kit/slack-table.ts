/**
 * A Section table as a monospace, column-aligned text table in ``` blocks: Slack messages have no table that
 * reads better within a section's 3,000 characters. Pure.
 */
import type { Block } from '../../core/section.js';
import { truncate } from '../text-limits.js';
import { escapeSlack } from './slack-text.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** Widest line before columns shrink: wider lines wrap in Slack's code blocks and lose their alignment. */
const lineWidth = 120;
/** Widest column; text columns shrink first (down to `textFloor`), so ids and paths stay whole longest. */
const maxColumn = { mono: 60, text: 40 } as const;
const textFloor = 16;
const minColumn = 6;
const gap = '  ';

/** A table rendered as text: ``` blocks (the header repeated in each) and how many rows they show. */
export interface TextTable {
  pieces: string[];
  shownRows: number;
}

function cleanCell(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(/```/g, "'''");
}

function columnToShrink(widths: readonly number[], mono: readonly boolean[]): number {
  let text = -1;
  let any = -1;
  widths.forEach((w, c) => {
    if (!mono[c] && w > textFloor && (text < 0 || w > widths[text]!)) text = c;
    if (w > minColumn && (any < 0 || w > widths[any]!)) any = c;
  });
  return text >= 0 ? text : any;
}

/** Column widths: each column's widest cell, capped, then the widest columns shrink until a line fits. */
export function columnWidths(labels: readonly string[], rows: readonly string[][], mono: readonly boolean[]): number[] {
  const widths = labels.map((label, c) => {
    const widest = rows.reduce((w, row) => Math.max(w, row[c]?.length ?? 0), label.length);
    return Math.min(widest, mono[c] ? maxColumn.mono : maxColumn.text);
  });
  let total = widths.reduce((a, b) => a + b, 0) + gap.length * (widths.length - 1);
  while (total > lineWidth) {
    const column = columnToShrink(widths, mono);
    if (column < 0) break;
    widths[column]! -= 1;
    total -= 1;
  }
  return widths;
}

function line(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, c) => truncate(cell, widths[c]!).padEnd(widths[c]!))
    .join(gap)
    .trimEnd();
}

/**
 * Renders up to `maxRows` rows as at most `maxPieces` ``` blocks of at most `pieceChars` characters each (escaped),
 * the header repeated in each so every piece reads on its own.
 */
export function tableToMrkdwn(
  block: TableBlock,
  maxRows: number,
  limits: { pieceChars: number; maxPieces: number },
): TextTable {
  const labels = block.columns.map((c) => cleanCell(c.label));
  const rows = block.rows.slice(0, maxRows).map((row) => block.columns.map((c) => cleanCell(row[c.key] ?? '')));
  const widths = columnWidths(
    labels,
    rows,
    block.columns.map((c) => c.mono === true),
  );
  const head = [line(labels, widths), widths.map((w) => '─'.repeat(w)).join(gap)].map(escapeSlack).join('\n');
  const empty = '```\n'.length + head.length + '\n```'.length;
  const pieces: string[][] = [];
  let length = Number.POSITIVE_INFINITY;
  let shownRows = 0;
  for (const row of rows) {
    const text = escapeSlack(line(row, widths));
    if (length + 1 + text.length > limits.pieceChars) {
      if (pieces.length === limits.maxPieces || empty + 1 + text.length > limits.pieceChars) break;
      pieces.push([head]);
      length = empty;
    }
    pieces.at(-1)!.push(text);
    length += 1 + text.length;
    shownRows += 1;
  }
  return { pieces: pieces.map((lines) => `\`\`\`\n${lines.join('\n')}\n\`\`\``), shownRows };
}
