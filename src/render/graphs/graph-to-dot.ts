/**
 * `GraphSpec` → DOT, pure. Node ids in the DOT are generated (`n0`, `n1`…): user data only ever appears inside
 * escaped HTML-like labels. Entity graphs read left to right, process trees top to bottom.
 */
import type { GraphSpec } from '../../core/section.js';
import { fontFamily } from '../images/fonts.js';
import { boundGraph } from './bound-graph.js';
import { labelLimits, lineLabel, nodeLabel, quoted } from './dot-text.js';
import { highlightStyle, nodeStyle, processTreeKinds } from './node-style.js';

/** Options of `graphToDot`. */
export interface GraphToDotOptions {
  /** Most nodes drawn; beyond, the highlighted node's neighbourhood stays and the rest folds. Default 200. */
  maxNodes?: number;
  /** Layout direction; default TB for process trees, LR for everything else. */
  direction?: 'LR' | 'TB';
}

type GraphNode = GraphSpec['nodes'][number];

function attributes(pairs: Record<string, string | number | undefined>): string {
  const parts = Object.entries(pairs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' && value.startsWith('<') ? value : quoted(value)}`);
  return `[${parts.join(', ')}]`;
}

function nodeLine(dotId: string, node: GraphNode): string {
  const style = nodeStyle(node.kind);
  const highlight = node.highlight === true;
  return `  ${dotId} ${attributes({
    label: nodeLabel(node.label, highlight),
    shape: style.shape,
    style: style.style ?? 'filled',
    color: highlight ? highlightStyle.color : style.color,
    fillcolor: style.fillcolor,
    penwidth: highlight ? highlightStyle.penwidth : undefined,
    fontcolor: highlight ? highlightStyle.fontcolor : undefined,
  })};`;
}

/** True when the graph is a process tree (drawn top to bottom, one rank per generation). */
export function isProcessTree(graph: GraphSpec): boolean {
  return graph.nodes.some((node) => processTreeKinds.has(node.kind));
}

/** The DOT source of a graph. */
export function graphToDot(graph: GraphSpec, options: GraphToDotOptions = {}): string {
  const bounded = boundGraph(graph, Math.max(2, options.maxNodes ?? 200));
  const direction = options.direction ?? (isProcessTree(bounded) ? 'TB' : 'LR');
  const dotIds = new Map<string, string>();
  const lines: string[] = [];
  for (const node of bounded.nodes) {
    if (dotIds.has(node.id)) continue;
    const dotId = `n${dotIds.size}`;
    dotIds.set(node.id, dotId);
    lines.push(nodeLine(dotId, node));
  }
  for (const edge of bounded.edges) {
    const from = dotIds.get(edge.from);
    const to = dotIds.get(edge.to);
    if (!from || !to) continue;
    const label = edge.label ? lineLabel(edge.label, labelLimits.edgeLength) : undefined;
    lines.push(`  ${from} -> ${to}${label ? ` ${attributes({ label })}` : ''};`);
  }
  const font = quoted(fontFamily);
  return [
    'digraph socbot {',
    `  graph [rankdir=${direction}, label=${lineLabel(bounded.title, labelLimits.title, true)}, labelloc=t, fontsize=14, fontname=${font}, bgcolor="white", pad=0.2, nodesep=0.3, ranksep=0.45];`,
    `  node [fontname=${font}, fontsize=11, margin="0.12,0.06"];`,
    `  edge [fontname=${font}, fontsize=9, color="#555555", fontcolor="#444444", arrowsize=0.7];`,
    ...lines,
    '}',
    '',
  ].join('\n');
}
