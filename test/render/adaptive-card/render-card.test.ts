/**
 * Section → card on made-up Sections that push the edges: hostile text, Markdown in data, tables and texts far
 * over Teams' 28 KB, hundreds of blocks, images and their text fallbacks, attachments, many buttons, progress.
 */
import { describe, expect, it } from 'vitest';
import { type Block, type Section, section } from '../../../src/core/section.js';
import {
  type CardElement,
  cardBytes,
  progressCard,
  sectionToCard,
  shortenedNotice,
} from '../../../src/render/adaptive-card/render-card.js';
import { cardProblems } from './card-checks.js';

type Node = Record<string, unknown>;

function nodes(card: unknown): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      found.push(value as Node);
      Object.values(value).forEach(visit);
    }
  };
  visit(card);
  return found;
}

const ofType = (card: CardElement, type: string) => nodes(card).filter((n) => n.type === type);

function tableSection(rows: number, cellText: (r: number, c: number) => string, totalRows = rows, width = 6): Section {
  const columns = ['time', 'severity', 'process', 'commandLine', 'account', 'host'].slice(0, width).map((key, i) => ({
    key,
    label: key,
    mono: i === 3,
  }));
  const block: Block = {
    kind: 'table',
    columns,
    rows: Array.from({ length: rows }, (_, r) => Object.fromEntries(columns.map((c, i) => [c.key, cellText(r, i)]))),
    totalRows,
  };
  return section({ id: 'host-processes', title: 'Processes', blocks: [block] });
}

describe('sectionToCard', () => {
  it('binds hostile text as data: template bindings, `<script>` and Markdown come out as they went in', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} in the data is the point.
    const hostile = 'cmd /c "echo ${evil} <script>alert(1)</script> **bold** \\??\\C:\\x"';
    const card = sectionToCard(
      section({
        id: 'alert-summary',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} in the data is the point.
        title: 'T ${title}',
        blocks: [{ kind: 'code', text: hostile }, tableSection(1, () => hostile).blocks[0]!],
      }),
    );
    expect(cardProblems(card, { dataHasBindings: true })).toEqual([]);
    const texts = nodes(card).map((n) => n.text);
    expect(texts).toContain(hostile);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${…} in the data is the point.
    expect(texts).toContain('T ${title}');
  });

  it('puts text Markdown would change into verbatim TextRuns, the rest into wrapping TextBlocks', () => {
    const card = sectionToCard(
      tableSection(1, (_, c) => (c === 1 ? '\\??\\C:\\Windows\\conhost.exe 0xffffffff' : 'C:\\Windows\\cmd.exe'), 1, 3),
    );
    const runs = ofType(card, 'TextRun').map((n) => n.text);
    expect(runs).toContain('\\??\\C:\\Windows\\conhost.exe 0xffffffff');
    const blocks = ofType(card, 'TextBlock').filter((n) => n.text === 'C:\\Windows\\cmd.exe');
    expect(blocks.length).toBe(2);
    expect(blocks.every((n) => n.wrap === true)).toBe(true);
  });

  it('keeps a 500-row table of long cells within 28 KB: fewer rows, shorter cells, and says so', () => {
    const big = tableSection(50, (r, c) => `row ${r} col ${c} ${'x'.repeat(280)}`, 500);
    const card = sectionToCard(big);
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThanOrEqual(28_000);
    const text = JSON.stringify(card);
    expect(text).toContain(shortenedNotice);
    expect(text).toMatch(/… \d+ more rows not shown \(500 in all\)\./);
  });

  it('shows the first rows of a long table and the next behind a toggle, counting the rest', () => {
    const card = sectionToCard(tableSection(50, (r, c) => `r${r}c${c}`, 80, 3));
    expect(cardProblems(card)).toEqual([]);
    const [shown, hidden] = ofType(card, 'Table') as { rows: unknown[]; isVisible?: boolean; id?: string }[];
    expect(shown?.rows).toHaveLength(11); // header + 10
    expect(hidden).toMatchObject({ isVisible: false, id: 'more-rows-0' });
    expect(hidden?.rows).toHaveLength(40);
    expect(ofType(card, 'Action.ToggleVisibility')[0]).toMatchObject({ title: 'Show 40 more rows' });
    expect(JSON.stringify(card)).toContain('… 30 more rows not shown (80 in all).');
  });

  it('shows a table too wide for the card as records: the first cell bold, the others as label and value', () => {
    const card = sectionToCard(tableSection(20, (r, c) => `row${r}-column${c}-value`, 20));
    expect(cardProblems(card)).toEqual([]);
    expect(ofType(card, 'Table')).toHaveLength(0);
    const runs = ofType(card, 'TextRun');
    expect(runs.find((n) => n.text === 'row0-column0-value')).toMatchObject({ weight: 'Bolder' });
    expect(runs.find((n) => n.text === 'severity ')).toMatchObject({ isSubtle: true });
    expect(runs.find((n) => n.text === 'row0-column3-value')).toMatchObject({ fontType: 'Monospace' });
    expect(ofType(card, 'Action.ToggleVisibility')[0]).toMatchObject({ title: 'Show 10 more rows' });
    expect(nodes(card).find((n) => n.id === 'more-rows-0')).toMatchObject({ type: 'Container', isVisible: false });
  });

  it('shows a table of 12 rows whole: a toggle for two rows helps nobody', () => {
    const card = sectionToCard(tableSection(12, (r, c) => `r${r}c${c}`));
    expect(ofType(card, 'Table')).toHaveLength(1);
    expect(ofType(card, 'Action.ToggleVisibility')).toHaveLength(0);
  });

  it('cuts a 200 KB text and a 100 KB code block to fit, saying how much was cut', () => {
    const card = sectionToCard(
      section({
        id: 'iocs',
        title: 'Decoded',
        blocks: [
          { kind: 'text', markdown: 'word '.repeat(40_000) },
          { kind: 'code', text: 'A'.repeat(100_000) },
        ],
      }),
    );
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/Cut to [\d,]+ of 200,000 characters\./);
    expect(JSON.stringify(card)).toMatch(/Cut to [\d,]+ of 100,000 characters\./);
  });

  it('answers hundreds of blocks with a small card that says it is too big', () => {
    const blocks: Block[] = Array.from({ length: 600 }, (_, i) => ({
      kind: 'text',
      markdown: `part ${i} ${'y'.repeat(80)}`,
    }));
    const card = sectionToCard(
      section({ id: 'x', title: 'Huge', blocks, actions: [{ label: 'Help', command: 'help' }] }),
    );
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('600 parts, too many for one Teams card');
    expect(card.actions).toHaveLength(1);
  });

  it('shows drawn charts and graphs as images, undrawn ones as text that keeps their data', () => {
    const image = {
      url: 'https://bot.example/charts/0123456789abcdef0123456789abcdef.png',
      alt: 'Alerts by type',
      width: 900,
      height: 400,
    };
    const chart = {
      type: 'bar' as const,
      title: 'Alerts by type',
      labels: ['A', 'B'],
      series: [{ name: 'n', values: [3, 1] }],
    };
    const graph = { title: 'Entities', nodes: [{ id: 'a', label: 'a', kind: 'host' }], edges: [] };
    const card = sectionToCard(
      section({
        id: 'alerts-overview',
        title: 'Alerts',
        blocks: [
          { kind: 'chart', chart, image },
          { kind: 'chart', chart },
          { kind: 'graph', graph },
          { kind: 'graph', graph, image: { ...image, alt: 'Wide tree', width: 1024, height: 26 } },
        ],
      }),
    );
    expect(cardProblems(card)).toEqual([]);
    expect(ofType(card, 'Image')).toEqual([
      { type: 'Image', url: image.url, altText: 'Alerts by type', size: 'Stretch' },
    ]);
    expect(ofType(card, 'FactSet')[0]).toMatchObject({
      facts: [
        { title: 'A', value: '3' },
        { title: 'B', value: '1' },
      ],
    });
    const texts = nodes(card).map((n) => n.text);
    expect(texts).toContain('**Entities**: 1 node, 0 edges');
    expect(texts).toContain('**Wide tree**: too wide to show in a card.');
  });

  it('names an attached document with its type and size', () => {
    const card = sectionToCard(
      section({
        id: 'export',
        title: 'Export',
        blocks: [
          { kind: 'attachment', fileName: 'socbot-x.md', mimeType: 'text/markdown', content: 'é'.repeat(1_500) },
        ],
      }),
    );
    expect(cardProblems(card)).toEqual([]);
    const texts = nodes(card).map((n) => n.text);
    expect(texts).toContain('socbot-x.md');
    expect(texts).toContain('text/markdown · 3.0 KB');
  });

  it('keeps five buttons in the action bar and the rest behind "More…"', () => {
    const actions = Array.from({ length: 8 }, (_, i) => ({ label: `Action ${i}`, command: `cmd ${i}` }));
    const card = sectionToCard(section({ id: 'x', title: 'Many', actions }));
    expect(cardProblems(card)).toEqual([]);
    const bar = card.actions as Node[];
    expect(bar).toHaveLength(6);
    expect(bar[5]).toMatchObject({ type: 'Action.ShowCard', title: 'More…' });
    const more = ofType(bar[5] as CardElement, 'Action.Submit').map((n) => (n.data as { command: string }).command);
    expect(more).toEqual(['cmd 5', 'cmd 6', 'cmd 7']);
  });

  it('shows a problem with its hint and reference', () => {
    const card = sectionToCard({
      ...section({ id: 'error', title: 'Something went wrong', status: 'failed', tone: 'attention' }),
      problem: { code: 'Unexpected', message: 'It broke.', hint: 'Try again.', correlationId: 'abc-123' },
    });
    expect(cardProblems(card)).toEqual([]);
    const facts = ofType(card, 'FactSet')[0]?.facts;
    expect(facts).toEqual([
      { title: 'Problem', value: 'Unexpected' },
      { title: 'Reference', value: 'abc-123' },
    ]);
  });
});

describe('progressCard', () => {
  it('shows the title, "3/10 steps", a bar and the current step', () => {
    const card = progressCard('Investigating FTP -s', 3, 10, 'Process tree');
    expect(cardProblems(card)).toEqual([]);
    const texts = nodes(card).map((n) => n.text);
    expect(texts).toEqual(expect.arrayContaining(['Investigating FTP -s', '3/10 steps', 'Now: Process tree']));
    expect(ofType(card, 'Column').map((c) => c.width)).toEqual([3, 7]);
  });

  it('says done at the end, with a full bar and no current step', () => {
    const card = progressCard('Investigating FTP -s', 10, 10);
    expect(cardProblems(card)).toEqual([]);
    expect(nodes(card).map((n) => n.text)).toContain('10/10 steps · done');
    expect(ofType(card, 'Column').map((c) => c.width)).toEqual([10]);
  });
});
