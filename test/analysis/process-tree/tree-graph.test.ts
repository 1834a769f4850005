import { describe, expect, it } from 'vitest';
import {
  type AlertTreeRow,
  alertProcessTree,
  mapProcessEvents,
  processTreeGraph,
  windowsEventColumns,
} from '../../../src/analysis/process-tree/index.js';
import { readCsv, sharedDataPresent } from './fixtures.js';
import { proc } from './make-event.js';

const cmd = 'C:\\Windows\\System32\\cmd.exe';
const ps = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

function treeRows(siblings: number, children: number): AlertTreeRow[] {
  const events = [
    proc(0, '0x20', cmd, '0x10', 'C:\\Windows\\explorer.exe'),
    proc(500, '0x30', ps, '0x20', cmd),
    ...Array.from({ length: siblings }, (_, i) =>
      proc(1 + i, `0x${(0x1000 + i).toString(16)}`, 'C:\\w\\s.exe', '0x20', cmd),
    ),
    ...Array.from({ length: children }, (_, i) =>
      proc(600 + i, `0x${(0x5000 + i).toString(16)}`, 'C:\\w\\c.exe', '0x30', ps),
    ),
  ];
  const tree = alertProcessTree(events, { processId: '0x30' });
  if (!tree.found) throw new Error(tree.reason);
  return tree.rows;
}

describe('processTreeGraph', () => {
  it('draws one node per process, parent → child edges, and highlights only the source', () => {
    const graph = processTreeGraph(treeRows(2, 1));
    expect(graph.nodes).toHaveLength(5);
    expect(graph.nodes.filter((n) => n.highlight).map((n) => n.label)).toEqual(['powershell.exe\nPID 0x30']);
    const source = graph.nodes.find((n) => n.kind === 'source')!;
    const parent = graph.nodes.find((n) => n.kind === 'parent')!;
    expect(graph.edges).toContainEqual({ from: parent.id, to: source.id });
    expect(graph.edges.filter((e) => e.from === parent.id)).toHaveLength(3);
    expect(graph.edges.filter((e) => e.from === source.id)).toHaveLength(1);
    expect(graph.title).toBe('Process tree of powershell.exe PID 0x30');
  });

  it('folds the largest sibling group into "… N more" so the graph stays within maxNodes', () => {
    const rows = treeRows(300, 30);
    const graph = processTreeGraph(rows, { maxNodes: 50 });
    expect(graph.nodes.length).toBeLessThanOrEqual(50);
    const folded = graph.nodes.filter((n) => n.kind === 'collapsed');
    expect(folded).toHaveLength(1);
    const parent = graph.nodes.find((n) => n.kind === 'parent')!;
    expect(graph.edges).toContainEqual({ from: parent.id, to: folded[0]!.id });
    // Every process is either drawn or counted in the folded node.
    const hidden = Number(/… (\d+) more/.exec(folded[0]!.label)?.[1]);
    expect(graph.nodes.length - 1 + hidden).toBe(rows.length);
    expect(graph.nodes.some((n) => n.kind === 'source')).toBe(true);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
  });

  it('folds several groups when one is not enough, keeping the source and its ancestors', () => {
    const graph = processTreeGraph(treeRows(40, 40), { maxNodes: 10 });
    expect(graph.nodes.length).toBeLessThanOrEqual(10);
    expect(graph.nodes.filter((n) => n.kind === 'collapsed')).toHaveLength(2);
    expect(graph.nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(['source', 'parent']));
  });

  it('draws an inferred parent from the source’s ParentProcessName when the parent is not in the data', () => {
    const events = [proc(1, '0x30', ps, '0x20', cmd), proc(2, '0x31', 'C:\\w\\x.exe', '0x20', cmd)];
    const tree = alertProcessTree(events, { processId: '0x30' });
    const graph = processTreeGraph(tree.found ? tree.rows : []);
    const inferred = graph.nodes.find((n) => n.kind === 'inferred');
    expect(inferred?.label).toBe('cmd.exe\nPID 0x20');
    expect(graph.edges.filter((e) => e.from === inferred?.id)).toHaveLength(2);
  });

  it('is empty for no rows', () => {
    expect(processTreeGraph([])).toEqual({ title: 'Process tree', nodes: [], edges: [] });
  });
});

describe.skipIf(!sharedDataPresent)('processTreeGraph on the ftp.exe alert', () => {
  it('bounds the 116-process tree to the default 200 nodes unchanged, and to 30 when asked', () => {
    const events = mapProcessEvents(readCsv('process_tree.csv'), windowsEventColumns);
    const tree = alertProcessTree(events, { processId: '0x1580', processName: 'ftp.exe', logonId: '0xfaac27' });
    const rows = tree.found ? tree.rows : [];
    expect(processTreeGraph(rows).nodes).toHaveLength(116);
    const small = processTreeGraph(rows, { maxNodes: 30 });
    expect(small.nodes).toHaveLength(30);
    expect(small.nodes.find((n) => n.highlight)?.label).toBe('ftp.exe\nPID 0x1580');
  });
});
