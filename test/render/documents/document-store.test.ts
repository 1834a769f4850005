/**
 * Exported documents kept for download: random ids, expiry, a byte budget that drops the oldest first.
 */
import { describe, expect, it } from 'vitest';
import { DocumentStore, documentPath } from '../../../src/render/documents/document-store.js';

describe('DocumentStore', () => {
  it('hands back what was stored under a random id, until the link expires', () => {
    let now = 1_000;
    const store = new DocumentStore({ ttlMs: 60_000, now: () => now });
    const first = store.put('socbot-a.md', 'text/markdown', '# Alert a');
    const again = store.put('socbot-a.md', 'text/markdown', '# Alert a');
    expect(first.id).toMatch(/^[a-f0-9]{32}$/);
    expect(again.id).not.toBe(first.id);
    expect(store.get(first.id)?.content.toString('utf8')).toBe('# Alert a');
    expect(documentPath(first)).toBe(`/exports/${first.id}/socbot-a.md`);
    now += 60_000;
    expect(store.get(first.id)).toBeUndefined();
    expect(store.get('../../etc/passwd')).toBeUndefined();
    expect(store.get(first.id.toUpperCase())).toBeUndefined();
  });

  it('drops the oldest documents beyond its byte budget, never the one just stored', () => {
    const store = new DocumentStore({ maxBytes: 10 });
    const old = store.put('old.md', 'text/markdown', '123456');
    const newer = store.put('new.md', 'text/markdown', '1234567');
    expect(store.get(old.id)).toBeUndefined();
    expect(store.get(newer.id)?.fileName).toBe('new.md');
    const huge = store.put('huge.md', 'text/markdown', 'x'.repeat(100));
    expect(store.get(huge.id)?.content.length).toBe(100);
  });
});
