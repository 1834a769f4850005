import { describe, expect, it } from 'vitest';
import { deriveSeed, RandomSource, weightedTable } from '../../../../src/data/local/demo/random-source.js';

const draw = (source: RandomSource, n: number) => Array.from({ length: n }, () => source.float());

describe('RandomSource', () => {
  it('repeats a stream for the same seed and label, and separates labels and seeds', () => {
    expect(draw(new RandomSource(42, 'a'), 20)).toEqual(draw(new RandomSource(42, 'a'), 20));
    expect(draw(new RandomSource(42, 'a'), 20)).not.toEqual(draw(new RandomSource(42, 'b'), 20));
    expect(draw(new RandomSource(42, 'a'), 20)).not.toEqual(draw(new RandomSource(43, 'a'), 20));
    expect(deriveSeed(1, 'catalog')).not.toBe(deriveSeed(1, 'stories'));
  });

  it('keeps ints inside their inclusive bounds and reaches both ends', () => {
    const source = new RandomSource(1, 'ints');
    const values = Array.from({ length: 2_000 }, () => source.int(3, 6));
    expect(new Set(values)).toEqual(new Set([3, 4, 5, 6]));
    expect(draw(source, 1_000).every((f) => f >= 0 && f < 1)).toBe(true);
  });

  it('makes version-4 GUIDs and fixed-width hex', () => {
    const source = new RandomSource(5, 'ids');
    for (let i = 0; i < 50; i++) {
      expect(source.guid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(source.hex(11)).toMatch(/^[0-9a-f]{11}$/);
    }
  });

  it('follows the weights of a table and never picks a zero weight', () => {
    const source = new RandomSource(9, 'weights');
    const table = weightedTable([
      ['rare', 1],
      ['never', 0],
      ['common', 9],
    ] as const);
    const picks = Array.from({ length: 5_000 }, () => source.weighted(table));
    expect(picks).not.toContain('never');
    const common = picks.filter((p) => p === 'common').length / picks.length;
    expect(common).toBeGreaterThan(0.85);
    expect(common).toBeLessThan(0.95);
  });

  it('samples distinct elements', () => {
    const sample = new RandomSource(3, 'sample').sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
    expect(sample.every((n) => n >= 1 && n <= 6)).toBe(true);
  });
});
