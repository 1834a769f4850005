/**
 * Exported documents (`export <id> md|html|json`) kept for download behind the bot's `/exports/<id>/<file>`: for
 * chats that cannot take a file from a bot (Teams channels, the local chat page). Ids are random, not content
 * hashes, so a link cannot be guessed from a document's content; links expire, and memory is bounded.
 */
import { randomBytes } from 'node:crypto';

/** A document id: 32 lowercase hex characters (128 random bits). */
const idPattern = /^[a-f0-9]{32}$/;

/** One stored document. */
export interface StoredDocument {
  id: string;
  fileName: string;
  mimeType: string;
  content: Buffer;
  expiresAt: number;
}

export interface DocumentStoreOptions {
  /** How long a link works. Default 24 h. */
  ttlMs?: number;
  /** Most bytes kept; the oldest documents go first. Default 32 MB. */
  maxBytes?: number;
  now?: () => number;
}

/** The path of a document under the bot's base URL. */
export function documentPath(document: Pick<StoredDocument, 'id' | 'fileName'>): string {
  return `/exports/${document.id}/${encodeURIComponent(document.fileName)}`;
}

/** An in-memory, expiring, size-bounded store of exported documents. */
export class DocumentStore {
  readonly #documents = new Map<string, StoredDocument>();
  readonly #ttlMs: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;

  constructor(options: DocumentStoreOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 24 * 3_600_000;
    this.#maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.#now = options.now ?? Date.now;
  }

  /** Keeps a document for download; returns it with its id and expiry. */
  put(fileName: string, mimeType: string, content: string): StoredDocument {
    const document: StoredDocument = {
      id: randomBytes(16).toString('hex'),
      fileName,
      mimeType,
      content: Buffer.from(content, 'utf8'),
      expiresAt: this.#now() + this.#ttlMs,
    };
    this.#documents.set(document.id, document);
    this.#bytes += document.content.length;
    this.#evict(document.id);
    return document;
  }

  /** The document with this id, unless unknown, malformed or expired. */
  get(id: string): StoredDocument | undefined {
    if (!idPattern.test(id)) return undefined;
    const document = this.#documents.get(id);
    if (document && document.expiresAt <= this.#now()) {
      this.#forget(document);
      return undefined;
    }
    return document;
  }

  /** Drops expired documents, then the oldest beyond the byte budget (never the one just stored). */
  #evict(keep: string): void {
    const now = this.#now();
    for (const document of this.#documents.values()) {
      if (document.id === keep) continue;
      if (document.expiresAt <= now || this.#bytes > this.#maxBytes) this.#forget(document);
    }
  }

  #forget(document: StoredDocument): void {
    if (this.#documents.delete(document.id)) this.#bytes -= document.content.length;
  }
}
