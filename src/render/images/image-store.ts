/**
 * Content-addressed PNG store behind the bot's `/charts/:id.png`: images stay in memory (least recently used
 * dropped first, bounded by total bytes) and, given a directory, also on disk so links in old messages survive
 * a restart.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An image id: the first 32 hex characters of the PNG's SHA-256. */
const idPattern = /^[a-f0-9]{32}$/;

/** What `put` returns: the id and how to link to it. */
export interface StoredImage {
  id: string;
  /** The public URL of the image under `baseUrl` (`<baseUrl>/charts/<id>.png`). */
  url(baseUrl: string): string;
}

/** Options of `ImageStore`. */
export interface ImageStoreOptions {
  /** Most bytes kept in memory. Default 64 MB. */
  maxBytes?: number;
  /** Also keep images as `<directory>/<id>.png`; created when missing. */
  directory?: string;
}

/** True for a well-formed image id; anything else (`../x`, upper case, other lengths) is refused. */
export function isImageId(id: string): boolean {
  return idPattern.test(id);
}

/** The URL of image `id` under the bot's public base URL. */
export function imageUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/charts/${id}.png`;
}

/** An in-memory LRU of PNGs keyed by content hash, optionally mirrored to a directory. */
export class ImageStore {
  readonly #maxBytes: number;
  readonly #directory: string | undefined;
  // A Map iterates in insertion order: re-inserting on access makes the first key the least recently used.
  readonly #images = new Map<string, Buffer>();
  #bytes = 0;

  constructor(options: ImageStoreOptions = {}) {
    this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.#directory = options.directory;
    if (this.#directory) mkdirSync(this.#directory, { recursive: true });
  }

  /** Bytes held in memory now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Stores a PNG (idempotent: the same bytes give the same id). */
  put(png: Buffer): StoredImage {
    const id = createHash('sha256').update(png).digest('hex').slice(0, 32);
    this.#remember(id, png);
    if (this.#directory) this.#writeFile(id, png);
    return { id, url: (baseUrl: string) => imageUrl(baseUrl, id) };
  }

  /** The PNG with this id, from memory or disk; `undefined` for unknown or malformed ids. */
  get(id: string): Buffer | undefined {
    if (!isImageId(id)) return undefined;
    const cached = this.#images.get(id);
    if (cached) {
      this.#images.delete(id);
      this.#images.set(id, cached);
      return cached;
    }
    const fromDisk = this.#readFile(id);
    if (fromDisk) this.#remember(id, fromDisk);
    return fromDisk;
  }

  #remember(id: string, png: Buffer): void {
    const previous = this.#images.get(id);
    if (previous) {
      this.#images.delete(id);
      this.#bytes -= previous.length;
    }
    this.#images.set(id, png);
    this.#bytes += png.length;
    // Evict the least recently used, but never the image just stored: a caller always gets back what it put.
    for (const [oldId, old] of this.#images) {
      if (this.#bytes <= this.#maxBytes || oldId === id) break;
      this.#images.delete(oldId);
      this.#bytes -= old.length;
    }
  }

  #writeFile(id: string, png: Buffer): void {
    const file = join(this.#directory!, `${id}.png`);
    if (existsSync(file)) return;
    // Write then rename, so a crash never leaves a half-written image under a valid id.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, file);
  }

  #readFile(id: string): Buffer | undefined {
    if (!this.#directory) return undefined;
    const file = join(this.#directory, `${id}.png`);
    return existsSync(file) ? readFileSync(file) : undefined;
  }
}
