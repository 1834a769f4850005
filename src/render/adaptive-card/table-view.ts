/**
 * A Section table as a card table: column widths from their content (a severity column stays narrow, a command
 * line gets room), the first rows shown, the next ones behind a toggle, the rest counted — never dropped silently.
 */
import type { Block, TableColumn } from '../../core/section.js';
import { truncate } from '../text-limits.js';
import { type CardBudget, wholeTableSlack } from './card-budget.js';
import type { CellView, RecordsView, RowView, TableView } from './card-view.js';
import { cellColor } from './cell-color.js';
import { isMarkdownSafe } from './markdown-safety.js';
import { recordView } from './records-view.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** The table width the weights are solved for: a Teams chat card, less its padding. */
const tableWidthPx = 520;
/** Rough character widths of the small card font (proportional, bold headers, monospace) and a cell's padding. */
const charPx = 7;
const headerCharPx = 8;
const monoCharPx = 7.5;
const cellPaddingPx = 22;
/** Longest word that sets a column's minimum width; longer ones wrap (or, shown verbatim, overflow). */
const wordCap = 30;
/** When the minimums do not fit, words that can wrap count for at most this many characters, shrinking. */
const breakableCaps = [30, 20, 14, 10];
/** Up to this many characters, wanted width grows with the text; beyond, only with its square root. */
const linearChars = 12;

/** The 90th-percentile length of a column's texts: a few long outliers do not widen it. */
function typicalLength(texts: readonly string[]): number {
  const lengths = texts.map((t) => t.length).sort((a, b) => a - b);
  return lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.9))] ?? 0;
}

function longestWord(texts: readonly string[]): number {
  let longest = 0;
  for (const text of texts) for (const word of text.split(/\s+/)) longest = Math.max(longest, word.length);
  return longest;
}

/** A column's texts as the solver sees them. */
export interface ColumnTexts {
  header: string;
  cells: readonly string[];
  mono: boolean;
  /** Cells shown verbatim (a TextRun): their long words cannot wrap. */
  verbatim: readonly boolean[];
}

/** What a column needs (its longest word unbroken) and wants (room for its typical text), in pixels. */
interface ColumnNeed {
  minPx: number;
  wantPx: number;
  /** Room for its typical text on one line: where spare width goes first. */
  fullPx: number;
}

function columnNeed(column: ColumnTexts, breakableCap: number): ColumnNeed {
  const px = column.mono ? monoCharPx : charPx;
  const fixed = column.cells.filter((_, i) => column.verbatim[i]);
  const breakable = column.cells.filter((_, i) => !column.verbatim[i]);
  const headerWord = Math.min(longestWord([column.header]), wordCap);
  const cellWord = Math.max(Math.min(longestWord(fixed), wordCap), Math.min(longestWord(breakable), breakableCap));
  const minPx = Math.max(headerWord * headerCharPx, cellWord * px) + cellPaddingPx;
  const typical = Math.max(typicalLength(column.cells), headerWord);
  const wanted = typical <= linearChars ? typical : linearChars + 2 * Math.sqrt(typical - linearChars);
  const wantPx = Math.max(minPx, wanted * px + cellPaddingPx);
  return { minPx, wantPx, fullPx: Math.max(wantPx, typical * px + cellPaddingPx) };
}

/** Spare width (the wants fit with room left) goes to the columns whose text would still wrap. */
function shareSpare(needs: readonly ColumnNeed[]): number[] {
  const spare = tableWidthPx - needs.reduce((n, c) => n + c.wantPx, 0);
  const hunger = needs.map((c) => c.fullPx - c.wantPx);
  const totalHunger = hunger.reduce((a, b) => a + b, 0);
  if (totalHunger <= 0) return needs.map((c) => c.wantPx);
  return needs.map((c, i) => c.wantPx + (spare * (hunger[i] ?? 0)) / totalHunger);
}

/** Pixel widths at `tableWidthPx`: every column at least its minimum, the rest shared by what they want. */
function solveWidths(needs: readonly ColumnNeed[]): number[] {
  if (needs.reduce((n, c) => n + c.wantPx, 0) <= tableWidthPx) return shareSpare(needs);
  const fixed = new Set<number>();
  let widths = needs.map((c) => c.wantPx);
  // Each round pins the columns that fell below their minimum and re-shares the rest; at most one round per column.
  for (let round = 0; round <= needs.length; round++) {
    const pinnedPx = [...fixed].reduce((n, i) => n + (needs[i]?.minPx ?? 0), 0);
    const freeWant = needs.reduce((n, c, i) => n + (fixed.has(i) ? 0 : c.wantPx), 0);
    const scale = freeWant > 0 ? (tableWidthPx - pinnedPx) / freeWant : 1;
    widths = needs.map((c, i) => (fixed.has(i) ? c.minPx : c.wantPx * scale));
    const below = needs.filter((c, i) => !fixed.has(i) && (widths[i] ?? 0) < c.minPx);
    if (below.length === 0) break;
    needs.forEach((c, i) => {
      if ((widths[i] ?? 0) < c.minPx) fixed.add(i);
    });
  }
  return widths;
}

/**
 * Relative column widths (Adaptive Card table weights) from the header and cell texts: every column gets room for
 * its longest word (so "Severity" never wraps mid-word), long columns share the rest sub-linearly, so one long
 * command line does not squeeze every other column. When the longest words do not all fit, words that can wrap
 * give way first; only then do the minimums shrink in proportion.
 * @example columnWeights([{ header: 'Severity', cells: ['High'], mono: false, verbatim: [false] }, …])
 */
export function columnWeights(columns: readonly ColumnTexts[]): number[] {
  const needsAt = (cap: number) => columns.map((column) => columnNeed(column, cap));
  const fitting = breakableCaps.map(needsAt).find((needs) => needs.reduce((n, c) => n + c.minPx, 0) <= tableWidthPx);
  const widths = fitting ? solveWidths(fitting) : needsAt(breakableCaps.at(-1) ?? wordCap).map((c) => c.minPx);
  return widths.map((px) => Math.max(1, Math.round(px)));
}

/** True when every column gets its longest word (wrappable words cut to 10 characters) at card width. */
export function fitsAsGrid(columns: readonly ColumnTexts[]): boolean {
  const smallest = breakableCaps.at(-1) ?? wordCap;
  return columns.reduce((n, column) => n + columnNeed(column, smallest).minPx, 0) <= tableWidthPx;
}

function rowView(columns: readonly TableColumn[], row: Record<string, string>, cellChars: number): RowView {
  return {
    cells: columns.map(
      (column): CellView => ({
        text: truncate(row[column.key] ?? '', cellChars),
        verbatim: !isMarkdownSafe(row[column.key] ?? ''),
        font: column.mono ? 'Monospace' : 'Default',
        color: cellColor(column, row[column.key] ?? ''),
        weight: 'Default',
      }),
    ),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the card leaves out of a table, in words ('' when nothing). */
export function overflowNote(notShown: number, total: number): string {
  if (notShown <= 0) return '';
  return `… ${plural(notShown, 'more row')} not shown (${total} in all).`;
}

/** The rows a card shows of a table: the first ones, the next behind a toggle, and the total. */
export function splitRows(block: TableBlock, budget: CardBudget) {
  const whole = block.rows.length <= budget.visibleRows + wholeTableSlack;
  const shown = whole ? block.rows : block.rows.slice(0, budget.visibleRows);
  const more = whole ? [] : block.rows.slice(shown.length, shown.length + budget.moreRows);
  const total = Math.max(block.totalRows, block.rows.length);
  return { shown, more, total, note: overflowNote(total - shown.length - more.length, total) };
}

/**
 * The card view of a table block: a grid when its columns fit the card, else a list of records (a seven-column
 * table in a chat card wraps every word mid-way). `index` makes the toggle's element id unique in the card.
 */
export function tableView(block: TableBlock, budget: CardBudget, index: number): TableView | RecordsView {
  const { shown, more, note } = splitRows(block, budget);
  const visible = [...shown, ...more];
  const columns = block.columns.map((c): ColumnTexts => {
    const raw = visible.map((row) => row[c.key] ?? '');
    return {
      header: c.label,
      cells: raw.map((text) => truncate(text, budget.cellChars)),
      mono: c.mono ?? false,
      verbatim: raw.map((text) => !isMarkdownSafe(text)),
    };
  });
  const moreId = `more-rows-${index}`;
  const moreLabel = `Show ${plural(more.length, 'more row')}`;
  if (!fitsAsGrid(columns)) {
    const record = (row: Record<string, string>) => recordView(block.columns, row, budget.cellChars);
    return { kind: 'records', records: shown.map(record), moreRecords: more.map(record), moreId, moreLabel, note };
  }
  return {
    kind: 'table',
    columns: columnWeights(columns).map((width) => ({ width })),
    header: block.columns.map((c) => ({ text: c.label })),
    rows: shown.map((row) => rowView(block.columns, row, budget.cellChars)),
    moreRows: more.map((row) => rowView(block.columns, row, budget.cellChars)),
    moreId,
    moreLabel,
    note,
  };
}
