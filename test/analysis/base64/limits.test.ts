import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE64_LIMITS, inflateCap, resolveLimits } from '../../../src/analysis/base64/limits.js';

describe('limits', () => {
  it('overrides defaults field by field', () => {
    expect(resolveLimits({ maxDepth: 3 })).toEqual({ ...DEFAULT_BASE64_LIMITS, maxDepth: 3 });
  });

  it('caps inflation by ratio (with a small floor), member size and budget', () => {
    const limits = resolveLimits();
    expect(inflateCap(limits, 10, 1e9)).toBe(64 * 1024);
    expect(inflateCap(limits, 2000, 1e9)).toBe(200_000);
    expect(inflateCap(limits, 1e6, 1e9)).toBe(2 * 1024 * 1024);
    expect(inflateCap(limits, 1e6, 5)).toBe(5);
    expect(inflateCap(limits, 1e6, -5)).toBe(0);
  });
});
