/**
 * Process trees from raw process-creation events: msticpy's `build_process_tree` (proc_tree_builder.py,
 * proc_tree_build_winlx.py) for Windows 4688 and Linux auditd rows, with the same keys, flags and paths.
 */
import { type CleanEvent, cleanEvents } from './clean-events.js';
import { keyTime } from './key-time.js';
import { matchParents } from './match-parents.js';
import { type ProcessEvent, type ProcessSchema, valueText } from './process-event.js';
import { buildPaths } from './tree-paths.js';

/** One process in a tree: a real event, or a parent inferred from its children's ProcessId / ParentProcessName. */
export interface ProcessTreeNode<E extends ProcessEvent = ProcessEvent> {
  /** msticpy's `proc_key`: `lower(image)|pid|time` with the time as `YYYY-MM-DD HH:MM:SS.ffffff`. */
  procKey: string;
  /** The parent's procKey; null for roots. */
  parentKey: string | null;
  /** The source event; null for an inferred parent. */
  event: E | null;
  inferred: boolean;
  processId: string;
  /** The image path; for an inferred Windows parent the child's ParentProcessName, null for an inferred Linux one. */
  processName: string | null;
  parentProcessId: string | null;
  /** Creation time; the epoch for inferred parents. */
  time: Date;
  computer: string | null;
  subjectLogonId: string | null;
  effectiveLogonId: string | null;
  /**
   * msticpy's `source_index`: row number with real events in time order, then inferred parents; zero-padded
   * to five digits (more above 99,999 rows, so paths still sort as numbers).
   */
  sourceIndex: string;
  parentIndex: string | null;
  /** `/`-joined source indexes from the root to this node. */
  path: string;
  /** Hops from the root (the number of `/` in path). */
  depth: number;
  isRoot: boolean;
  isLeaf: boolean;
  isBranch: boolean;
}

/** A forest of process trees with lookups for navigation. */
export interface ProcessTree<E extends ProcessEvent = ProcessEvent> {
  schema: ProcessSchema;
  /** Every node, ordered by path (each root followed by its subtree, depth first). */
  nodes: readonly ProcessTreeNode<E>[];
  /** Input rows left out: not process creations, without a valid time, or exact duplicates. */
  ignoredEvents: number;
  byKey: ReadonlyMap<string, ProcessTreeNode<E>>;
  /** Nodes at their row number (`Number(sourceIndex)`); gaps where duplicate keys were dropped. */
  byIndex: readonly (ProcessTreeNode<E> | undefined)[];
  /** Children of each procKey, in source-index order. */
  childrenByKey: ReadonlyMap<string, readonly ProcessTreeNode<E>[]>;
}

/** Options of `buildProcessTree`. */
export interface BuildProcessTreeOptions {
  /** `windows` (default) matches parents on pid and image; `linux` on pid only. */
  schema?: ProcessSchema;
}

const epochKeyTime = keyTime(new Date(0));

interface NodeFields<E extends ProcessEvent> {
  procKey: string;
  parentKey: string | null;
  event: E | null;
  processId: string;
  processName: string | null;
  parentProcessId: string | null;
  time: Date;
  computer: string | null;
  subjectLogonId: string | null;
  effectiveLogonId: string | null;
}

/** Every node is created with the same property order, so V8 keeps one fast object shape for all of them. */
function makeNode<E extends ProcessEvent>(fields: NodeFields<E>): ProcessTreeNode<E> {
  return {
    procKey: fields.procKey,
    parentKey: fields.parentKey,
    event: fields.event,
    inferred: fields.event === null,
    processId: fields.processId,
    processName: fields.processName,
    parentProcessId: fields.parentProcessId,
    time: fields.time,
    computer: fields.computer,
    subjectLogonId: fields.subjectLogonId,
    effectiveLogonId: fields.effectiveLogonId,
    sourceIndex: '',
    parentIndex: null,
    path: '',
    depth: 0,
    isRoot: fields.parentKey === null,
    isLeaf: false,
    isBranch: false,
  };
}

function realNode<E extends ProcessEvent>(event: CleanEvent<E>, parentKey: string): ProcessTreeNode<E> {
  return makeNode({
    procKey: event.procKey,
    parentKey,
    event: event.event,
    processId: event.pidText,
    processName: valueText(event.event.NewProcessName),
    parentProcessId: event.ppidText,
    time: event.date,
    computer: event.computer,
    subjectLogonId: event.subjectLogonId,
    effectiveLogonId: event.effectiveLogonId,
  });
}

/**
 * A synthetic parent for an event whose parent is not in the data (msticpy `_extract_inferred_parents`):
 * its pid and image are the child's ProcessId / ParentProcessName, its session the child's
 * SubjectLogonId, its time the epoch. It has no parent, so it is a root.
 */
function inferredNode<E extends ProcessEvent>(child: CleanEvent<E>): ProcessTreeNode<E> {
  return makeNode<E>({
    procKey: `${child.parentNameLc}|${child.ppidText}|${epochKeyTime}`,
    parentKey: null,
    event: null,
    processId: child.ppidText,
    processName: child.parentName,
    parentProcessId: null,
    time: new Date(0),
    computer: child.computer,
    subjectLogonId: child.subjectLogonId,
    effectiveLogonId: child.subjectLogonId,
  });
}

/** msticpy drops duplicate inferred rows on these columns (host, ppid, session, parent name, event id). */
function inferredIdentity(child: CleanEvent<ProcessEvent>): string {
  const { computer, ppidText, subjectLogonId, parentName, event } = child;
  return [computer, ppidText, subjectLogonId, parentName, String(event.EventID)].join('\u0001');
}

/** Real events in time order followed by the inferred parents, in the order msticpy numbers them. */
function allRows<E extends ProcessEvent>(
  events: readonly CleanEvent<E>[],
  schema: ProcessSchema,
): ProcessTreeNode<E>[] {
  const parents = matchParents(events, schema);
  const rows: ProcessTreeNode<E>[] = [];
  const inferred = new Map<string, ProcessTreeNode<E>>();
  events.forEach((event, i) => {
    const parentAt = parents[i]!;
    if (parentAt >= 0) {
      rows.push(realNode(event, events[parentAt]!.procKey));
      return;
    }
    const identity = inferredIdentity(event);
    let parent = inferred.get(identity);
    if (!parent) {
      parent = inferredNode(event);
      inferred.set(identity, parent);
    }
    rows.push(realNode(event, parent.procKey));
  });
  for (const parent of inferred.values()) rows.push(parent);
  return rows;
}

/**
 * Builds process trees from process-creation events (msticpy `build_process_tree`). Parents are matched
 * as-of time; parents missing from the data are inferred as roots; every node gets msticpy's keys, flags,
 * source index and path. Feed it one host's events: like msticpy, the match ignores `Computer`.
 */
export function buildProcessTree<E extends ProcessEvent>(
  events: readonly E[],
  options: BuildProcessTreeOptions = {},
): ProcessTree<E> {
  const schema = options.schema ?? 'windows';
  const cleaned = cleanEvents(events, schema);
  const rows = allRows(cleaned.events, schema);
  const width = Math.max(5, String(Math.max(rows.length - 1, 0)).length);
  const byKey = new Map<string, ProcessTreeNode<E>>();
  const byIndex: (ProcessTreeNode<E> | undefined)[] = new Array(rows.length);
  // msticpy computes the flags before dropping duplicate keys, so a dropped row's parent is still a parent.
  const droppedParentKeys = new Set<string>();
  rows.forEach((node, i) => {
    if (byKey.has(node.procKey)) {
      if (node.parentKey !== null) droppedParentKeys.add(node.parentKey);
      return;
    }
    node.sourceIndex = String(i).padStart(width, '0');
    node.path = node.sourceIndex;
    byKey.set(node.procKey, node);
    byIndex[i] = node;
  });
  const { ordered, childrenByKey } = buildPaths(byIndex, byKey);
  for (const node of ordered) {
    const hasChild = childrenByKey.has(node.procKey) || droppedParentKeys.has(node.procKey);
    node.isLeaf = !hasChild;
    node.isBranch = !node.isRoot && hasChild;
  }
  return { schema, nodes: ordered, ignoredEvents: cleaned.ignored, byKey, byIndex, childrenByKey };
}
