/**
 * A table row as a record, for tables too wide for a chat card's columns: the first cell as a bold title, the
 * others as "label value" pairs flowing below it — every value verbatim (TextRuns), nothing dropped.
 */
import type { TableColumn } from '../../core/section.js';
import { truncate } from '../text-limits.js';
import type { RecordView, RunView } from './card-view.js';
import { cellColor } from './cell-color.js';

const separator: RunView = { text: '   ·   ', font: 'Default', weight: 'Default', color: 'Default', subtle: true };

function valueRun(column: TableColumn, text: string, bold: boolean): RunView {
  return {
    text,
    font: column.mono ? 'Monospace' : 'Default',
    weight: bold ? 'Bolder' : 'Default',
    color: cellColor(column, text),
    subtle: false,
  };
}

/** One row as a record; empty cells are left out of the details. */
export function recordView(
  columns: readonly TableColumn[],
  row: Record<string, string>,
  cellChars: number,
): RecordView {
  const [first, ...rest] = columns;
  const cell = (column: TableColumn) => truncate(row[column.key] ?? '', cellChars);
  const details = rest
    .filter((column) => cell(column) !== '')
    .flatMap((column, i): RunView[] => [
      ...(i > 0 ? [separator] : []),
      { text: `${column.label} `, font: 'Default', weight: 'Default', color: 'Default', subtle: true },
      valueRun(column, cell(column), false),
    ]);
  return { title: first ? [valueRun(first, cell(first) || '—', true)] : [], details };
}
