/**
 * Attached documents become download links where a chat cannot take a file, or say how else to get them.
 */
import { describe, expect, it } from 'vitest';
import type { Section } from '../../../src/core/section.js';
import { withDocumentLinks } from '../../../src/render/documents/document-links.js';
import { DocumentStore } from '../../../src/render/documents/document-store.js';

const exported: Section = {
  id: 'export',
  title: 'Investigation exported',
  status: 'ok',
  blocks: [
    { kind: 'text', markdown: 'The whole investigation.' },
    { kind: 'attachment', fileName: 'socbot-abc.md', mimeType: 'text/markdown', content: '# Investigation abc' },
  ],
  actions: [],
  warnings: [],
};
const other: Section = { id: 'help', title: 'Help', status: 'ok', blocks: [], actions: [], warnings: [] };

describe('withDocumentLinks', () => {
  it('stores the document and links to it under the base URL', () => {
    const store = new DocumentStore({ now: () => Date.UTC(2026, 10, 27, 5, 0) });
    const [linked, untouched] = withDocumentLinks([exported, other], store, 'https://bot.contoso.com/');
    expect(untouched).toBe(other);
    const block = linked?.blocks[1];
    expect(block?.kind).toBe('text');
    const markdown = block?.kind === 'text' ? block.markdown : '';
    const match =
      /^\[Download socbot-abc\.md\]\(https:\/\/bot\.contoso\.com\/exports\/([a-f0-9]{32})\/socbot-abc\.md\) \(19 B; the link works until 2026-11-28 05:00 UTC\)$/.exec(
        markdown,
      );
    expect(match).not.toBeNull();
    expect(store.get(match?.[1] ?? '')?.content.toString('utf8')).toBe('# Investigation abc');
  });

  it('says how else to get the document when the chat cannot reach the bot', () => {
    const [linked] = withDocumentLinks([exported], new DocumentStore(), undefined);
    const block = linked?.blocks[1];
    expect(block?.kind === 'text' ? block.markdown : '').toMatch(/cannot be downloaded here.*PUBLIC_BASE_URL/);
  });
});
