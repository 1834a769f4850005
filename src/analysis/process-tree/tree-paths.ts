/**
 * Step 6 of the tree build (msticpy `build_proc_tree`): paths of source indexes from each root, and the
 * node order msticpy gets by sorting on path — here produced directly, depth first. Works on row numbers
 * and typed arrays so a million processes cost a few passes, not a million small maps.
 */
import type { ProcessTreeNode } from './build-process-tree.js';
import type { ProcessEvent } from './process-event.js';

/** Nodes in path order and the children of every procKey. */
export interface TreePaths<E extends ProcessEvent> {
  ordered: ProcessTreeNode<E>[];
  childrenByKey: Map<string, ProcessTreeNode<E>[]>;
}

/** Children of each row as one flat array: row r's children are `children[start[r]] … children[start[r + 1] - 1]`. */
interface ChildLists {
  start: Int32Array;
  children: Int32Array;
}

function childLists<E extends ProcessEvent>(
  byIndex: readonly (ProcessTreeNode<E> | undefined)[],
  byKey: ReadonlyMap<string, ProcessTreeNode<E>>,
): ChildLists {
  const parentAt = new Int32Array(byIndex.length).fill(-1);
  const start = new Int32Array(byIndex.length + 1);
  byIndex.forEach((node, i) => {
    const parent = node?.parentKey == null ? undefined : byKey.get(node.parentKey);
    if (!parent) return;
    parentAt[i] = Number(parent.sourceIndex);
    start[parentAt[i]! + 1]! += 1;
  });
  for (let i = 0; i < byIndex.length; i += 1) start[i + 1]! += start[i]!;
  const children = new Int32Array(start[byIndex.length]!);
  const cursor = start.slice(0, byIndex.length);
  // Rows are visited in index order, so every child list comes out sorted by source index.
  parentAt.forEach((parent, i) => {
    if (parent >= 0) children[cursor[parent]!++] = i;
  });
  return { start, children };
}

/** Sets path, depth and parentIndex of every node reachable from a root (breadth first); marks them reached. */
function assignPaths<E extends ProcessEvent>(
  byIndex: readonly (ProcessTreeNode<E> | undefined)[],
  lists: ChildLists,
): Uint8Array {
  const reached = new Uint8Array(byIndex.length);
  const queue = new Int32Array(byIndex.length);
  let tail = 0;
  byIndex.forEach((node, i) => {
    if (node?.isRoot) {
      reached[i] = 1;
      queue[tail++] = i;
    }
  });
  for (let head = 0; head < tail; head += 1) {
    const parent = byIndex[queue[head]!]!;
    for (let c = lists.start[queue[head]!]!; c < lists.start[queue[head]! + 1]!; c += 1) {
      const i = lists.children[c]!;
      const child = byIndex[i]!;
      child.path = `${parent.path}/${child.sourceIndex}`;
      child.depth = parent.depth + 1;
      child.parentIndex = parent.sourceIndex;
      reached[i] = 1;
      queue[tail++] = i;
    }
  }
  return reached;
}

/**
 * Paths and path order. `byIndex` holds the nodes at their row number (gaps where duplicate keys were
 * dropped). Nodes on a parent cycle (only possible when equal timestamps point at each other) are never
 * reached from a root: like msticpy they keep their own index as path and sort among the roots.
 */
export function buildPaths<E extends ProcessEvent>(
  byIndex: readonly (ProcessTreeNode<E> | undefined)[],
  byKey: ReadonlyMap<string, ProcessTreeNode<E>>,
): TreePaths<E> {
  const lists = childLists(byIndex, byKey);
  const reached = assignPaths(byIndex, lists);
  const ordered: ProcessTreeNode<E>[] = [];
  const stack: number[] = [];
  byIndex.forEach((top, t) => {
    if (!top || (!top.isRoot && reached[t])) return;
    ordered.push(top);
    if (!reached[t]) return;
    // An explicit stack: a long chain of processes must not overflow the call stack.
    stack.push(t);
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (i !== t) ordered.push(byIndex[i]!);
      for (let c = lists.start[i + 1]! - 1; c >= lists.start[i]!; c -= 1) stack.push(lists.children[c]!);
    }
  });
  const childrenByKey = new Map<string, ProcessTreeNode<E>[]>();
  byIndex.forEach((node, i) => {
    if (!node || lists.start[i + 1] === lists.start[i]) return;
    const kids = Array.from(lists.children.subarray(lists.start[i]!, lists.start[i + 1]!), (c) => byIndex[c]!);
    childrenByKey.set(node.procKey, kids);
  });
  return { ordered, childrenByKey };
}
