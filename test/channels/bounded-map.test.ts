/**
 * The bounded memory behind Slack's event dedupe and every channel's thread → alert memory.
 */
import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/channels/bounded-map.js';

describe('BoundedMap', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.has('b')).toBe(false);
    expect(map.has('a')).toBe(true);
    expect(map.size).toBe(2);
  });

  it('add() tells a first delivery from a repeat', () => {
    const seen = new BoundedMap<string, true>(10);
    expect(seen.add('Ev1', true)).toBe(true);
    expect(seen.add('Ev1', true)).toBe(false);
    seen.delete('Ev1');
    expect(seen.add('Ev1', true)).toBe(true);
  });
});
