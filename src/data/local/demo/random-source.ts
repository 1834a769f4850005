/**
 * The only source of randomness of the demo generator: a seeded xoroshiro128+ (pure-rand) behind a few helpers.
 *
 * Each concern (catalog, stories, background) draws from its own stream, derived from the seed and a label, so
 * changing how much one concern draws never shifts what another produces.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const twoTo32 = 4_294_967_296;

/** FNV-1a of `seed/label`: a 32-bit seed per stream, stable across runs and platforms. */
export function deriveSeed(seed: number, label: string): number {
  const text = `${seed}/${label}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** Eight hex digits of a 32-bit value. */
function word(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** A weighted choice table, built once and sampled many times. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

/** Builds a weighted table from `[value, weight]` pairs (weights ≤ 0 are dropped). */
export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (weight <= 0) continue;
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  return { values, cumulative, total };
}

/** Seeded random helpers; every method advances the stream. */
export class RandomSource {
  private readonly rng: RandomGenerator;

  constructor(seed: number, label: string) {
    this.rng = xoroshiro128plus(deriveSeed(seed, label));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return (this.rng.next() >>> 0) / twoTo32;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** One value of a weighted table (the table must not be empty). */
  weighted<T>(table: WeightedTable<T>): T {
    const target = this.float() * table.total;
    const { cumulative, values } = table;
    // Binary search: the first entry whose cumulative weight passes the target (tables can hold every host).
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] as number) <= target) low = mid + 1;
      else high = mid;
    }
    return values[low] as T;
  }

  /** `digits` lowercase hex digits. */
  hex(digits: number): string {
    let out = '';
    while (out.length < digits) out += (this.rng.next() >>> 0).toString(16).padStart(8, '0');
    return out.slice(0, digits);
  }

  /** A version-4-shaped GUID, lowercase. */
  guid(): string {
    const a = word(this.rng.next());
    const b = word(this.rng.next());
    const c = word(((this.rng.next() & 0x3fffffff) | 0x80000000) >>> 0);
    const d = word(this.rng.next());
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }

  /** `count` distinct elements of `items` (count ≤ items.length), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(this.float() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }
    return pool.slice(0, count);
  }
}
