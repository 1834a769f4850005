import { describe, expect, it } from 'vitest';
import type { GraphSpec } from '../../../src/core/section.js';
import { boundGraph } from '../../../src/render/graphs/bound-graph.js';

/** A chain a0 → a1 → … with the alert at `highlightAt`, plus `leaves` leaves hanging off a0. */
function graph(chain: number, leaves: number, highlightAt = 0): GraphSpec {
  const nodes: GraphSpec['nodes'] = Array.from({ length: chain }, (_, i) => ({
    id: `a${i}`,
    label: `a${i}`,
    kind: 'process',
    ...(i === highlightAt ? { highlight: true } : {}),
  }));
  const edges: GraphSpec['edges'] = nodes.slice(1).map((node, i) => ({ from: `a${i}`, to: node.id }));
  for (let i = 0; i < leaves; i += 1) {
    nodes.push({ id: `leaf${i}`, label: `leaf${i}`, kind: 'file' });
    edges.push({ from: 'a0', to: `leaf${i}` });
  }
  return { title: 'g', nodes, edges };
}

describe('boundGraph', () => {
  it('returns a graph within the limit unchanged', () => {
    const small = graph(5, 5);
    expect(boundGraph(small, 10)).toBe(small);
  });

  it('keeps the highlighted node and its nearest neighbours, folding the rest into one "… N more" node', () => {
    const bounded = boundGraph(graph(300, 0, 150), 11);
    expect(bounded.nodes).toHaveLength(11);
    const ids = bounded.nodes.map((node) => node.id);
    // Breadth-first from a150: a150, a149, a151, a148, a152, …
    expect(ids.slice(0, 10).sort()).toEqual(
      ['a145', 'a146', 'a147', 'a148', 'a149', 'a150', 'a151', 'a152', 'a153', 'a154'].sort(),
    );
    const fold = bounded.nodes.at(-1)!;
    expect(fold).toEqual({ id: 'more', label: '… 290 more', kind: 'collapsed' });
    // The fold hangs off the kept nodes that had edges into the folded part, once each.
    expect(bounded.edges.filter((edge) => edge.from === 'more' || edge.to === 'more')).toEqual([
      { from: 'more', to: 'a145' },
      { from: 'a154', to: 'more' },
    ]);
    // Every remaining edge joins two remaining nodes.
    const kept = new Set(ids);
    for (const edge of bounded.edges) expect(kept.has(edge.from) && kept.has(edge.to)).toBe(true);
  });

  it('starts from the first node when nothing is highlighted, and counts unreachable nodes as folded', () => {
    const spec = graph(3, 250, -1);
    spec.nodes.push({ id: 'island', label: 'island', kind: 'ip' });
    const bounded = boundGraph(spec, 20);
    expect(bounded.nodes).toHaveLength(20);
    expect(bounded.nodes[0]!.id).toBe('a0');
    expect(bounded.nodes.at(-1)!.label).toBe(`… ${254 - 19} more`);
  });

  it('picks a fold id that no node uses and ignores edges to unknown nodes', () => {
    const spec = graph(10, 0);
    spec.nodes.push({ id: 'more', label: 'a node really called more', kind: 'host' });
    spec.edges.push({ from: 'a0', to: 'ghost' });
    const bounded = boundGraph(spec, 5);
    expect(bounded.nodes.at(-1)!.id).toBe('more-2');
    expect(bounded.edges.some((edge) => edge.to === 'ghost')).toBe(false);
  });

  it('is linear: 100k nodes bound in well under a second', () => {
    const started = performance.now();
    const bounded = boundGraph(graph(1000, 99_000), 200);
    expect(bounded.nodes).toHaveLength(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
