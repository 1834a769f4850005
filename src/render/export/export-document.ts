/**
 * An investigation as one document — Markdown, a self-contained HTML page or JSON — named for its alert and time,
 * ready to attach in a thread, upload or print.
 */
import type { Section } from '../../core/section.js';
import { fullDocument, sectionsToMarkdown } from '../markdown/render-markdown.js';
import { sectionsToHtml } from './sections-to-html.js';

export type ExportFormat = 'md' | 'html' | 'json';

/** A document to hand over as a file. */
export interface ExportDocument {
  fileName: string;
  mimeType: string;
  content: string;
}

/** What the document is about. */
export interface ExportMeta {
  alertId: string;
  /** The alert's name, for the document title. */
  title: string;
  exportedAt: Date;
}

const mimeTypes: Record<ExportFormat, string> = {
  md: 'text/markdown',
  html: 'text/html',
  json: 'application/json',
};

/** Format names as people say them. */
export const formatNames: Record<ExportFormat, string> = { md: 'Markdown', html: 'HTML', json: 'JSON' };

/**
 * `socbot-2518547714843218505_265472ff-20190116-0000.md`: safe on every file system (the alert id keeps only
 * letters, digits, `-` and `_`, at most 48 of them), sortable by time (UTC).
 */
export function exportFileName(alertId: string, at: Date, format: ExportFormat): string {
  const id = alertId.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 48) || 'alert';
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `socbot-${id}-${stamp}.${format}`;
}

function generatedLine(meta: ExportMeta): string {
  return `Exported by socbot on ${meta.exportedAt.toISOString().slice(0, 19).replace('T', ' ')}Z · alert ${meta.alertId}`;
}

/** The investigation's Sections as a document in `format`. */
export function exportDocument(sections: readonly Section[], format: ExportFormat, meta: ExportMeta): ExportDocument {
  const title = `Investigation: ${meta.title}`;
  const content =
    format === 'md'
      ? `# ${title}\n\n_${generatedLine(meta)}_\n\n${sectionsToMarkdown(sections, fullDocument)}`
      : format === 'html'
        ? sectionsToHtml(sections, { title, generated: generatedLine(meta) })
        : `${JSON.stringify(
            { generator: 'socbot', alertId: meta.alertId, title, exportedAt: meta.exportedAt.toISOString(), sections },
            null,
            2,
          )}\n`;
  return { fileName: exportFileName(meta.alertId, meta.exportedAt, format), mimeType: mimeTypes[format], content };
}

/** The document an answer carries (the `export` Section's attachment), for channels and the CLI to hand over. */
export function findAttachment(sections: readonly Section[]): ExportDocument | undefined {
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind === 'attachment') {
        return { fileName: block.fileName, mimeType: block.mimeType, content: block.content };
      }
    }
  }
  return undefined;
}
