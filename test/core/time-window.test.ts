import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatRelativeWindow,
  parseDuration,
  parseRelativeWindow,
  resolveWindow,
} from '../../src/core/time-window.js';

describe('time windows', () => {
  it('parses durations in every unit', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('90m')).toBe(5_400_000);
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('7 days')).toBe(604_800_000);
    expect(parseDuration('2w')).toBe(1_209_600_000);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('parses offsets around an origin and last-N windows', () => {
    expect(parseRelativeWindow('-5d..+1d')).toEqual({ before: 432_000_000, after: 86_400_000 });
    expect(parseRelativeWindow('last 24h')).toEqual({ before: 86_400_000, after: 0 });
    expect(parseRelativeWindow('-2h..-1h')).toEqual({ before: 7_200_000, after: -3_600_000 });
    expect(parseRelativeWindow('-1d..0')).toEqual({ before: 86_400_000, after: 0 });
    expect(parseRelativeWindow('0..+1h')).toEqual({ before: 0, after: 3_600_000 });
    expect(parseRelativeWindow('+1h..-1h')).toBe('"+1h..-1h" ends before it starts');
    expect(typeof parseRelativeWindow('yesterday')).toBe('string');
  });

  it('resolves and formats windows', () => {
    const origin = new Date('2019-01-15T05:15:00Z');
    expect(resolveWindow(origin, { before: 3_600_000, after: 600_000 })).toEqual({
      start: new Date('2019-01-15T04:15:00Z'),
      end: new Date('2019-01-15T05:25:00Z'),
    });
    expect(formatRelativeWindow({ before: 432_000_000, after: 86_400_000 })).toBe('-5d..+1d');
    expect(formatDuration(5_400_000)).toBe('90m');
  });
});
