/**
 * Collapses identical points (same coordinates, bit for bit after -0 → 0) into one point with a weight.
 * Identical points have identical neighbourhoods, so DBSCAN can run on the distinct points alone: a host's
 * 70 000 identical service launches become one weighted point instead of 70 000² distance checks.
 */

/** Distinct points of a point set. */
export interface UniquePoints {
  /** Distinct coordinates, row-major (count × dim), in order of first appearance. */
  coords: Float64Array;
  /** How many input points each distinct point stands for. */
  weight: Int32Array;
  /** Distinct point of each input point. */
  uniqueOf: Int32Array;
  count: number;
}

/**
 * Distinct points of `coords` (n × dim, row-major); throws a RangeError on a non-finite coordinate.
 * @example uniquePoints(new Float64Array([1, 2, 1, 2, 3, 4]), 2).weight // [2, 1]
 */
export function uniquePoints(coords: Float64Array, dim: number): UniquePoints {
  const n = coords.length / dim;
  let tableSize = 16;
  while (tableSize < n * 2) tableSize *= 2;
  const mask = tableSize - 1;
  const slots = new Int32Array(tableSize).fill(-1);
  const unique = new Float64Array(coords.length);
  const weight = new Int32Array(n);
  const uniqueOf = new Int32Array(n);
  // Hash the raw bits of the doubles (values in [-1, 1] would all collide under integer hashing).
  const scratch = new Float64Array(dim);
  const bits = new Uint32Array(scratch.buffer);
  let count = 0;
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < dim; j++) {
      const v = coords[i * dim + j]!;
      if (!Number.isFinite(v)) throw new RangeError(`point ${i} has a non-finite coordinate (${v})`);
      scratch[j] = v + 0; // -0 and 0 are the same point
    }
    for (let w = 0; w < bits.length; w++) {
      h = Math.imul(h ^ bits[w]!, 0x01000193);
      h ^= h >>> 13;
    }
    let slot = h & mask;
    for (;;) {
      const id = slots[slot]!;
      if (id < 0) {
        unique.set(scratch, count * dim);
        slots[slot] = count;
        uniqueOf[i] = count;
        weight[count++] = 1;
        break;
      }
      let same = true;
      for (let j = 0; j < dim && same; j++) same = unique[id * dim + j] === scratch[j];
      if (same) {
        uniqueOf[i] = id;
        weight[id]!++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { coords: unique.slice(0, count * dim), weight: weight.slice(0, count), uniqueOf, count };
}
