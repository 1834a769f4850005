/**
 * A uniform grid over points in d dimensions: each point's cell, the points of each cell (in input order), and
 * each cell's non-empty neighbour cells. Cells live in a hash table keyed by integer cell coordinates, so the cost
 * is linear in the number of points however large the coordinate range is.
 */

/** Points bucketed into cells of side `side`; cell ids are dense (0..cellCount-1). */
export interface CellGrid {
  cellCount: number;
  side: number;
  /** Integer coordinates of each cell (cellCount × dim): cell c spans [key·side, (key+1)·side) per axis. */
  cellKeys: Float64Array;
  /** Cell id of each point. */
  cellOf: Int32Array;
  /** Points of cell c are `cellPoints[cellStart[c] .. cellStart[c+1])`, in ascending point index. */
  cellStart: Int32Array;
  cellPoints: Int32Array;
  /** Neighbour cells of c (itself excluded) are `neighbours[neighbourStart[c] .. neighbourStart[c+1])`. */
  neighbourStart: Int32Array;
  neighbours: Int32Array;
  /** Squared length of the cell offset of each neighbour link (1 = face neighbour, …). */
  neighbourReach: Uint16Array;
}

/** Beyond this a cell index is no longer an exact integer, and "same cell" stops meaning "close". */
const maxCellIndex = 2 ** 52;

/** Open-addressing hash table from integer d-tuples (stored as doubles) to dense ids. */
class CellTable {
  private slots: Int32Array;
  private mask: number;
  readonly keys: Float64Array;
  size = 0;

  constructor(
    private readonly dim: number,
    capacity: number,
  ) {
    let tableSize = 16;
    while (tableSize < capacity * 2) tableSize *= 2;
    this.slots = new Int32Array(tableSize).fill(-1);
    this.mask = tableSize - 1;
    this.keys = new Float64Array(capacity * dim);
  }

  private hash(key: Float64Array, offset: number): number {
    let h = 0x811c9dc5;
    for (let j = 0; j < this.dim; j++) {
      const v = key[offset + j]!;
      h = Math.imul(h ^ (v | 0), 0x9e3779b1);
      h = Math.imul(h ^ ((v / 4294967296) | 0), 0x85ebca6b);
      h ^= h >>> 15;
    }
    return h & this.mask;
  }

  private sameKey(id: number, key: Float64Array, offset: number): boolean {
    for (let j = 0; j < this.dim; j++) if (this.keys[id * this.dim + j] !== key[offset + j]) return false;
    return true;
  }

  /** The id of `key[offset..offset+dim)`, or -1. */
  find(key: Float64Array, offset: number): number {
    for (let slot = this.hash(key, offset); ; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot]!;
      if (id < 0 || this.sameKey(id, key, offset)) return id;
    }
  }

  /** The id of the key, added when new. Capacity is the number of points, so the table never fills. */
  findOrAdd(key: Float64Array, offset: number): number {
    for (let slot = this.hash(key, offset); ; slot = (slot + 1) & this.mask) {
      const id = this.slots[slot]!;
      if (id >= 0 && this.sameKey(id, key, offset)) return id;
      if (id < 0) {
        const added = this.size++;
        for (let j = 0; j < this.dim; j++) this.keys[added * this.dim + j] = key[offset + j]!;
        this.slots[slot] = added;
        return added;
      }
    }
  }
}

const squaredLength = (offset: Float64Array) => offset.reduce((sum, v) => sum + v * v, 0);

/** Every offset in [-reach, reach]^dim except the zero offset, nearest first. */
function neighbourOffsets(dim: number, reach: number): Float64Array[] {
  const offsets: Float64Array[] = [];
  const current = new Float64Array(dim).fill(-reach);
  for (;;) {
    if (current.some((v) => v !== 0)) offsets.push(current.slice());
    let j = 0;
    while (j < dim && current[j] === reach) current[j++] = -reach;
    if (j === dim) return offsets.sort((a, b) => squaredLength(a) - squaredLength(b));
    current[j]!++;
  }
}

/** Cell id of every point; throws when `side` is too small for the coordinates to give exact cell indexes. */
function assignCells(coords: Float64Array, dim: number, side: number, table: CellTable): Int32Array {
  const n = coords.length / dim;
  const cellOf = new Int32Array(n);
  const key = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) {
      const index = Math.floor(coords[i * dim + j]! / side);
      if (!(Math.abs(index) < maxCellIndex)) {
        throw new RangeError(`coordinate ${coords[i * dim + j]} is not finite or too large for cell size ${side}`);
      }
      key[j] = index;
    }
    cellOf[i] = table.findOrAdd(key, 0);
  }
  return cellOf;
}

/** Points per cell by counting sort, so each cell lists its points in input order. */
function bucketPoints(cellOf: Int32Array, cellCount: number): { cellStart: Int32Array; cellPoints: Int32Array } {
  const cellStart = new Int32Array(cellCount + 1);
  for (const c of cellOf) cellStart[c + 1]!++;
  for (let c = 0; c < cellCount; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, cellCount);
  const cellPoints = new Int32Array(cellOf.length);
  for (let i = 0; i < cellOf.length; i++) cellPoints[fill[cellOf[i]!]!++] = i;
  return { cellStart, cellPoints };
}

/** Growable pair of parallel typed arrays for the neighbour links. */
class LinkList {
  cells = new Int32Array(1024);
  reach = new Uint16Array(1024);
  count = 0;

  push(cell: number, reach: number): void {
    if (this.count === this.cells.length) {
      const cells = new Int32Array(this.count * 2);
      cells.set(this.cells);
      this.cells = cells;
      const reaches = new Uint16Array(this.count * 2);
      reaches.set(this.reach);
      this.reach = reaches;
    }
    this.reach[this.count] = reach;
    this.cells[this.count++] = cell;
  }
}

/** Non-empty cells within `reach` cells of each cell (CSR), nearest offsets first. */
function findNeighbours(table: CellTable, dim: number, reach: number) {
  const offsets = neighbourOffsets(dim, reach);
  const flatOffsets = new Float64Array(offsets.length * dim);
  offsets.forEach((offset, o) => {
    flatOffsets.set(offset, o * dim);
  });
  const offsetReach = offsets.map(squaredLength);
  const neighbourStart = new Int32Array(table.size + 1);
  const links = new LinkList();
  const probe = new Float64Array(dim);
  for (let c = 0; c < table.size; c++) {
    for (let o = 0; o < offsets.length; o++) {
      for (let j = 0; j < dim; j++) probe[j] = table.keys[c * dim + j]! + flatOffsets[o * dim + j]!;
      const id = table.find(probe, 0);
      if (id >= 0) links.push(id, offsetReach[o]!);
    }
    neighbourStart[c + 1] = links.count;
  }
  return {
    neighbourStart,
    neighbours: links.cells.subarray(0, links.count),
    neighbourReach: links.reach.subarray(0, links.count),
  };
}

/**
 * Buckets `coords` (n × dim, row-major) into cells of side `side` and links cells up to `reach` cells apart.
 * @example buildCellGrid(new Float64Array([0, 0, 1, 1]), 2, { side: 0.5, reach: 2 }).cellCount // 2
 */
export function buildCellGrid(
  coords: Float64Array,
  dim: number,
  { side, reach }: { side: number; reach: number },
): CellGrid {
  const n = coords.length / dim;
  const table = new CellTable(dim, Math.max(n, 1));
  const cellOf = assignCells(coords, dim, side, table);
  const { cellStart, cellPoints } = bucketPoints(cellOf, table.size);
  const links = findNeighbours(table, dim, reach);
  const cellKeys = table.keys.subarray(0, table.size * dim);
  return { cellCount: table.size, side, cellKeys, cellOf, cellStart, cellPoints, ...links };
}
