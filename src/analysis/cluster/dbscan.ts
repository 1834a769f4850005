/**
 * DBSCAN with scikit-learn's exact labels (Euclidean metric, neighbourhood includes the point itself,
 * neighbour when squared distance ≤ eps², clusters numbered by their lowest-index core point, a border point
 * joining the lowest-numbered cluster that reaches it), in time about linear in the number of points.
 *
 * Why a grid: cells of side eps/√d (a hair smaller) hold points that are all within eps of each other, so a cell
 * with ≥ minSamples points is all core and one cluster without a single distance computed — the 70 000 identical
 * "svchost" events of a busy host cost one cell. Only sparse cells and cell-to-cell links need distances, and
 * those run over distinct points (identical points share neighbourhood, core flag and label) with weights.
 */
import { buildCellGrid, type CellGrid } from './cell-grid.js';
import { anyPairWithin } from './close-pair.js';
import { uniquePoints } from './unique-points.js';

/** DBSCAN parameters, as scikit-learn names them. */
export interface DbscanOptions {
  /** Largest distance between two neighbours (inclusive). */
  eps: number;
  /** Points (the point itself included) a neighbourhood needs for its centre to be a core point. */
  minSamples: number;
}

/** A margin that keeps "same cell" strictly inside eps even after floating-point rounding. */
const cellShrink = 1 - 1e-9;

interface Space {
  /** Distinct points and how many input points each stands for. */
  coords: Float64Array;
  weight: Int32Array;
  dim: number;
  eps2: number;
  grid: CellGrid;
  /** How far (a few ulps of the largest coordinate) rounding in floor(x / side) can put a point outside its cell. */
  slack: number;
}

// Sum in dimension order, like scikit-learn's KD-tree `rdist`, so borderline pairs round the same way.
function squaredDistance(coords: Float64Array, dim: number, p: number, q: number): number {
  let sum = 0;
  for (let j = 0; j < dim; j++) {
    const diff = coords[p * dim + j]! - coords[q * dim + j]!;
    sum += diff * diff;
  }
  return sum;
}

/** Squared gap between point p and the box of `cell` widened by the slack: never more than a true distance. */
function gapToCell({ coords, dim, grid, slack }: Space, p: number, cell: number): number {
  let sum = 0;
  for (let j = 0; j < dim; j++) {
    const x = coords[p * dim + j]!;
    const low = grid.cellKeys[cell * dim + j]! * grid.side - slack;
    const gap = Math.max(low - x, x - (low + grid.side + 2 * slack), 0);
    sum += gap * gap;
  }
  return sum * (1 - 1e-9);
}

/** Cell side and reach for eps, allowing for rounding of coordinates as large as `maxAbs`. */
function gridShape(eps: number, dim: number, maxAbs: number): { side: number; reach: number; slack: number } {
  const slack = maxAbs * 2 ** -50;
  // Cells of side eps/√d, less the slack on both ends: any two points of a cell are closer than eps.
  const side = (eps / Math.sqrt(dim)) * cellShrink - 2 * slack;
  if (!(side > eps / Math.sqrt(dim) / 2)) {
    throw new RangeError(`eps ${eps} is below the floating-point resolution of values as large as ${maxAbs}`);
  }
  // A pair within eps is at most ⌊eps/side⌋ + 1 cells apart per axis (+ rounding).
  const reach = Math.floor((eps + 2 * slack) / side + 1e-9) + 1;
  return { side, reach, slack };
}

/** Core flags: dense cells wholesale, points of sparse cells by counting neighbours until minSamples. */
function findCorePoints(space: Space, minSamples: number): Uint8Array {
  const { coords, weight, dim, eps2, grid } = space;
  const { cellCount, cellStart, cellPoints, neighbourStart, neighbours } = grid;
  const isCore = new Uint8Array(weight.length);
  for (let c = 0; c < cellCount; c++) {
    let cellWeight = 0;
    for (let k = cellStart[c]!; k < cellStart[c + 1]!; k++) cellWeight += weight[cellPoints[k]!]!;
    for (let k = cellStart[c]!; k < cellStart[c + 1]!; k++) {
      const p = cellPoints[k]!;
      let count = cellWeight;
      for (let m = neighbourStart[c]!; m < neighbourStart[c + 1]! && count < minSamples; m++) {
        const b = neighbours[m]!;
        if (gapToCell(space, p, b) > eps2) continue;
        for (let l = cellStart[b]!; l < cellStart[b + 1]! && count < minSamples; l++) {
          const q = cellPoints[l]!;
          if (squaredDistance(coords, dim, p, q) <= eps2) count += weight[q]!;
        }
      }
      isCore[p] = count >= minSamples ? 1 : 0;
    }
  }
  return isCore;
}

function findRoot(parent: Int32Array, x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[x] !== root) {
    const next = parent[x]!;
    parent[x] = root;
    x = next;
  }
  return root;
}

/** Core points of `cell` that could be within eps of `other` (by the gap to its box). */
function coreFacing(space: Space, isCore: Uint8Array, cell: number, other: number): Int32Array {
  const { cellStart, cellPoints } = space.grid;
  const facing: number[] = [];
  for (let k = cellStart[cell]!; k < cellStart[cell + 1]!; k++) {
    const p = cellPoints[k]!;
    if (isCore[p] && gapToCell(space, p, other) <= space.eps2) facing.push(p);
  }
  return Int32Array.from(facing);
}

/** Distance checks a plain scan may spend before two big cells go to the box recursion. */
const scanBudget = 4096;

/**
 * True when some core point of cell a is within eps of some core point of cell b. Touching cells usually show
 * a close pair within a few checks, so scan first; cells that don't touch would cost |a|·|b| checks that way,
 * so past a budget hand them to the box recursion.
 */
function coreCellsTouch(space: Space, isCore: Uint8Array, a: number, b: number): boolean {
  const { coords, dim, eps2, grid } = space;
  const { cellStart, cellPoints } = grid;
  let checks = 0;
  for (let k = cellStart[a]!; k < cellStart[a + 1]!; k++) {
    const p = cellPoints[k]!;
    // Only points near the side facing b can touch it.
    if (!isCore[p] || gapToCell(space, p, b) > eps2) continue;
    for (let l = cellStart[b]!; l < cellStart[b + 1]!; l++) {
      const q = cellPoints[l]!;
      if (isCore[q] && squaredDistance(coords, dim, p, q) <= eps2) return true;
    }
    checks += cellStart[b + 1]! - cellStart[b]!;
    if (checks > scanBudget) {
      const facingA = coreFacing(space, isCore, a, b);
      return anyPairWithin(coords, dim, facingA, coreFacing(space, isCore, b, a), eps2);
    }
  }
  return false;
}

/** Links (a, b), a < b, between cells that both hold core points, nearest offsets first (counting sort). */
function coreLinksNearestFirst(grid: CellGrid, hasCore: Uint8Array): Int32Array {
  const { cellCount, neighbourStart, neighbours, neighbourReach } = grid;
  let maxReach = 0;
  for (const r of neighbourReach) maxReach = Math.max(maxReach, r);
  const start = new Int32Array(maxReach + 2);
  const wanted = (a: number, m: number) => hasCore[a] && neighbours[m]! > a && hasCore[neighbours[m]!];
  for (let a = 0; a < cellCount; a++) {
    for (let m = neighbourStart[a]!; m < neighbourStart[a + 1]!; m++)
      if (wanted(a, m)) start[neighbourReach[m]! + 1]!++;
  }
  for (let r = 0; r <= maxReach; r++) start[r + 1]! += start[r]!;
  const pairs = new Int32Array(start[maxReach + 1]! * 2);
  for (let a = 0; a < cellCount; a++) {
    for (let m = neighbourStart[a]!; m < neighbourStart[a + 1]!; m++) {
      if (!wanted(a, m)) continue;
      const at = start[neighbourReach[m]!]!++;
      pairs[at * 2] = a;
      pairs[at * 2 + 1] = neighbours[m]!;
    }
  }
  return pairs;
}

/**
 * Union-find over cells: two cells join when core points of theirs are neighbours. Returns each cell's parent.
 * Near cell pairs go first, across the whole grid: by the time a far pair's turn comes its cells are usually
 * joined already and need no distance checks.
 */
function linkCoreCells(space: Space, isCore: Uint8Array): Int32Array {
  const { cellCount, cellStart, cellPoints } = space.grid;
  const hasCore = new Uint8Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    for (let k = cellStart[c]!; k < cellStart[c + 1]! && !hasCore[c]; k++) hasCore[c] = isCore[cellPoints[k]!]!;
  }
  const parent = new Int32Array(cellCount);
  for (let c = 0; c < cellCount; c++) parent[c] = c;
  const pairs = coreLinksNearestFirst(space.grid, hasCore);
  for (let k = 0; k < pairs.length; k += 2) {
    const a = pairs[k]!;
    const b = pairs[k + 1]!;
    const rootA = findRoot(parent, a);
    const rootB = findRoot(parent, b);
    if (rootA !== rootB && coreCellsTouch(space, isCore, a, b)) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
  return parent;
}

/**
 * Cluster labels of the distinct core points, numbered in order of each cluster's lowest core point in the
 * input (scikit-learn's order; distinct points are in order of first appearance, so that is the same order).
 */
function labelCorePoints(grid: CellGrid, isCore: Uint8Array, parent: Int32Array): Int32Array {
  const labels = new Int32Array(isCore.length).fill(-1);
  const rootLabel = new Int32Array(grid.cellCount).fill(-1);
  let next = 0;
  for (let u = 0; u < isCore.length; u++) {
    if (!isCore[u]) continue;
    const root = findRoot(parent, grid.cellOf[u]!);
    if (rootLabel[root]! < 0) rootLabel[root] = next++;
    labels[u] = rootLabel[root]!;
  }
  return labels;
}

/** A non-core point joins the lowest-numbered cluster among its core neighbours: scikit-learn expands
 * clusters one at a time in label order, and the first to reach a border point keeps it. */
function labelBorderPoints(space: Space, isCore: Uint8Array, labels: Int32Array): void {
  const { coords, dim, eps2, grid } = space;
  const { cellOf, cellStart, cellPoints, neighbourStart, neighbours } = grid;
  for (let p = 0; p < isCore.length; p++) {
    if (isCore[p]) continue;
    const c = cellOf[p]!;
    let best = -1;
    const consider = (cell: number) => {
      if (cell !== c && gapToCell(space, p, cell) > eps2) return;
      for (let l = cellStart[cell]!; l < cellStart[cell + 1]!; l++) {
        const q = cellPoints[l]!;
        const label = labels[q]!;
        if (isCore[q] && (best < 0 || label < best) && squaredDistance(coords, dim, p, q) <= eps2) best = label;
      }
    };
    consider(c);
    for (let m = neighbourStart[c]!; m < neighbourStart[c + 1]!; m++) consider(neighbours[m]!);
    labels[p] = best;
  }
}

/**
 * DBSCAN on `coords` (n points × `dim` values, row-major); returns one label per point, −1 for noise.
 * @example dbscanFlat(new Float64Array([0, 0, 0, 0.5, 9, 9]), 2, { eps: 1, minSamples: 2 }) // [0, 0, -1]
 */
export function dbscanFlat(coords: Float64Array, dim: number, { eps, minSamples }: DbscanOptions): Int32Array {
  if (!(eps > 0)) throw new RangeError(`eps must be > 0, got ${eps}`);
  if (!Number.isInteger(dim) || dim < 1 || coords.length % dim !== 0) {
    throw new RangeError(`coordinates do not form rows of ${dim} values`);
  }
  const unique = uniquePoints(coords, dim);
  const maxAbs = unique.coords.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
  const { side, reach, slack } = gridShape(eps, dim, maxAbs);
  const grid = buildCellGrid(unique.coords, dim, { side, reach });
  const space: Space = { coords: unique.coords, weight: unique.weight, dim, eps2: eps * eps, grid, slack };
  const isCore = findCorePoints(space, minSamples);
  const uniqueLabels = labelCorePoints(grid, isCore, linkCoreCells(space, isCore));
  labelBorderPoints(space, isCore, uniqueLabels);
  return unique.uniqueOf.map((u) => uniqueLabels[u]!);
}

/**
 * DBSCAN on an array of points (all of the same dimension); one label per point, −1 for noise.
 * @example dbscan([[0, 0], [0, 0.5], [9, 9]], { eps: 1, minSamples: 2 }) // Int32Array [0, 0, -1]
 */
export function dbscan(points: readonly (Float64Array | readonly number[])[], options: DbscanOptions): Int32Array {
  const dim = points[0]?.length ?? 1;
  const coords = new Float64Array(points.length * dim);
  points.forEach((point, i) => {
    if (point.length !== dim) throw new RangeError(`point ${i} has ${point.length} values, expected ${dim}`);
    coords.set(point, i * dim);
  });
  return dbscanFlat(coords, dim, options);
}
