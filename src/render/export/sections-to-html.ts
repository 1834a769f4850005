/**
 * Sections → one self-contained HTML page (inline CSS, no scripts, nothing fetched except images already drawn,
 * which are linked). Everything from the data is escaped. Tables carry every row the Sections carry.
 */
import type { Block, ChartSpec, Section } from '../../core/section.js';
import { formatBytes, utf8Bytes } from './byte-size.js';
import { escapeHtml, markdownToHtml } from './html-text.js';

const style = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:75rem;padding:0 1rem;color:#1b1b1b}
header{border-bottom:2px solid #444;margin-bottom:1.5rem}
section{border:1px solid #ddd;border-radius:6px;padding:0.5rem 1rem 1rem;margin:1rem 0}
section.attention{border-left:6px solid #c4314b}section.warning{border-left:6px solid #c19c00}
section.good{border-left:6px solid #13a10e}section.accent{border-left:6px solid #0078d4}
h2{margin:0.5rem 0 0.2rem;font-size:1.25rem}.subtitle{color:#616161;margin:0 0 0.8rem}
.warning-line{color:#835b00}.problem{background:#fde7e9;padding:0.5rem 0.8rem;border-radius:4px}
table{border-collapse:collapse;margin:0.5rem 0;font-size:0.9rem;width:100%}
th,td{border:1px solid #ddd;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}th{background:#eef4fb}
td.mono,pre,code{font-family:ui-monospace,Consolas,"DejaVu Sans Mono",monospace;font-size:0.85rem}
td.mono{word-break:break-all}pre{background:#f5f5f5;padding:0.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0.2rem 1rem}dt{font-weight:600}dd{margin:0;word-break:break-word}
.note{color:#616161;font-size:0.85rem}img{max-width:100%}`;

/** Metadata printed at the top of the page. */
export interface HtmlMeta {
  title: string;
  generated: string;
}

function tableHtml(block: Extract<Block, { kind: 'table' }>): string {
  if (block.rows.length === 0) return '<p class="note">No rows.</p>';
  const head = block.columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('');
  const rows = block.rows.map((row) => {
    const cells = block.columns.map((c) => `<td${c.mono ? ' class="mono"' : ''}>${escapeHtml(row[c.key] ?? '')}</td>`);
    return `<tr>${cells.join('')}</tr>`;
  });
  const missing = block.totalRows - block.rows.length;
  const note = missing > 0 ? `<p class="note">… ${missing} more rows were not part of this answer.</p>` : '';
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>${note}`;
}

function chartHtml(chart: ChartSpec): string {
  const title = `<p><strong>${escapeHtml(chart.title)}</strong></p>`;
  if (chart.type === 'bar') {
    const series = chart.series;
    const head = `<th></th>${series.map((s) => `<th>${escapeHtml(s.name)}</th>`).join('')}`;
    const rows = chart.labels.map(
      (label, i) =>
        `<tr><td>${escapeHtml(label)}</td>${series.map((s) => `<td>${s.values[i] ?? 0}</td>`).join('')}</tr>`,
    );
    return `${title}<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
  const size =
    chart.type === 'box'
      ? `${chart.labels.length} groups`
      : `${chart.series.reduce((n, s) => n + s.points.length, 0)} points`;
  return `${title}<p class="note">${size} in ${chart.series.length} series (chart not drawn in this export).</p>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'facts':
      return `<dl>${block.facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
    case 'text':
      return `<p>${markdownToHtml(block.markdown)}</p>`;
    case 'code':
      return `<pre>${escapeHtml(block.text)}</pre>`;
    case 'table':
      return tableHtml(block);
    case 'chart':
    case 'graph':
      if (block.image) {
        return `<p><img src="${escapeHtml(block.image.url)}" alt="${escapeHtml(block.image.alt)}" width="${block.image.width}" height="${block.image.height}"></p>`;
      }
      if (block.kind === 'chart') return chartHtml(block.chart);
      return `<p><strong>${escapeHtml(block.graph.title)}</strong>: ${block.graph.nodes.length} nodes, ${block.graph.edges.length} edges</p>`;
    case 'attachment':
      return `<p class="note">Attachment ${escapeHtml(block.fileName)} (${escapeHtml(block.mimeType)}, ${formatBytes(utf8Bytes(block.content))})</p>`;
  }
}

function sectionHtml(section: Section): string {
  const parts = [`<h2>${markdownToHtml(section.title)}</h2>`];
  if (section.subtitle) parts.push(`<p class="subtitle">${escapeHtml(section.subtitle)}</p>`);
  for (const warning of section.warnings) parts.push(`<p class="warning-line">⚠️ ${escapeHtml(warning)}</p>`);
  if (section.problem) {
    const { message, hint } = section.problem;
    parts.push(
      `<div class="problem"><strong>${escapeHtml(message)}</strong>${hint ? `<br>${markdownToHtml(hint)}` : ''}</div>`,
    );
  }
  for (const block of section.blocks) parts.push(blockHtml(block));
  if (section.actions.length > 0) {
    const commands = section.actions.map((a) => `<code>${escapeHtml(a.command)}</code>`).join(' · ');
    parts.push(`<p class="note">Next: ${commands}</p>`);
  }
  const tone = section.tone && section.tone !== 'default' ? ` class="${section.tone}"` : '';
  return `<section${tone}>\n${parts.join('\n')}\n</section>`;
}

/** Renders Sections as one self-contained HTML page. */
export function sectionsToHtml(sections: readonly Section[], meta: HtmlMeta): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meta.title)}</title><style>${style}</style></head><body>`,
    `<header><h1>${escapeHtml(meta.title)}</h1><p class="subtitle">${escapeHtml(meta.generated)}</p></header>`,
    ...sections.map(sectionHtml),
    '</body></html>',
    '',
  ].join('\n');
}
