/**
 * `export <alertId> [md|html|json]`: the investigation as one document — real investigations (the FTP -s alert on
 * msticpy's data, a demo alert through the whole core), hostile command lines escaped in HTML, and the `export`
 * Section that hands the document over.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Section, section } from '../../../src/core/section.js';
import { exportCommand, exportSection } from '../../../src/investigation/commands/export.js';
import { exportDocument, exportFileName, findAttachment } from '../../../src/render/export/export-document.js';
import { fulfilDocumentRequests } from '../../../src/render/export/fulfil-document-requests.js';
import { escapeHtml, markdownToHtml } from '../../../src/render/export/html-text.js';
import { sectionsToMarkdown } from '../../../src/render/markdown/render-markdown.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import { demoAnswers, ftpAlertId, ftpInvestigation } from '../adaptive-card/real-sections.js';

const exportedAt = new Date('2019-01-16T00:00:00Z');
const hostileLine =
  'cmd /c "<script>alert(document.cookie)</script>" & echo "quoted" \'single\' && <img src=x onerror=alert(1)>';

function hostileSection(): Section {
  return section({
    id: 'alert-summary',
    title: 'Alert <b>bold</b>',
    subtitle: '<i>sub</i>',
    warnings: ['<warn>'],
    blocks: [
      { kind: 'code', text: hostileLine },
      { kind: 'facts', facts: [{ label: '<label>', value: hostileLine }] },
      { kind: 'text', markdown: `**Found** \`${hostileLine}\`\n- one <x>\n- two` },
      {
        kind: 'table',
        columns: [{ key: 'cmd', label: 'Command <line>', mono: true }],
        rows: [{ cmd: hostileLine }],
        totalRows: 3,
      },
      {
        kind: 'chart',
        chart: { type: 'bar', title: 'Counts <x>', labels: ['<a>'], series: [{ name: 'n', values: [2] }] },
        image: { url: 'https://bot/charts/x.png?a="b"', alt: 'Counts "<x>"', width: 900, height: 400 },
      },
    ],
    actions: [{ label: 'Tree', command: 'tree <id>' }],
  });
}

describe('exportDocument', () => {
  it('HTML escapes every hostile string: no tag from the data survives', () => {
    const html = exportDocument([hostileSection()], 'html', {
      alertId: 'a<b',
      title: 'T <script>',
      exportedAt,
    }).content;
    expect(html).not.toMatch(/<script|<img src=x|<b>|<i>|<warn>|<label>|<x>|<a>|<line>/i);
    expect(html).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('src="https://bot/charts/x.png?a=&quot;b&quot;"');
    expect(html).toContain('<strong>Found</strong>');
    expect(html).toContain('<li>one &lt;x&gt;</li>');
    expect(html).toContain('… 2 more rows were not part of this answer.');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|@import/);
  });

  it('names files by alert and time, safe on every file system', () => {
    expect(exportFileName(ftpAlertId, exportedAt, 'md')).toBe(
      'socbot-2518547714843218505_265472ff-3820-4dad-8da7-00e3-20190116-0000.md',
    );
    expect(exportFileName('../../etc/passwd', exportedAt, 'html')).toBe('socbot--etc-passwd-20190116-0000.html');
  });

  it('escapeHtml and markdownToHtml escape before formatting', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(markdownToHtml('**<b>**')).toBe('<strong>&lt;b&gt;</strong>');
  });
});

describe.skipIf(!hasSharedData)('exporting the FTP -s investigation (msticpy data)', () => {
  let sections: Section[];
  const meta = { alertId: ftpAlertId, title: 'Detected suspicious use of FTP -s Switch', exportedAt };

  beforeAll(async () => {
    sections = await ftpInvestigation();
  });

  it('Markdown: a titled document with every Section and the whole process tree (no chat cuts)', () => {
    const doc = exportDocument(sections, 'md', meta);
    expect(doc.mimeType).toBe('text/markdown');
    expect(doc.fileName.endsWith('.md')).toBe(true);
    expect(doc.content.startsWith('# Investigation: Detected suspicious use of FTP -s Switch\n')).toBe(true);
    for (const s of sections) expect(doc.content).toContain(`## ${s.title}`);
    const tree = sections.find((s) => s.id === 'process-tree')?.blocks.find((b) => b.kind === 'code');
    expect(tree?.kind === 'code' && tree.text.length).toBeGreaterThan(4_000);
    expect(doc.content).toContain(tree?.kind === 'code' ? tree.text : 'missing');
    expect(sectionsToMarkdown(sections)).not.toContain(tree?.kind === 'code' ? tree.text : 'missing');
  });

  it('HTML: one page with a section per Section and every table row the Sections carry', () => {
    const doc = exportDocument(sections, 'html', meta);
    expect(doc.mimeType).toBe('text/html');
    expect(doc.content.match(/<section/g)?.length).toBe(sections.length);
    const related = sections.find((s) => s.id === 'related-alerts')!;
    const rows = related.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.length : 0), 0);
    expect(rows).toBeGreaterThan(90);
    const relatedHtml = doc.content.slice(doc.content.indexOf('137 related alerts'));
    expect(relatedHtml.slice(0, relatedHtml.indexOf('</section>')).match(/<tr>/g)?.length).toBe(rows + 2);
    expect(doc.content).toContain('.\\ftp  -s:C:\\RECYCLER\\xxppyy.exe');
  });

  it('JSON: the Sections themselves, parseable, times as ISO strings', () => {
    const doc = exportDocument(sections, 'json', meta);
    expect(doc.mimeType).toBe('application/json');
    const parsed = JSON.parse(doc.content) as { alertId: string; exportedAt: string; sections: Section[] };
    expect(parsed.alertId).toBe(ftpAlertId);
    expect(parsed.exportedAt).toBe('2019-01-16T00:00:00.000Z');
    expect(parsed.sections.map((s) => s.id)).toEqual(sections.map((s) => s.id));
    expect(doc.content).toMatch(/"at": "2019-01-15T\d\d:\d\d:\d\d\.\d{3}Z"/);
  });

  it('the export Section carries the document, names it in Markdown and offers the other formats', () => {
    const request = exportSection(sections, { name: 'export', alertId: ftpAlertId, format: 'html' }, exportedAt);
    expect(request.documentRequest).toEqual({
      format: 'html',
      alertId: ftpAlertId,
      title: expect.any(String),
      exportedAt,
    });
    const handed = fulfilDocumentRequests([...sections, request]).at(-1)!;
    expect(handed.documentRequest).toBeUndefined();
    expect(handed.title).toBe('Export: Detected suspicious use of FTP -s Switch');
    expect(handed.subtitle).toMatch(/^HTML · \d+\.\d KB · \d+ sections$/);
    const doc = findAttachment([handed]);
    expect(doc?.content.startsWith('<!doctype html>')).toBe(true);
    expect(sectionsToMarkdown([handed])).toMatch(/📎 \*\*socbot-[\w-]+\.html\*\* \(text\/html, \d+\.\d KB\)/);
    expect(handed.actions.map((a) => a.command)).toEqual([`export ${ftpAlertId} md`, `export ${ftpAlertId} json`]);
  });
});

describe('export through the core (demo workspace)', () => {
  it('`export <id> json` answers the investigation, then the export Section; an unknown id is an error', async () => {
    const answers = await demoAnswers((ids) => [`export ${ids[0]} json`, 'export does-not-exist']);
    const exported = answers.find((a) => a.command.endsWith(' json'))!.sections;
    expect(exported[0]?.id).toBe('investigation');
    expect(exported.at(-1)?.id).toBe('export');
    const doc = findAttachment(exported);
    expect(JSON.parse(doc?.content ?? '{}').sections).toHaveLength(exported.length - 1);
    const missing = answers.find((a) => a.command === 'export does-not-exist')!.sections;
    expect(missing.map((s) => s.id)).toEqual(['error']);
    expect(missing[0]?.title).toBe('Alert not found');
  });

  it('exportCommand fails like investigate on an unknown alert, before any step runs', async () => {
    const events: string[] = [];
    const ctx = {
      data: { run: async () => ({ rows: [], warnings: [] }) } as never,
      now: () => exportedAt,
      log: { info: () => undefined, error: () => undefined, warn: () => undefined } as never,
      correlationId: 'x',
      onProgress: (event: { type: string }) => events.push(event.type),
    };
    await expect(exportCommand({ name: 'export', alertId: 'nope', format: 'md' }, ctx)).rejects.toThrow(/no alert/);
    expect(events).toEqual([]);
  });
});
