/**
 * A small time-limited cache of query results, so buttons and follow-up commands on the same alert and window do
 * not query Log Analytics again. In-flight queries are shared too; failures are never kept.
 */

export interface ResultCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

interface Entry<T> {
  value: Promise<T>;
  expires: number;
}

/** A bounded TTL cache of promises, oldest evicted first. */
export class ResultCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;

  constructor(private readonly options: ResultCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached value for `key`, or `load()`'s (kept for the TTL when it succeeds and `keep` accepts it).
   * Concurrent callers of the same key share one load.
   */
  get(key: string, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    if (this.options.ttlMs <= 0 || this.options.maxEntries <= 0) return load();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      // Re-insert so the Map's order stays least-recently-used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    this.entries.delete(key);
    const value = load();
    const entry: Entry<T> = { value, expires: now + this.options.ttlMs };
    this.entries.set(key, entry);
    this.evict(now);
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    value.then((result) => (keep(result) ? undefined : forget()), forget);
    return value;
  }

  /** Drops everything (e.g. on close). */
  clear(): void {
    this.entries.clear();
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && entry.expires > now) break;
      this.entries.delete(key);
    }
  }
}
