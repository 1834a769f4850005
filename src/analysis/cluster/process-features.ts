/**
 * msticpy's `add_process_features`: numeric features of a process event's image path and command line,
 * used to cluster "the same process run the same way" together.
 */
import type { SecurityEventRow } from '../../core/rows.js';
import { crc32Hash, type TextStats, textStats } from './string-features.js';

/** The columns the features are computed from; `SubjectLogonId` may be absent (then isSystemSession is false). */
export type ProcessFeatureInput = Pick<SecurityEventRow, 'NewProcessName' | 'CommandLine'> &
  Partial<Pick<SecurityEventRow, 'SubjectLogonId'>>;

/** The features msticpy adds (its docstring lists more — processNameLen, commandlineTokens… — that it never computes). */
export interface ProcessFeatures {
  /** Last path segment of NewProcessName. */
  processName: string;
  /** Σ code points of NewProcessName. */
  pathScore: number;
  /** log10(pathScore), 0 when pathScore is 0. */
  pathLogScore: number;
  /** CRC-32 of NewProcessName. */
  pathHash: number;
  /** Command line length in code points. */
  commandlineLen: number;
  /** log10(commandlineLen), 0 when 0. */
  commandlineLogLen: number;
  /** Number of delimiter characters in the command line. */
  commandlineTokensFull: number;
  /** Σ code points of the command line. */
  commandlineScore: number;
  /** CRC-32 of the command line's delimiter characters. */
  commandlineTokensHash: number;
  /** SubjectLogonId is exactly `0x3e7` (Windows SYSTEM) or `-1` (Linux). */
  isSystemSession: boolean;
}

/** Options for {@link addProcessFeatures}. */
export interface ProcessFeatureOptions {
  /** Path separator of NewProcessName; guessed from the first 10 rows when absent (`/` if any has one, else `\`). */
  pathSeparator?: string;
}

type PathFeatures = Pick<ProcessFeatures, 'processName' | 'pathScore' | 'pathLogScore' | 'pathHash'>;
type CommandLineFeatures = Pick<
  ProcessFeatures,
  'commandlineLen' | 'commandlineLogLen' | 'commandlineTokensFull' | 'commandlineScore' | 'commandlineTokensHash'
>;

/** msticpy's guess: `/` when any of the first 10 image paths contains `/`, else `\`. */
export function guessPathSeparator(rows: readonly ProcessFeatureInput[]): string {
  return rows.slice(0, 10).some((row) => (row.NewProcessName ?? '').includes('/')) ? '/' : '\\';
}

function pathFeatures(path: string, separator: string): PathFeatures {
  const pathScore = textStats(path).score;
  return {
    processName: path.split(separator).at(-1) ?? '',
    pathScore,
    pathLogScore: pathScore ? Math.log10(pathScore) : 0,
    pathHash: crc32Hash(path),
  };
}

function commandLineFeatures(commandLine: string): CommandLineFeatures {
  const stats: TextStats = textStats(commandLine);
  return {
    commandlineLen: stats.length,
    commandlineLogLen: stats.length ? Math.log10(stats.length) : 0,
    commandlineTokensFull: stats.delimCount,
    commandlineScore: stats.score,
    commandlineTokensHash: stats.delimHash,
  };
}

/** Memoises `compute` per distinct string, as msticpy's `lru_cache` does: host events repeat the same few paths. */
function memo<V>(compute: (text: string) => V): (text: string) => V {
  const cache = new Map<string, V>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}

function isSystemSession(row: ProcessFeatureInput): boolean {
  return row.SubjectLogonId === '0x3e7' || row.SubjectLogonId === '-1';
}

/** The features of one event (null image path / command line count as `''`, like msticpy's `fillna('')`). */
export function processFeatures(row: ProcessFeatureInput, pathSeparator: string): ProcessFeatures {
  return Object.assign(
    pathFeatures(row.NewProcessName ?? '', pathSeparator),
    commandLineFeatures(row.CommandLine ?? ''),
    { isSystemSession: isSystemSession(row) },
  );
}

/**
 * Copies of `rows` with the process features added (msticpy `add_process_features`).
 * @example addProcessFeatures(events, { pathSeparator: '\\' })[0].pathScore
 */
export function addProcessFeatures<T extends ProcessFeatureInput>(
  rows: readonly T[],
  options: ProcessFeatureOptions = {},
): (T & ProcessFeatures)[] {
  const separator = options.pathSeparator ?? guessPathSeparator(rows);
  const pathOf = memo((path) => pathFeatures(path, separator));
  const commandLineOf = memo(commandLineFeatures);
  // Object.assign, not spread: V8 builds spread copies of wide rows many times slower.
  return rows.map((row) =>
    Object.assign({}, row, pathOf(row.NewProcessName ?? ''), commandLineOf(row.CommandLine ?? ''), {
      isSystemSession: isSystemSession(row),
    }),
  );
}
