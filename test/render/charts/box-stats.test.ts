import { describe, expect, it } from 'vitest';
import { boxStats } from '../../../src/render/charts/box-stats.js';

describe('boxStats', () => {
  it('matches numpy.percentile (linear interpolation), as seaborn box plots use', () => {
    // numpy.percentile([1, 2, 3, 4, 10], [25, 50, 75]) == [2, 3, 4]; [1, 2, 3, 4] → [1.75, 2.5, 3.25]
    expect(boxStats([10, 1, 3, 2, 4])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 10, count: 5 });
    expect(boxStats([4, 3, 2, 1])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, count: 4 });
  });

  it('handles one value, ignores non-finite values and returns undefined for none', () => {
    expect(boxStats([7])).toEqual({ min: 7, q1: 7, median: 7, q3: 7, max: 7, count: 1 });
    expect(boxStats([Number.NaN, 2, Number.POSITIVE_INFINITY])).toMatchObject({ min: 2, max: 2, count: 1 });
    expect(boxStats([])).toBeUndefined();
  });
});
