/**
 * Section → Markdown: the CLI's output and every message's plain-text fallback. Pure.
 */
import type { Block, ChartSpec, Section } from '../../core/section.js';
import { formatBytes, utf8Bytes } from '../export/byte-size.js';
import { limits, truncate } from '../text-limits.js';

/** How much of long things Markdown shows; a document export shows everything the Sections carry. */
export interface MarkdownLimits {
  tableCell: number;
  codeBlock: number;
  tableRows: number;
}

/** The limits of chat messages and the CLI. */
const chatLimits: MarkdownLimits = limits;
/** No cuts: for exported documents. */
export const fullDocument: MarkdownLimits = { tableCell: Infinity, codeBlock: Infinity, tableRows: Infinity };

function escapeCell(value: string, max: number): string {
  return truncate(value, max).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function chartText(chart: ChartSpec): string {
  switch (chart.type) {
    case 'bar': {
      const values = chart.series[0]?.values ?? [];
      const lines = chart.labels.slice(0, 20).map((label, i) => `- ${label}: ${values[i] ?? 0}`);
      const more = chart.labels.length > 20 ? `\n- … ${chart.labels.length - 20} more` : '';
      return `**${chart.title}**\n${lines.join('\n')}${more}`;
    }
    case 'timeline': {
      const points = chart.series.reduce((n, s) => n + s.points.length, 0);
      return `**${chart.title}**: ${points} events in ${chart.series.length} series`;
    }
    case 'line':
      return `**${chart.title}**: ${chart.series.length} series`;
    case 'box':
      return `**${chart.title}**: ${chart.labels.length} groups in ${chart.series.length} series`;
  }
}

function blockText(block: Block, cuts: MarkdownLimits): string {
  switch (block.kind) {
    case 'facts':
      return block.facts.map((f) => `- **${f.label}:** ${truncate(f.value, cuts.tableCell)}`).join('\n');
    case 'text':
      return block.markdown;
    case 'code':
      return `\`\`\`\n${truncate(block.text, cuts.codeBlock).replace(/```/g, '`\u200b``')}\n\`\`\``;
    case 'table': {
      if (block.rows.length === 0) return '_No rows._';
      const header = `| ${block.columns.map((c) => c.label).join(' | ')} |`;
      const rule = `| ${block.columns.map(() => '---').join(' | ')} |`;
      const rows = block.rows.slice(0, cuts.tableRows).map((row) => {
        const cells = block.columns.map((c) => {
          const cell = escapeCell(row[c.key] ?? '', cuts.tableCell);
          return c.mono && cell ? `\`${cell.replace(/`/g, "'")}\`` : cell;
        });
        return `| ${cells.join(' | ')} |`;
      });
      const hidden = block.totalRows - Math.min(block.rows.length, cuts.tableRows);
      return [
        header,
        rule,
        ...rows,
        ...(hidden > 0 ? [`\n_… ${hidden} more ${hidden === 1 ? 'row' : 'rows'} not shown._`] : []),
      ].join('\n');
    }
    case 'chart':
      // Relative image links mean nothing outside the bot's own page: keep the text form there.
      return block.image && /^https?:/.test(block.image.url)
        ? `![${block.image.alt}](${block.image.url})`
        : chartText(block.chart);
    case 'graph':
      return `**${block.graph.title}**: ${block.graph.nodes.length} nodes, ${block.graph.edges.length} edges`;
    case 'attachment':
      // The document itself is the channel's to attach (or the CLI's to print); here it is named and sized.
      return `📎 **${block.fileName}** (${block.mimeType}, ${formatBytes(utf8Bytes(block.content))})`;
  }
}

/** Renders one Section as Markdown (cut to chat limits unless told otherwise). */
export function sectionToMarkdown(section: Section, cuts: MarkdownLimits = chatLimits): string {
  const parts = [`## ${section.title}`];
  if (section.subtitle) parts.push(`_${section.subtitle}_`);
  for (const warning of section.warnings) parts.push(`> ⚠️ ${warning}`);
  if (section.problem) {
    parts.push(`**${section.problem.message}**`);
    if (section.problem.hint) parts.push(section.problem.hint);
  }
  for (const block of section.blocks) parts.push(blockText(block, cuts));
  if (section.actions.length > 0) parts.push(`Next: ${section.actions.map((a) => `\`${a.command}\``).join(' · ')}`);
  return parts.join('\n\n');
}

/** Renders Sections as one Markdown document (cut to chat limits unless told otherwise). */
export function sectionsToMarkdown(sections: readonly Section[], cuts: MarkdownLimits = chatLimits): string {
  return `${sections.map((section) => sectionToMarkdown(section, cuts)).join('\n\n---\n\n')}\n`;
}
