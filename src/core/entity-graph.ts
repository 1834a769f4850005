/**
 * The alert's entity graph, as msticpy's `create_alert_graph` and `add_related_alerts` build it
 * (msticpy-facts §b "Entity graph"): nodes are named by `describeEntity`, so entities with the same name share a
 * node, as in msticpy's networkx graph.
 */
import type { Alert } from './alert.js';
import { isEntityRef, resolveRef } from './entity.js';
import { describeEntity } from './entity-describe.js';
import type { GraphSpec } from './section.js';

/** A related alert to hang on the graph: `matchedEntityName` is the start of an entity node's label. */
export interface RelatedAlertLink {
  alertType: string;
  /** e.g. `host: WIN1`, `account: DOM\user`, `process: c:\x\ftp.exe` (case-insensitive prefix of the label). */
  matchedEntityName?: string;
}

type GraphNode = GraphSpec['nodes'][number];
type GraphEdge = GraphSpec['edges'][number];

// msticpy's graph is undirected: one edge per pair of nodes, whichever way it was added.
function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function addEdge(edges: Map<string, GraphEdge>, edge: GraphEdge): void {
  const key = pairKey(edge.from, edge.to);
  if (!edges.has(key)) edges.set(key, edge);
}

function entityNodesAndEdges(alert: Alert, alertNode: string, nodes: Map<string, GraphNode>): Map<string, GraphEdge> {
  const edges = new Map<string, GraphEdge>();
  const names = new Map(alert.entities.map((entity) => [entity.id, describeEntity(entity, alert)]));
  // msticpy's loop, order included: each entity is linked to the alert; an entity-valued (non-list, non-host)
  // property links it to that entity instead and removes the alert's edge to it.
  for (const entity of alert.entities) {
    const name = names.get(entity.id)!;
    if (!nodes.has(name)) nodes.set(name, { id: name, label: name, kind: entity.type });
    addEdge(edges, { from: alertNode, to: name });
    for (const [property, value] of Object.entries(entity.properties)) {
      const target = isEntityRef(value) ? resolveRef(alert, value) : undefined;
      if (!target || target.type === 'host') continue;
      const targetName = names.get(target.id)!;
      // A self-reference would be a loop that also cut the entity off from the alert; skip it.
      if (targetName === name) continue;
      addEdge(edges, { from: name, to: targetName, label: property });
      edges.delete(pairKey(alertNode, targetName));
    }
  }
  return edges;
}

function matchedNode(nodes: Iterable<GraphNode>, matched: string | undefined): GraphNode | undefined {
  if (!matched) return undefined;
  const prefix = matched.toLowerCase();
  for (const node of nodes) {
    const isEntity = node.kind !== 'alert' && node.kind !== 'related-alert';
    if (isEntity && node.label.toLowerCase().startsWith(prefix)) return node;
  }
  return undefined;
}

function addRelatedAlerts(
  related: readonly RelatedAlertLink[],
  alertNode: string,
  nodes: Map<string, GraphNode>,
  edges: Map<string, GraphEdge>,
): void {
  const entityNodes = [...nodes.values()];
  // msticpy falls back to the host node, and links nothing when there is none; socbot then uses the alert node.
  const fallback = entityNodes.find((node) => node.kind === 'host')?.id ?? alertNode;
  const counts = new Map<string, number>();
  for (const link of related) {
    const id = `${link.alertType}(R)`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    addEdge(edges, {
      from: matchedNode(entityNodes, link.matchedEntityName)?.id ?? fallback,
      to: id,
      label: 'related',
    });
  }
  for (const [id, count] of counts) {
    if (!nodes.has(id)) nodes.set(id, { id, label: count > 1 ? `${id} ×${count}` : id, kind: 'related-alert' });
  }
}

/** The entity graph of an alert, optionally with related alerts as `<AlertType>(R)` nodes. */
export function alertEntityGraph(alert: Alert, related: readonly RelatedAlertLink[] = []): GraphSpec {
  const alertNode = alert.alertType || alert.displayName || 'alert';
  const nodes = new Map<string, GraphNode>([
    [alertNode, { id: alertNode, label: alertNode, kind: 'alert', highlight: true }],
  ]);
  const edges = entityNodesAndEdges(alert, alertNode, nodes);
  addRelatedAlerts(related, alertNode, nodes, edges);
  return {
    title: `Entities of ${alert.displayName || alertNode}`,
    nodes: [...nodes.values()],
    edges: [...edges.values()],
  };
}
