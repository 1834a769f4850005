/**
 * Small builders the steps share: capped tables (renderers say "N more"), counts as words, and the empty Section
 * a step returns when the window holds no data.
 */
import type { Block, NextAction, Section, TableColumn } from '../../core/section.js';
import { section } from '../../core/section.js';

/** The most rows a step table carries; `totalRows` keeps the real count. */
export const maxTableRows = 50;

/** A table block of at most `cap` rows, with the full count in `totalRows`. */
export function cappedTable(
  columns: TableColumn[],
  rows: readonly Record<string, string>[],
  cap = maxTableRows,
): Block {
  return { kind: 'table', columns, rows: rows.slice(0, cap), totalRows: rows.length };
}

/**
 * `1 process`, `3 processes`: a count with its noun.
 * @example counted(2, 'host') // '2 hosts'
 */
export function counted(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** A Section saying a step found nothing to show, and why — an answer, not a failure. */
export function emptySection(init: {
  id: string;
  title: string;
  subtitle: string;
  markdown: string;
  actions?: NextAction[];
  warnings?: string[];
}): Section {
  return section({
    id: init.id,
    title: init.title,
    subtitle: init.subtitle,
    status: 'empty',
    blocks: [{ kind: 'text', markdown: init.markdown }],
    actions: init.actions ?? [],
    warnings: init.warnings ?? [],
  });
}

/** Items grouped by `key(item)`, largest group first (ties by key), skipping null keys. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | null): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Counts of `key(item)` over items, largest first (ties by key), skipping null keys. */
export function countBy<T>(items: readonly T[], key: (item: T) => string | null): [string, number][] {
  return groupBy(items, key).map(([k, group]) => [k, group.length]);
}
