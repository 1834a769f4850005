/**
 * Section → Adaptive Card (schema 1.5, what Teams supports). Pure. Buttons are `Action.Submit` whose data
 * carries the command to run, so every channel handles a click like a typed command.
 */
import type { Block, ChartSpec, ImageRef, Section } from '../../core/section.js';
import { limits, truncate } from '../text-limits.js';

/** An Adaptive Card element or card, as JSON. */
export type CardElement = Record<string, unknown>;

/** The payload a button click submits. */
export interface SubmitData {
  command: string;
}

const toneColor = {
  default: 'Default',
  attention: 'Attention',
  warning: 'Warning',
  good: 'Good',
  accent: 'Accent',
} as const;

function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function chartElements(chart: ChartSpec): CardElement[] {
  // A chart not drawn as an image shows as a compact fact set, so no information is hidden.
  if (chart.type === 'bar') {
    const values = chart.series[0]?.values ?? [];
    return [
      textBlock(chart.title, { weight: 'Bolder', spacing: 'Medium' }),
      {
        type: 'FactSet',
        facts: chart.labels
          .slice(0, 15)
          .map((label, i) => ({ title: truncate(label, 60), value: String(values[i] ?? 0) })),
      },
    ];
  }
  const points = chart.series.reduce((n, s) => n + ('points' in s ? s.points.length : 0), 0);
  return [textBlock(`${chart.title}: ${points} points in ${chart.series.length} series`, { isSubtle: true })];
}

function imageElement(image: ImageRef): CardElement {
  return { type: 'Image', url: image.url, altText: truncate(image.alt, 200), size: 'Stretch', spacing: 'Medium' };
}

function tableElement(block: Extract<Block, { kind: 'table' }>, maxRows: number): CardElement[] {
  if (block.rows.length === 0) return [textBlock('No rows.', { isSubtle: true })];
  const shown = block.rows.slice(0, maxRows);
  const cell = (text: string, mono = false, bold = false): CardElement => ({
    type: 'TableCell',
    items: [
      textBlock(truncate(text, limits.tableCell), {
        ...(mono ? { fontType: 'Monospace' } : {}),
        ...(bold ? { weight: 'Bolder' } : {}),
        size: 'Small',
      }),
    ],
  });
  const elements: CardElement[] = [
    {
      type: 'Table',
      gridStyle: 'accent',
      firstRowAsHeader: true,
      columns: block.columns.map(() => ({ width: 1 })),
      rows: [
        { type: 'TableRow', style: 'accent', cells: block.columns.map((c) => cell(c.label, false, true)) },
        ...shown.map((row) => ({ type: 'TableRow', cells: block.columns.map((c) => cell(row[c.key] ?? '', c.mono)) })),
      ],
    },
  ];
  const hidden = block.totalRows - shown.length;
  if (hidden > 0)
    elements.push(
      textBlock(`… ${hidden} more ${hidden === 1 ? 'row' : 'rows'} not shown.`, { isSubtle: true, size: 'Small' }),
    );
  return elements;
}

function blockElements(block: Block, maxRows: number): CardElement[] {
  switch (block.kind) {
    case 'facts':
      return [
        {
          type: 'FactSet',
          facts: block.facts.map((f) => ({ title: f.label, value: truncate(f.value, limits.tableCell) })),
        },
      ];
    case 'text':
      return [textBlock(block.markdown)];
    case 'code':
      return [
        {
          type: 'Container',
          style: 'emphasis',
          items: [textBlock(truncate(block.text, limits.codeBlock), { fontType: 'Monospace', size: 'Small' })],
        },
      ];
    case 'table':
      return tableElement(block, maxRows);
    case 'chart':
      return block.image ? [imageElement(block.image)] : chartElements(block.chart);
    case 'graph':
      if (block.image) return [imageElement(block.image)];
      return [
        textBlock(`${block.graph.title}: ${block.graph.nodes.length} nodes, ${block.graph.edges.length} edges`, {
          isSubtle: true,
        }),
      ];
  }
}

function buildCard(section: Section, maxRows: number): CardElement {
  const body: CardElement[] = [
    textBlock(section.title, { size: 'Medium', weight: 'Bolder', color: toneColor[section.tone ?? 'default'] }),
  ];
  if (section.subtitle) body.push(textBlock(section.subtitle, { isSubtle: true, spacing: 'None' }));
  for (const warning of section.warnings) body.push(textBlock(`⚠️ ${warning}`, { color: 'Warning', size: 'Small' }));
  if (section.problem) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [
        textBlock(section.problem.message, { weight: 'Bolder' }),
        ...(section.problem.hint ? [textBlock(section.problem.hint)] : []),
      ],
    });
  }
  for (const block of section.blocks) body.push(...blockElements(block, maxRows));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(section.actions.length > 0
      ? {
          actions: section.actions.slice(0, 6).map((action) => ({
            type: 'Action.Submit',
            title: truncate(action.label, 50),
            ...(action.style === 'primary' ? { style: 'positive' } : {}),
            data: { command: action.command } satisfies SubmitData,
          })),
        }
      : {}),
  };
}

/** Renders one Section as an Adaptive Card within Teams' size budget (tables shrink until it fits). */
export function sectionToCard(section: Section): CardElement {
  let maxRows: number = limits.tableRows;
  let card = buildCard(section, maxRows);
  while (Buffer.byteLength(JSON.stringify(card)) > limits.teamsCardBytes && maxRows > 1) {
    maxRows = Math.floor(maxRows / 2);
    card = buildCard(section, maxRows);
  }
  return card;
}
