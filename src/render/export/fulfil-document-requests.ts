/**
 * Turns `export`'s document request into the document itself: the answer's other Sections rendered as Markdown,
 * HTML or JSON, handed over as an `attachment` block. Runs where the core is composed, so every channel and the CLI
 * get the same attachment, and commands never call a renderer.
 */
import type { Section } from '../../core/section.js';
import { formatBytes, utf8Bytes } from './byte-size.js';
import { exportDocument, formatNames } from './export-document.js';

/** The answer with every document request fulfilled; answers without one come back as they were. */
export function fulfilDocumentRequests(sections: Section[]): Section[] {
  if (!sections.some((section) => section.documentRequest)) return sections;
  const content = sections.filter((section) => !section.documentRequest);
  return sections.map((section) => {
    const request = section.documentRequest;
    if (!request) return section;
    const document = exportDocument(content, request.format, {
      alertId: request.alertId,
      title: request.title,
      exportedAt: request.exportedAt,
    });
    const { documentRequest: _fulfilled, ...rest } = section;
    return {
      ...rest,
      subtitle: `${formatNames[request.format]} · ${formatBytes(utf8Bytes(document.content))} · ${content.length} sections`,
      blocks: [...section.blocks, { kind: 'attachment', ...document }],
    };
  });
}
