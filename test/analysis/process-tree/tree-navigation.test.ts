import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  auditdToProcessEvents,
  buildProcessTree,
  childrenOf,
  descendantsOf,
  findNode,
  mapProcessEvents,
  type ProcessEvent,
  type ProcessTree,
  type ProcessTreeNode,
  parentOf,
  rootOf,
  roots,
  siblingsOf,
  windowsEventColumns,
} from '../../../src/analysis/process-tree/index.js';
import { readJsonl, readTreeCases, sharedDataPresent, type TreeCase } from './fixtures.js';
import { proc } from './make-event.js';

/** msticpy's test takes the deepest descendant: the first, in path order, at the greatest depth. */
function deepest(nodes: readonly ProcessTreeNode[]): ProcessTreeNode {
  return nodes.reduce((best, node) => (node.depth > best.depth ? node : best));
}

function expectSiblingsConsistent(tree: ProcessTree<ProcessEvent>, root: ProcessTreeNode) {
  const children = childrenOf(tree, root);
  for (const child of children) {
    expect(siblingsOf(tree, child, { includeSelf: true })).toEqual(children);
    expect(siblingsOf(tree, child)).toHaveLength(children.length - 1);
    expect(parentOf(tree, child)).toBe(root);
  }
}

describe.skipIf(!sharedDataPresent)('navigation on msticpy test data', () => {
  const cases: Map<string, TreeCase> = sharedDataPresent ? readTreeCases() : new Map();

  it('walks Windows root #4 like msticpy (25 descendants, 13 children, 3 ancestors)', () => {
    const tree = buildProcessTree(mapProcessEvents(readJsonl('win_proc_test.jsonl'), windowsEventColumns));
    const observed = cases.get('win_proc_test')?.observed_navigation ?? {};
    expect(roots(tree)).toHaveLength(10);
    const root = roots(tree)[4]!;
    expect(root.procKey).toBe(observed.root_proc_key);
    const descendants = descendantsOf(tree, root, { includeSelf: true });
    expect(descendants).toHaveLength(25);
    expect(childrenOf(tree, root, { includeSelf: true })).toHaveLength(13);
    const bottom = deepest(descendants);
    expect(bottom.procKey).toBe(observed.bottom_descendent_proc_key);
    expect(ancestorsOf(tree, bottom, { includeSelf: true })).toHaveLength(3);
    expect(ancestorsOf(tree, bottom)[0]).toBe(root);
    expect(rootOf(tree, bottom)).toBe(root);
    expectSiblingsConsistent(tree, root);
  });

  it('walks Linux root #0 like msticpy (901 descendants, 452 children, 3 ancestors)', () => {
    const tree = buildProcessTree(auditdToProcessEvents(readJsonl('linux/linux_proc_test.jsonl')), {
      schema: 'linux',
    });
    expect(roots(tree)).toHaveLength(29);
    const root = roots(tree)[0]!;
    const descendants = descendantsOf(tree, root, { includeSelf: true });
    expect(descendants).toHaveLength(901);
    expect(childrenOf(tree, root, { includeSelf: true })).toHaveLength(452);
    expect(ancestorsOf(tree, deepest(descendants), { includeSelf: true })).toHaveLength(3);
    expectSiblingsConsistent(tree, root);
  });
});

describe('navigation helpers', () => {
  const cmd = 'C:\\Windows\\System32\\cmd.exe';
  const tree = buildProcessTree([
    proc(0, '0x10', cmd, '0x1', 'C:\\Windows\\explorer.exe'),
    proc(1, '0x11', 'C:\\w\\a.exe', '0x10', cmd),
    proc(2, '0x12', 'C:\\w\\b.exe', '0x10', cmd),
    proc(3, '0x13', 'C:\\w\\c.exe', '0x11', 'C:\\w\\a.exe'),
  ]);
  const node = (pid: string) => tree.nodes.find((n) => n.processId === pid)!;

  it('returns descendants in path order and honours maxDepth', () => {
    expect(descendantsOf(tree, node('0x10')).map((n) => n.processId)).toEqual(['0x11', '0x13', '0x12']);
    expect(descendantsOf(tree, node('0x10'), { maxDepth: 1 }).map((n) => n.processId)).toEqual(['0x11', '0x12']);
  });

  it('gives a root no parent and no siblings', () => {
    const root = roots(tree)[0]!;
    expect(parentOf(tree, root)).toBeNull();
    expect(siblingsOf(tree, root)).toEqual([]);
    expect(siblingsOf(tree, root, { includeSelf: true })).toEqual([root]);
  });

  it('finds nodes by procKey or source index', () => {
    const a = node('0x11');
    expect(findNode(tree, a.procKey)).toBe(a);
    expect(findNode(tree, a.sourceIndex)).toBe(a);
    expect(findNode(tree, 'nope')).toBeUndefined();
  });
});
