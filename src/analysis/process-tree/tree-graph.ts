/**
 * The alert process tree as a `GraphSpec` for the renderer: one node per process, edges parent → child,
 * the source highlighted, and big sibling groups folded into "… N more" nodes so the image stays readable.
 */
import type { GraphSpec } from '../../core/section.js';
import { imageFileName, type ProcessEvent, valueText } from './process-event.js';
import type { AlertTreeRow } from './tree-roles.js';

type GraphNode = GraphSpec['nodes'][number];
type GraphEdge = GraphSpec['edges'][number];

/** Options of `processTreeGraph`. */
export interface ProcessTreeGraphOptions {
  /** Most nodes drawn; larger sibling groups are folded first. Default 200. */
  maxNodes?: number;
}

const inferredParentId = 'inferred-parent';

function processLabel(image: unknown, pid: unknown): string {
  const name = valueText(image);
  return `${name ? imageFileName(name) : 'unknown'}\nPID ${valueText(pid) ?? '?'}`;
}

/** Nodes and edges straight from the rows, plus a stand-in parent when the source's parent is not in the data. */
function rawGraph(rows: readonly AlertTreeRow<ProcessEvent>[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = rows.map((row) => ({
    id: row.key,
    label: processLabel(row.event.NewProcessName, row.event.NewProcessId),
    kind: row.NodeRole,
    ...(row.NodeRole === 'source' ? { highlight: true } : {}),
  }));
  const edges: GraphEdge[] = rows.flatMap((row) => (row.parentKey ? [{ from: row.parentKey, to: row.key }] : []));
  const source = rows.find((row) => row.NodeRole === 'source');
  if (source && source.parentKey === null && valueText(source.event.ProcessId)) {
    // The parent's own event is outside the data; the source still names it, so draw it as inferred.
    nodes.unshift({
      id: inferredParentId,
      label: processLabel(source.event.ParentProcessName, source.event.ProcessId),
      kind: 'inferred',
    });
    for (const row of rows) {
      const orphanSibling = row.NodeRole === 'sibling' && row.parentKey === null;
      if (row === source || orphanSibling) edges.push({ from: inferredParentId, to: row.key });
    }
  }
  return { nodes, edges };
}

/** The number of processes in each node's subtree (itself included). */
function subtreeSizes(children: ReadonlyMap<string, string[]>, ids: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  const sizeOf = (id: string): number => {
    const known = sizes.get(id);
    if (known !== undefined) return known;
    const size = 1 + (children.get(id) ?? []).reduce((sum, child) => sum + sizeOf(child), 0);
    sizes.set(id, size);
    return size;
  };
  for (const id of ids) sizeOf(id);
  return sizes;
}

/**
 * Folds members of the largest sibling groups (never the source or its ancestors) into one node per group
 * until the graph has at most `maxNodes` nodes. Members far in time from the source are folded first.
 */
function collapse(graph: { nodes: GraphNode[]; edges: GraphEdge[] }, rows: readonly AlertTreeRow[], maxNodes: number) {
  const children = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const list = children.get(edge.from);
    if (list) list.push(edge.to);
    else children.set(edge.from, [edge.to]);
  }
  const sizes = subtreeSizes(
    children,
    graph.nodes.map((node) => node.id),
  );
  const rowByKey = new Map(rows.map((row) => [row.key, row]));
  const source = rows.find((row) => row.NodeRole === 'source');
  const sourceTime = source?.event.TimeGenerated.getTime() ?? 0;
  const parentOf = new Map(graph.edges.map((edge) => [edge.to, edge.from]));
  const protectedIds = new Set<string>();
  for (let id: string | undefined = source?.key; id !== undefined; id = parentOf.get(id)) protectedIds.add(id);
  const removed = new Set<string>();
  const markRemoved = (id: string): void => {
    removed.add(id);
    for (const child of children.get(id) ?? []) markRemoved(child);
  };
  const distance = (id: string) => Math.abs((rowByKey.get(id)?.event.TimeGenerated.getTime() ?? 0) - sourceTime);
  const groups = [...children.entries()]
    .map(([parent, members]) => ({ parent, members: members.filter((id) => !protectedIds.has(id)) }))
    .filter((group) => group.members.length >= 2)
    .sort((a, b) => b.members.length - a.members.length);
  let count = graph.nodes.length;
  for (const group of groups) {
    if (count <= maxNodes) break;
    const farFirst = [...group.members].sort((a, b) => distance(b) - distance(a));
    let hidden = 0;
    let folded = 0;
    for (const id of farFirst) {
      if (folded >= 2 && count - hidden + 1 <= maxNodes) break;
      hidden += sizes.get(id) ?? 1;
      folded += 1;
      markRemoved(id);
    }
    count = count - hidden + 1;
    const id = `${group.parent}-more`;
    graph.nodes.push({ id, label: `… ${hidden} more`, kind: 'collapsed' });
    graph.edges.push({ from: group.parent, to: id });
  }
  graph.nodes = graph.nodes.filter((node) => !removed.has(node.id));
  graph.edges = graph.edges.filter((edge) => !removed.has(edge.from) && !removed.has(edge.to));
}

/** The alert process tree as a graph: source highlighted, at most `maxNodes` nodes (default 200). */
export function processTreeGraph(
  rows: readonly AlertTreeRow<ProcessEvent>[],
  options: ProcessTreeGraphOptions = {},
): GraphSpec {
  const maxNodes = Math.max(options.maxNodes ?? 200, 1);
  const graph = rawGraph(rows);
  if (graph.nodes.length > maxNodes) collapse(graph, rows, maxNodes);
  const source = rows.find((row) => row.NodeRole === 'source');
  const title = source
    ? `Process tree of ${processLabel(source.event.NewProcessName, source.event.NewProcessId).replace('\n', ' ')}`
    : 'Process tree';
  return { title, nodes: graph.nodes, edges: graph.edges };
}
