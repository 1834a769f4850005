/**
 * One small pure view function per Section kind (the Section's `id` tells the kind): each picks the template in
 * `cards/` that lays that kind out and prepares its data. Unknown ids get the generic template.
 */
import type { Block, Fact, Section } from '../../core/section.js';
import { truncate } from '../text-limits.js';
import { bandFor, baseView } from './base-view.js';
import { codeView } from './block-views.js';
import type { CardBudget } from './card-budget.js';
import type { CardView, FactView, TileView } from './card-view.js';
import { severityColor } from './cell-color.js';
import { treeView } from './tree-view.js';

type SectionView = (section: Section, budget: CardBudget, notices: readonly string[]) => CardView;

/** Sections that are mostly tables (clusters, logons, related alerts, IoCs…), by id prefix. */
const tableSectionPrefixes = [
  'alerts',
  'alert-entities',
  'related-alerts',
  'host-processes',
  'host-logons',
  'failed-logons',
  'iocs',
  'threat-intel',
  'cmdline-elsewhere',
  'investigate',
];

/** Summary facts short enough to show as big numbers in a strip. */
const summaryFacts = 4;
const summaryValueChars = 24;

const severities = new Set(['high', 'medium', 'low', 'informational']);

/** The blocks without the first one of `kind`, and that one. */
function takeFirst<K extends Block['kind']>(
  blocks: readonly Block[],
  kind: K,
): [Extract<Block, { kind: K }> | undefined, Block[]] {
  const at = blocks.findIndex((block) => block.kind === kind);
  if (at < 0) return [undefined, [...blocks]];
  return [blocks[at] as Extract<Block, { kind: K }>, blocks.filter((_, i) => i !== at)];
}

function factViews(facts: readonly Fact[], budget: CardBudget): FactView[] {
  return facts.slice(0, budget.facts).map((f) => ({ title: f.label, value: truncate(f.value, budget.cellChars) }));
}

/** Stat tiles side by side: more than three in a row squeeze their labels mid-word. */
const tilesPerRow = 3;

function inRows(items: readonly TileView[], perRow: number): { tiles: TileView[] }[] {
  const rows: { tiles: TileView[] }[] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push({ tiles: items.slice(i, i + perRow) });
  return rows;
}

function tiles(facts: readonly Fact[]): TileView[] {
  return facts.map((f) => ({ label: f.label, value: truncate(f.value, 60) }));
}

/** `High` from the Severity fact, else from the subtitle's first part (`Medium · 2019-01-15 …`), else ''. */
function severityOf(section: Section, facts: readonly Fact[]): string {
  const fact = facts.find((f) => f.label === 'Severity')?.value;
  const fromSubtitle = section.subtitle?.split(' · ')[0] ?? '';
  return fact ?? (severities.has(fromSubtitle.toLowerCase()) ? fromSubtitle : '');
}

const alertSummaryView: SectionView = (section, budget, notices) => {
  const [facts, rest] = takeFirst(section.blocks, 'facts');
  const [code, others] = takeFirst(rest, 'code');
  const shownFacts = facts?.facts ?? [];
  const base = baseView({ ...section, blocks: others }, budget, notices);
  const hidden = shownFacts.length - budget.facts;
  const severity = severityOf(section, shownFacts);
  return {
    template: 'alert-summary',
    data: {
      ...base,
      warnings: [...base.warnings, ...(hidden > 0 ? [`${hidden} more facts not shown.`] : [])],
      band: { ...bandFor(section.tone, severity.toUpperCase()), color: severityColor(severity) },
      facts: factViews(shownFacts, budget),
      commandLines: code ? [codeView(code.text, budget)] : [],
    },
  };
};

const processTreeView: SectionView = (section, budget, notices) => {
  const [facts, rest] = takeFirst(section.blocks, 'facts');
  const [code, others] = takeFirst(rest, 'code');
  return {
    template: 'process-tree',
    data: {
      ...baseView({ ...section, blocks: others }, budget, notices),
      statRows: inRows(tiles(facts?.facts ?? []), tilesPerRow),
      trees: code ? [{ ...treeView(code.text, budget.codeChars), caption: 'Process tree (◀ the alert process)' }] : [],
    },
  };
};

const verdictView: SectionView = (section, budget, notices) => {
  // The headline is the title; the score line goes under the signals, small.
  const isHeadline = (b: Block) => b.kind === 'text' && b.markdown === `**${section.title}**`;
  const isScore = (b: Block) => b.kind === 'text' && b.markdown.startsWith('Score:');
  const score = section.blocks.find(isScore);
  const blocks = section.blocks.filter((b) => !isHeadline(b) && !isScore(b));
  return {
    template: 'verdict',
    data: {
      ...baseView({ ...section, blocks }, budget, notices),
      band: bandFor(section.tone, 'VERDICT'),
      score: score?.kind === 'text' ? truncate(score.markdown, budget.textChars) : '',
    },
  };
};

const helpView: SectionView = (section, budget, notices) => {
  const [table, rest] = takeFirst(section.blocks, 'table');
  const keys = new Set(table?.columns.map((c) => c.key));
  const isCommandList = table !== undefined && keys.has('usage') && keys.has('summary');
  const commands = isCommandList
    ? table.rows.map((row) => ({ usage: row.usage ?? '', summary: row.summary ?? '' }))
    : [];
  return {
    template: 'help',
    data: { ...baseView({ ...section, blocks: isCommandList ? rest : section.blocks }, budget, notices), commands },
  };
};

const tableSectionView: SectionView = (section, budget, notices) => {
  const [facts, rest] = takeFirst(section.blocks, 'facts');
  const asSummary =
    facts !== undefined &&
    facts.facts.length <= summaryFacts &&
    facts.facts.every((f) => f.value.length <= summaryValueChars);
  return {
    template: 'table',
    data: {
      ...baseView({ ...section, blocks: asSummary ? rest : section.blocks }, budget, notices),
      summary: asSummary ? tiles(facts.facts) : [],
    },
  };
};

const errorView: SectionView = (section, budget, notices) => ({
  template: 'error',
  data: baseView(section, budget, notices),
});

const genericView: SectionView = (section, budget, notices) => ({
  template: 'generic',
  data: baseView(section, budget, notices),
});

/** The view function for a Section, by its id (and its status: every failure gets the error layout). */
export function viewFor(section: Section): SectionView {
  if (section.id === 'error' || (section.status === 'failed' && section.problem)) return errorView;
  switch (section.id) {
    case 'alert-summary':
    case 'investigation':
      return alertSummaryView;
    case 'process-tree':
      return section.blocks.some((b) => b.kind === 'code') ? processTreeView : genericView;
    case 'verdict':
      return verdictView;
    case 'help':
      return helpView;
  }
  return tableSectionPrefixes.some((prefix) => section.id.startsWith(prefix)) ? tableSectionView : genericView;
}

/** The template and data of a Section's card within `budget`. */
export function sectionView(section: Section, budget: CardBudget, notices: readonly string[] = []): CardView {
  return viewFor(section)(section, budget, notices);
}
