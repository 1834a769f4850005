/**
 * Keeps a graph drawable: above `maxNodes` nodes, the highlighted node (the alert, the source process) and its
 * nearest neighbourhood stay, everything else folds into one "… N more" node. Linear in nodes + edges.
 */
import type { GraphSpec } from '../../core/section.js';

type GraphNode = GraphSpec['nodes'][number];
type GraphEdge = GraphSpec['edges'][number];

/** Kind of the node that stands for the folded nodes (the process tree uses the same). */
export const collapsedKind = 'collapsed';

function adjacency(edges: readonly GraphEdge[]): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const edge of edges) {
    link(edge.from, edge.to);
    link(edge.to, edge.from);
  }
  return neighbours;
}

/** Up to `budget` node ids, breadth-first from the seeds (then from any node left, so nothing is unreachable). */
function nearest(nodes: readonly GraphNode[], edges: readonly GraphEdge[], budget: number): Set<string> {
  const neighbours = adjacency(edges);
  const kept = new Set<string>();
  const seeds = nodes.filter((node) => node.highlight).map((node) => node.id);
  const queue = seeds.length > 0 ? seeds : nodes.slice(0, 1).map((node) => node.id);
  for (let head = 0; head < queue.length && kept.size < budget; head += 1) {
    const id = queue[head]!;
    if (kept.has(id)) continue;
    kept.add(id);
    for (const next of neighbours.get(id) ?? []) if (!kept.has(next)) queue.push(next);
  }
  return kept;
}

function unusedId(taken: ReadonlySet<string>, wanted: string): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n += 1) id = `${wanted}-${n}`;
  return id;
}

/** The graph with at most `maxNodes` nodes (at least 2), the rest folded into one node linked to what it touched. */
export function boundGraph(graph: GraphSpec, maxNodes: number): GraphSpec {
  const ids = new Set(graph.nodes.map((node) => node.id));
  if (ids.size <= maxNodes) return graph;
  const budget = Math.max(1, Math.floor(maxNodes) - 1);
  const edges = graph.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  const kept = nearest(graph.nodes, edges, budget);
  const keptNodes = graph.nodes.filter((node) => kept.has(node.id));
  const folded = ids.size - kept.size;
  const foldId = unusedId(ids, 'more');
  const foldEdges = new Map<string, GraphEdge>();
  const keptEdges: GraphEdge[] = [];
  for (const edge of edges) {
    const fromKept = kept.has(edge.from);
    const toKept = kept.has(edge.to);
    if (fromKept && toKept) keptEdges.push(edge);
    else if (fromKept) foldEdges.set(`>${edge.from}`, { from: edge.from, to: foldId });
    else if (toKept) foldEdges.set(`<${edge.to}`, { from: foldId, to: edge.to });
  }
  return {
    title: graph.title,
    nodes: [...keptNodes, { id: foldId, label: `… ${folded} more`, kind: collapsedKind }],
    edges: [...keptEdges, ...foldEdges.values()],
  };
}
