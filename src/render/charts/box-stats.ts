/**
 * Five-number summaries for box plots. Quartiles interpolate linearly between order statistics, as numpy's
 * default `percentile` (and so matplotlib/seaborn box plots) does.
 */

/** Minimum, quartiles, median and maximum of a sample. */
export interface BoxStats {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  count: number;
}

function quantile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (position - below);
}

/** The five-number summary of the finite values, or undefined when there are none. */
export function boxStats(values: readonly number[]): BoxStats | undefined {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  return {
    min: sorted[0]!,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
    count: sorted.length,
  };
}
