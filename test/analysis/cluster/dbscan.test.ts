import { describe, expect, it } from 'vitest';
import { dbscan } from '../../../src/analysis/cluster/dbscan.js';
import { normalizeRowsL2 } from '../../../src/analysis/cluster/l2-normalize.js';

/** scikit-learn's algorithm transcribed literally (all pairs, then `dbscan_inner`'s stack): the oracle. */
function sklearnDbscan(points: number[][], eps: number, minSamples: number): number[] {
  const eps2 = eps * eps;
  const near = (p: number[], q: number[]) => {
    let sum = 0;
    for (let j = 0; j < p.length; j++) sum += (p[j]! - q[j]!) * (p[j]! - q[j]!);
    return sum <= eps2;
  };
  const neighbourhoods = points.map((p) => {
    const found: number[] = [];
    for (let j = 0; j < points.length; j++) if (near(p, points[j]!)) found.push(j);
    return found;
  });
  const isCore = neighbourhoods.map((n) => n.length >= minSamples);
  const labels = points.map(() => -1);
  let label = 0;
  for (let start = 0; start < points.length; start++) {
    if (labels[start] !== -1 || !isCore[start]) continue;
    const stack: number[] = [];
    let i = start;
    for (;;) {
      if (labels[i] === -1) {
        labels[i] = label;
        if (isCore[i]) for (const j of neighbourhoods[i]!) if (labels[j] === -1) stack.push(j);
      }
      if (stack.length === 0) break;
      i = stack.pop()!;
    }
    label++;
  }
  return labels;
}

function randomPoints(seed: number, n: number, dim: number, grid: number, scale: number): number[][] {
  // mulberry32: a tiny deterministic generator, enough for test data.
  let state = seed >>> 0;
  const next = (max: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max + 1));
  };
  return Array.from({ length: n }, () => Array.from({ length: dim }, () => next(grid) * scale));
}

describe('dbscan matches scikit-learn', () => {
  it('small example: self counts, distance ≤ eps is a neighbour', () => {
    expect([
      ...dbscan(
        [
          [0, 0],
          [0, 1],
          [5, 5],
        ],
        { eps: 1, minSamples: 2 },
      ),
    ]).toEqual([0, 0, -1]);
    expect([
      ...dbscan(
        [
          [0, 0],
          [0, 1.0000001],
        ],
        { eps: 1, minSamples: 2 },
      ),
    ]).toEqual([-1, -1]);
    expect([...dbscan([[7], [8], [20]], { eps: 1, minSamples: 1 })]).toEqual([0, 0, 1]);
  });

  it('numbers clusters by their lowest core point, not their lowest member', () => {
    // Point 0 is a border point of the cluster whose core points are 1..3 (minSamples 3).
    const points = [[0], [1], [1.5], [2], [10], [10.5], [11]];
    expect([...dbscan(points, { eps: 1, minSamples: 3 })]).toEqual(sklearnDbscan(points, 1, 3));
    expect([...dbscan(points, { eps: 1, minSamples: 3 })]).toEqual([0, 0, 0, 0, 1, 1, 1]);
  });

  it('gives a border point between two clusters to the lower-numbered one', () => {
    const points = [[0], [0.5], [1], [2], [3], [3.5], [4]];
    const labels = sklearnDbscan(points, 1, 3);
    expect([...dbscan(points, { eps: 1, minSamples: 3 })]).toEqual(labels);
    expect(labels[3]).toBe(0);
  });

  it.each([
    { seed: 1, dim: 2, grid: 40, scale: 0.25, eps: 0.5, minSamples: 2 },
    { seed: 2, dim: 2, grid: 40, scale: 0.25, eps: 0.5, minSamples: 4 },
    { seed: 3, dim: 3, grid: 12, scale: 1, eps: 1, minSamples: 2 },
    { seed: 4, dim: 3, grid: 12, scale: 1, eps: Math.SQRT2, minSamples: 5 },
    { seed: 5, dim: 1, grid: 500, scale: 0.1, eps: 0.1, minSamples: 3 },
    { seed: 6, dim: 4, grid: 6, scale: 1, eps: 1.5, minSamples: 3 },
  ])(
    'random lattice points $dim-d, eps $eps, minSamples $minSamples',
    ({ seed, dim, grid, scale, eps, minSamples }) => {
      // Lattice points put many pairs at exactly eps: the boundary must be inclusive like scikit-learn's.
      const points = randomPoints(seed, 400, dim, grid, scale);
      expect([...dbscan(points, { eps, minSamples })]).toEqual(sklearnDbscan(points, eps, minSamples));
    },
  );

  it('normalised integer features on the unit sphere with eps 0.0001', () => {
    const raw = randomPoints(7, 600, 3, 40, 1).map(([a, b, c]) => [a! + 10, (b! + 1) * 300, c! % 2]);
    const flat = normalizeRowsL2(new Float64Array(raw.flat()), 3);
    const points = Array.from({ length: raw.length }, (_, i) => [...flat.subarray(i * 3, i * 3 + 3)]);
    for (const minSamples of [2, 3]) {
      expect([...dbscan(points, { eps: 0.0001, minSamples })]).toEqual(sklearnDbscan(points, 0.0001, minSamples));
    }
  });

  it.each([
    { name: 'apart', bridge: [] },
    { name: 'bridged by one pair at exactly eps', bridge: [[0.75, 0.3]] },
  ])('two dense cells side by side, $name (the box-recursion path)', ({ bridge }) => {
    // 900 distinct points per cell: far more pairs than the plain scan's budget.
    const lattice = (x0: number) =>
      Array.from({ length: 900 }, (_, i) => [x0 + Math.floor(i / 30) * 0.0235, (i % 30) * 0.0235]);
    const points = [...lattice(0), ...lattice(1.72), ...bridge];
    if (bridge.length) points.push([1.75, 0.3]);
    const labels = dbscan(points, { eps: 1, minSamples: 2 });
    expect([...labels]).toEqual(sklearnDbscan(points, 1, 2));
    expect(Math.max(...labels) + 1).toBe(bridge.length ? 1 : 2);
  });

  it('one cell of many identical points is one cluster', () => {
    const points = Array.from({ length: 5000 }, (_, i) => (i % 1000 === 999 ? [i, i] : [1, 2]));
    const labels = dbscan(points, { eps: 0.01, minSamples: 2 });
    expect(labels.filter((l) => l === 0)).toHaveLength(4995);
    expect(labels.filter((l) => l === -1)).toHaveLength(5);
  });

  it('accepts Float64Array points and rejects bad input', () => {
    expect([...dbscan([new Float64Array([0, 0]), new Float64Array([0, 0])], { eps: 0.1, minSamples: 2 })]).toEqual([
      0, 0,
    ]);
    expect(dbscan([], { eps: 1, minSamples: 2 })).toHaveLength(0);
    expect(() => dbscan([[0]], { eps: 0, minSamples: 2 })).toThrow(RangeError);
    expect(() => dbscan([[0], [0, 1]], { eps: 1, minSamples: 2 })).toThrow(RangeError);
    expect(() => dbscan([[Number.NaN]], { eps: 1, minSamples: 2 })).toThrow(RangeError);
  });
});

describe('normalizeRowsL2', () => {
  it('divides each row by its norm and leaves zero rows alone', () => {
    expect([...normalizeRowsL2(new Float64Array([3, 4, 0, 0, 0, 5]), 2)]).toEqual([0.6, 0.8, 0, 0, 0, 1]);
  });
});

describe('dbscan on large raw values (normalize: false on CRC-32 hashes)', () => {
  it('stays exact when eps is small next to the coordinates', () => {
    // Coordinates near 4e9 are only resolved to ~5e-7: cells and pruning must allow for that rounding.
    const points = randomPoints(8, 400, 2, 60, 0.0006).map(([x, y]) => [4_000_000_000 + x!, 3_000_000_000 + y!]);
    const labels = dbscan(points, { eps: 0.001, minSamples: 3 });
    expect([...labels]).toEqual(sklearnDbscan(points, 0.001, 3));
    expect(Math.max(...labels)).toBeGreaterThan(3);
    expect(labels).toContain(-1);
  });

  it('refuses an eps below the resolution of the values', () => {
    expect(() => dbscan([[4e9], [4e9]], { eps: 1e-9, minSamples: 2 })).toThrow(/floating-point resolution/);
  });
});
