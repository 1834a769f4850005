/**
 * A Map that forgets its oldest entries beyond a fixed size: the adapter's memories (delivered event ids, thread →
 * alert) must not grow with uptime.
 */

/** A size-bounded map; `get` refreshes an entry, so the least recently used one is forgotten first. */
export class BoundedMap<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  readonly #entries = new Map<K, V>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  /** Forgets `key` (e.g. a save that failed, to be tried again). */
  delete(key: K): void {
    this.#entries.delete(key);
  }

  /** Remembers `key`; true when it was new (the first delivery), false when it was already known. */
  add(key: K, value: V): boolean {
    if (this.#entries.has(key)) return false;
    this.set(key, value);
    return true;
  }
}
