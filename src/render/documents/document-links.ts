/**
 * Replaces a Section's attached document by a download link, for chats where a bot cannot attach a file (Teams,
 * the local chat page). Without a base URL the chat can reach, the Section says how else to get the document.
 */
import type { Section } from '../../core/section.js';
import { formatBytes, utf8Bytes } from '../export/byte-size.js';
import { type DocumentStore, documentPath } from './document-store.js';

/** `2026-11-28 05:30`: when a link stops working, in UTC. */
function expiry(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * `baseUrl`: where the chat's users reach the bot ('' for links relative to the bot's own page); undefined when
 * there is none (Teams without a public https URL).
 */
export function withDocumentLinks(sections: Section[], store: DocumentStore, baseUrl: string | undefined): Section[] {
  return sections.map((section) => {
    if (!section.blocks.some((block) => block.kind === 'attachment')) return section;
    const blocks = section.blocks.map((block) => {
      if (block.kind !== 'attachment') return block;
      const size = formatBytes(utf8Bytes(block.content));
      if (baseUrl === undefined) {
        const markdown = `**${block.fileName}** (${size}) cannot be downloaded here: the bot has no public address (\`PUBLIC_BASE_URL\`). In Slack or the local chat it is attached; \`socbot ask "export …"\` prints it.`;
        return { kind: 'text' as const, markdown };
      }
      const stored = store.put(block.fileName, block.mimeType, block.content);
      const url = `${baseUrl.replace(/\/+$/, '')}${documentPath(stored)}`;
      return {
        kind: 'text' as const,
        markdown: `[Download ${block.fileName}](${url}) (${size}; the link works until ${expiry(stored.expiresAt)} UTC)`,
      };
    });
    return { ...section, blocks };
  });
}
