/**
 * Walking a built process tree (msticpy `process_tree_utils`): roots, parent, children, descendants,
 * ancestors, siblings, and the summary counts. All lookups go through the tree's maps — no scans per call
 * except `roots`.
 */
import type { ProcessTree, ProcessTreeNode } from './build-process-tree.js';
import type { ProcessEvent } from './process-event.js';

/** Whether a navigation result includes the node asked about (msticpy's `include_source`, default true there). */
export interface IncludeSelf {
  includeSelf?: boolean;
}

/** msticpy `get_summary_info`. */
export interface TreeSummary {
  Processes: number;
  RootProcesses: number;
  LeafProcesses: number;
  BranchProcesses: number;
  /** Processes that are both root and leaf. */
  IsolatedProcesses: number;
  /** Deepest path depth + 1; 0 for an empty tree. */
  LargestTreeDepth: number;
}

/** Summary counts of a tree (msticpy `get_summary_info`). */
export function treeSummary(tree: ProcessTree<ProcessEvent>): TreeSummary {
  const summary: TreeSummary = {
    Processes: tree.nodes.length,
    RootProcesses: 0,
    LeafProcesses: 0,
    BranchProcesses: 0,
    IsolatedProcesses: 0,
    LargestTreeDepth: 0,
  };
  for (const node of tree.nodes) {
    if (node.isRoot) summary.RootProcesses += 1;
    if (node.isLeaf) summary.LeafProcesses += 1;
    if (node.isBranch) summary.BranchProcesses += 1;
    if (node.isRoot && node.isLeaf) summary.IsolatedProcesses += 1;
    summary.LargestTreeDepth = Math.max(summary.LargestTreeDepth, node.depth + 1);
  }
  return summary;
}

/** The root processes, in path order. */
export function roots<E extends ProcessEvent>(tree: ProcessTree<E>): ProcessTreeNode<E>[] {
  return tree.nodes.filter((node) => node.isRoot);
}

/** The parent of a node, or null for a root. */
export function parentOf<E extends ProcessEvent>(
  tree: ProcessTree<E>,
  node: ProcessTreeNode<E>,
): ProcessTreeNode<E> | null {
  return node.parentKey === null ? null : (tree.byKey.get(node.parentKey) ?? null);
}

/** The direct children of a node, in source-index order. */
export function childrenOf<E extends ProcessEvent>(
  tree: ProcessTree<E>,
  node: ProcessTreeNode<E>,
  options: IncludeSelf = {},
): ProcessTreeNode<E>[] {
  const children = tree.childrenByKey.get(node.procKey) ?? [];
  return options.includeSelf ? [node, ...children] : [...children];
}

/** All processes below a node, in path order (depth first); `maxDepth` limits the levels walked. */
export function descendantsOf<E extends ProcessEvent>(
  tree: ProcessTree<E>,
  node: ProcessTreeNode<E>,
  options: IncludeSelf & { maxDepth?: number } = {},
): ProcessTreeNode<E>[] {
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const found: ProcessTreeNode<E>[] = options.includeSelf ? [node] : [];
  const stack: { node: ProcessTreeNode<E>; level: number }[] = [{ node, level: 0 }];
  while (stack.length > 0) {
    const { node: current, level } = stack.pop()!;
    if (current !== node) found.push(current);
    if (level >= maxDepth) continue;
    const children = tree.childrenByKey.get(current.procKey) ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]!, level: level + 1 });
  }
  return found;
}

/** The chain from the root down to a node (the node last), read from its path. */
export function ancestorsOf<E extends ProcessEvent>(
  tree: ProcessTree<E>,
  node: ProcessTreeNode<E>,
  options: IncludeSelf = {},
): ProcessTreeNode<E>[] {
  const chain = node.path.split('/').flatMap((index) => {
    const ancestor = nodeAtIndex(tree, index);
    return ancestor ? [ancestor] : [];
  });
  return options.includeSelf ? chain : chain.filter((ancestor) => ancestor !== node);
}

/** The other children of a node's parent; a root has no siblings. */
export function siblingsOf<E extends ProcessEvent>(
  tree: ProcessTree<E>,
  node: ProcessTreeNode<E>,
  options: IncludeSelf = {},
): ProcessTreeNode<E>[] {
  const parent = parentOf(tree, node);
  if (!parent) return options.includeSelf ? [node] : [];
  const all = tree.childrenByKey.get(parent.procKey) ?? [];
  return options.includeSelf ? [...all] : all.filter((sibling) => sibling !== node);
}

/** The root of the tree a node belongs to. */
export function rootOf<E extends ProcessEvent>(tree: ProcessTree<E>, node: ProcessTreeNode<E>): ProcessTreeNode<E> {
  const first = node.path.split('/')[0] ?? node.sourceIndex;
  return nodeAtIndex(tree, first) ?? node;
}

/** The node with a source index (`01004`), or undefined. */
export function nodeAtIndex<E extends ProcessEvent>(
  tree: ProcessTree<E>,
  sourceIndex: string,
): ProcessTreeNode<E> | undefined {
  return /^\d+$/.test(sourceIndex) ? tree.byIndex[Number(sourceIndex)] : undefined;
}

/** A node by procKey or source index, or undefined. */
export function findNode<E extends ProcessEvent>(tree: ProcessTree<E>, id: string): ProcessTreeNode<E> | undefined {
  return tree.byKey.get(id) ?? nodeAtIndex(tree, id);
}
