/**
 * msticpy's `dbcluster_events`: cluster event rows on numeric feature columns (optionally L2-normalised per row)
 * with DBSCAN, and summarise them as all the noise rows plus one exemplar per cluster.
 */
import { SocbotError } from '../../core/errors.js';
import { dbscanFlat } from './dbscan.js';
import { normalizeRowsL2 } from './l2-normalize.js';

/** Options of {@link clusterEvents}; defaults are msticpy's, except the time column (socbot rows have no TimeCreatedUtc). */
export interface ClusterEventsOptions<T> {
  /** Feature columns: numbers or booleans (as 0/1). */
  columns: readonly (keyof T & string)[];
  /** DBSCAN eps (msticpy `max_cluster_distance`), default 0.01; the notebook uses 0.0001. */
  eps?: number;
  /** DBSCAN min_samples (msticpy `min_cluster_samples`), default 2. */
  minSamples?: number;
  /** L2-normalise each row first (scikit-learn `Normalizer`), default true. */
  normalize?: boolean;
  /** Column with the event time, default `TimeGenerated`. */
  timeColumn?: keyof T & string;
}

/** What clustering adds to an output row. */
export interface ClusterFields {
  /** −1 for noise (a one-off event), else the cluster number. */
  ClusterId: number;
  /** Members of the cluster; 1 for noise. */
  ClusterSize: number;
  Clustered: boolean;
  /** Earliest / latest member time (for noise: the row's own time). */
  FirstEventTime: Date | null;
  LastEventTime: Date | null;
}

/** Output of {@link clusterEvents}. */
export interface ClusterEventsResult<T> {
  /** msticpy's output order: every noise row (input order), then one exemplar per cluster by ClusterId. */
  rows: (T & ClusterFields)[];
  /** Input index of each output row. */
  sourceIndex: number[];
  /** DBSCAN label of every input row. */
  labels: Int32Array;
  /** Number of clusters (labels 0..clusterCount-1). */
  clusterCount: number;
}

function featureValue(row: object, column: string, index: number): number {
  const value: unknown = (row as Record<string, unknown>)[column];
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new SocbotError(
    'BadInput',
    `Row ${index}: feature column ${column} is not a finite number (${String(value)}).`,
  );
}

function timeValue(row: object, column: string): number | undefined {
  const value: unknown = (row as Record<string, unknown>)[column];
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** Row-major feature matrix of `rows` over `columns`. */
function featureMatrix(rows: readonly object[], columns: readonly string[]): Float64Array {
  const coords = new Float64Array(rows.length * columns.length);
  rows.forEach((row, i) => {
    columns.forEach((column, j) => {
      coords[i * columns.length + j] = featureValue(row, column, i);
    });
  });
  return coords;
}

interface ClusterSpans {
  size: Int32Array;
  first: Float64Array;
  last: Float64Array;
  exemplar: Int32Array;
}

/** Size, first member (input order) and time span of every cluster, in one pass. */
function clusterSpans(rows: readonly object[], labels: Int32Array, clusterCount: number, timeColumn: string) {
  const spans: ClusterSpans = {
    size: new Int32Array(clusterCount),
    first: new Float64Array(clusterCount).fill(Number.POSITIVE_INFINITY),
    last: new Float64Array(clusterCount).fill(Number.NEGATIVE_INFINITY),
    exemplar: new Int32Array(clusterCount).fill(-1),
  };
  labels.forEach((label, i) => {
    if (label < 0) return;
    if (spans.size[label]!++ === 0) spans.exemplar[label] = i;
    const time = timeValue(rows[i]!, timeColumn);
    // Rows without a time are skipped (pandas would sort NaT last and could report it as the last time).
    if (time === undefined) return;
    if (time < spans.first[label]!) spans.first[label] = time;
    if (time > spans.last[label]!) spans.last[label] = time;
  });
  return spans;
}

const toDate = (ms: number | undefined): Date | null =>
  ms === undefined || !Number.isFinite(ms) ? null : new Date(ms);

/**
 * Clusters events and returns msticpy's summary rows (noise rows, then cluster exemplars) plus per-row labels.
 *
 * Deliberate difference from msticpy (msticpy-facts §j.5): msticpy gives every noise row the earliest/latest time of
 * the whole noise set and overwrites TimeGenerated with the cluster's first time. Here each noise row keeps its own
 * time (FirstEventTime = LastEventTime = its time) and no row's TimeGenerated is changed; the cluster span is in
 * FirstEventTime/LastEventTime. Row order, counts and ids are msticpy's.
 * @example clusterEvents(withFeatures, { columns: ['commandlineTokensFull', 'pathScore', 'isSystemSession'], eps: 0.0001 })
 */
export function clusterEvents<T extends object>(
  rows: readonly T[],
  options: ClusterEventsOptions<T>,
): ClusterEventsResult<T> {
  const { columns, eps = 0.01, minSamples = 2, normalize = true } = options;
  const timeColumn: string = options.timeColumn ?? 'TimeGenerated';
  if (columns.length === 0) throw new SocbotError('BadInput', 'Clustering needs at least one feature column.');
  const coords = featureMatrix(rows, columns);
  if (normalize) normalizeRowsL2(coords, columns.length);
  const labels = rows.length ? dbscanFlat(coords, columns.length, { eps, minSamples }) : new Int32Array(0);
  const clusterCount = labels.reduce((max, label) => Math.max(max, label + 1), 0);
  const spans = clusterSpans(rows, labels, clusterCount, timeColumn);

  // Object.assign, not spread: V8 builds spread copies of wide rows many times slower.
  const out: (T & ClusterFields)[] = [];
  const sourceIndex: number[] = [];
  labels.forEach((label, i) => {
    if (label >= 0) return;
    const own = toDate(timeValue(rows[i]!, timeColumn));
    const noise = { ClusterId: -1, ClusterSize: 1, Clustered: false, FirstEventTime: own, LastEventTime: own };
    out.push(Object.assign({}, rows[i]!, noise));
    sourceIndex.push(i);
  });
  for (let k = 0; k < clusterCount; k++) {
    const i = spans.exemplar[k]!;
    const fields = {
      ClusterId: k,
      ClusterSize: spans.size[k]!,
      Clustered: true,
      FirstEventTime: toDate(spans.first[k]),
      LastEventTime: toDate(spans.last[k]),
    };
    out.push(Object.assign({}, rows[i]!, fields));
    sourceIndex.push(i);
  }
  return { rows: out, sourceIndex, labels, clusterCount };
}
