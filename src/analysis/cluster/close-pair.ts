/**
 * "Is any point of A within eps of any point of B?" by dual recursion on bounding boxes: split the larger set at
 * the middle of its widest axis, drop halves whose box is farther than eps from the other set's box. Two dense
 * cells of different clusters side by side then cost about n log n instead of n².
 */

/** Below this many pairs, checking every pair is cheaper than recursing. */
const brutePairs = 256;

interface Box {
  low: Float64Array;
  high: Float64Array;
}

function boundingBox(coords: Float64Array, dim: number, points: Int32Array): Box {
  const low = new Float64Array(dim).fill(Number.POSITIVE_INFINITY);
  const high = new Float64Array(dim).fill(Number.NEGATIVE_INFINITY);
  for (const p of points) {
    for (let j = 0; j < dim; j++) {
      const v = coords[p * dim + j]!;
      if (v < low[j]!) low[j] = v;
      if (v > high[j]!) high[j] = v;
    }
  }
  return { low, high };
}

// Box corners are real point coordinates, and rounding is monotone, so this never exceeds the squared
// distance computed for any pair of points inside the two boxes: pruning on it is exact.
function boxGap2(a: Box, b: Box, dim: number): number {
  let sum = 0;
  for (let j = 0; j < dim; j++) {
    const gap = Math.max(b.low[j]! - a.high[j]!, a.low[j]! - b.high[j]!, 0);
    sum += gap * gap;
  }
  return sum;
}

function squaredDistance(coords: Float64Array, dim: number, p: number, q: number): number {
  let sum = 0;
  for (let j = 0; j < dim; j++) {
    const diff = coords[p * dim + j]! - coords[q * dim + j]!;
    sum += diff * diff;
  }
  return sum;
}

function bruteForce(coords: Float64Array, dim: number, a: Int32Array, b: Int32Array, eps2: number): boolean {
  for (const p of a) for (const q of b) if (squaredDistance(coords, dim, p, q) <= eps2) return true;
  return false;
}

/** Splits `points` at the middle of the widest axis of `box`; null when the box has no width (one location). */
function splitWidest(coords: Float64Array, dim: number, points: Int32Array, box: Box): [Int32Array, Int32Array] | null {
  let axis = 0;
  for (let j = 1; j < dim; j++) if (box.high[j]! - box.low[j]! > box.high[axis]! - box.low[axis]!) axis = j;
  const middle = box.low[axis]! + (box.high[axis]! - box.low[axis]!) / 2;
  const left = points.filter((p) => coords[p * dim + axis]! <= middle);
  if (left.length === 0 || left.length === points.length) return null;
  return [left, points.filter((p) => coords[p * dim + axis]! > middle)];
}

/**
 * True when some p in `a` and q in `b` have squared distance ≤ eps2 (points are row indexes into `coords`).
 * @example anyPairWithin(new Float64Array([0, 3]), 1, Int32Array.of(0), Int32Array.of(1), 9) // true
 */
export function anyPairWithin(coords: Float64Array, dim: number, a: Int32Array, b: Int32Array, eps2: number): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.length * b.length <= brutePairs) return bruteForce(coords, dim, a, b, eps2);
  const boxA = boundingBox(coords, dim, a);
  const boxB = boundingBox(coords, dim, b);
  if (boxGap2(boxA, boxB, dim) > eps2) return false;
  const [big, small, bigBox] = a.length >= b.length ? [a, b, boxA] : [b, a, boxB];
  const halves = splitWidest(coords, dim, big, bigBox);
  if (!halves) return bruteForce(coords, dim, big, small, eps2);
  return anyPairWithin(coords, dim, halves[0], small, eps2) || anyPairWithin(coords, dim, halves[1], small, eps2);
}
