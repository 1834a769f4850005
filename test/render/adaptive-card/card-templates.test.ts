/**
 * The templates in cards/: each loads with its partials included, and the include mechanism splices and refuses
 * loops.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplateJson, resolveIncludes, templateNames } from '../../../src/render/adaptive-card/card-templates.js';

describe('card templates', () => {
  it.each(templateNames)('%s loads with every include resolved', (name) => {
    const json = JSON.stringify(loadTemplateJson(name));
    expect(json).not.toContain('$include');
    expect(JSON.parse(json)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });

  it('splices an array partial into the array that includes it', () => {
    const partials: Record<string, unknown> = { pair: [{ a: 1 }, { b: 2 }], one: { c: 3 } };
    const resolved = resolveIncludes(
      { items: [{ $include: 'pair' }, { $include: 'one' }, { d: 4 }] },
      (name) => structuredClone(partials[name]) as never,
    );
    expect(resolved).toEqual({ items: [{ a: 1 }, { b: 2 }, { c: 3 }, { d: 4 }] });
  });

  it('refuses a partial that includes itself', () => {
    expect(() => resolveIncludes({ $include: 'loop' }, () => ({ $include: 'loop' }))).toThrow(/nests too deep/);
  });
});
