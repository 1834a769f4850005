import { describe, expect, it } from 'vitest';
import {
  auditdToProcessEvents,
  buildProcessTree,
  mapProcessEvents,
  nodeAtIndex,
  type ProcessEvent,
  type ProcessTree,
  treeSummary,
  windowsEventColumns,
} from '../../../src/analysis/process-tree/index.js';
import {
  type ObservedTreeRow,
  readCsv,
  readJsonl,
  readTreeCases,
  sharedDataPresent,
  type TreeCase,
} from './fixtures.js';

if (!sharedDataPresent) console.warn('shared msticpy data not found: skipping process-tree data tests');

/** A path as the chain of proc_keys it names, so trees numbered differently can be compared. */
function keyChain(path: string | null, keyOf: (index: string) => string | undefined): string {
  return (path ?? '')
    .split('/')
    .map((index) => keyOf(index) ?? `?${index}`)
    .join(' / ');
}

/**
 * Compares every row with msticpy's observed output. Row numbers (source_index) and paths can differ only
 * among events with equal timestamps: msticpy sorts with numpy's unstable quicksort, socbot with a stable
 * sort (input order kept), so paths are compared as proc_key chains and indexes only for untied rows.
 */
function expectRowsLikeMsticpy(tree: ProcessTree<ProcessEvent>, observed: readonly ObservedTreeRow[]) {
  const ours = new Map(tree.nodes.map((node) => [node.procKey, node]));
  const theirKeyAt = new Map(observed.map((row) => [row.source_index, row.proc_key]));
  const timeCount = new Map<string, number>();
  for (const row of observed) timeCount.set(row.TimeGenerated, (timeCount.get(row.TimeGenerated) ?? 0) + 1);
  expect([...ours.keys()].sort()).toEqual(observed.map((row) => row.proc_key).sort());
  for (const row of observed) {
    const node = ours.get(row.proc_key)!;
    expect({
      key: row.proc_key,
      parentKey: node.parentKey,
      root: node.isRoot,
      leaf: node.isLeaf,
      branch: node.isBranch,
      session: node.effectiveLogonId,
      chain: keyChain(node.path, (i) => nodeAtIndex(tree, i)?.procKey),
      parent: node.parentIndex === null ? null : nodeAtIndex(tree, node.parentIndex)?.procKey,
    }).toEqual({
      key: row.proc_key,
      parentKey: row.parent_key,
      root: row.IsRoot,
      leaf: row.IsLeaf,
      branch: row.IsBranch,
      session: row.EffectiveLogonId === null ? null : String(row.EffectiveLogonId),
      chain: keyChain(row.path, (i) => theirKeyAt.get(i)),
      parent: row.parent_index === null ? null : theirKeyAt.get(row.parent_index),
    });
    if (timeCount.get(row.TimeGenerated) === 1) expect(node.sourceIndex).toBe(row.source_index);
  }
}

describe.skipIf(!sharedDataPresent)('buildProcessTree on msticpy test data', () => {
  const cases: Map<string, TreeCase> = sharedDataPresent ? readTreeCases() : new Map();

  describe('Windows 4688 events (win_proc_test.jsonl)', () => {
    const events = sharedDataPresent ? mapProcessEvents(readJsonl('win_proc_test.jsonl'), windowsEventColumns) : [];
    const tree = buildProcessTree(events);
    const expected = cases.get('win_proc_test');

    it('has the summary msticpy asserts', () => {
      expect(treeSummary(tree)).toEqual(expected?.msticpy_test_asserts.summary);
      expect(treeSummary(tree)).toEqual({
        Processes: 1010,
        RootProcesses: 10,
        LeafProcesses: 815,
        BranchProcesses: 185,
        IsolatedProcesses: 0,
        LargestTreeDepth: 7,
      });
    });

    it('gives every row msticpy’s proc_key, parent_key, flags, session and path', () => {
      expectRowsLikeMsticpy(tree, expected?.observed_rows ?? []);
    });

    it('orders rows by path exactly as msticpy does', () => {
      expect(tree.nodes.map((node) => node.procKey)).toEqual(expected?.observed_rows?.map((row) => row.proc_key));
    });

    it('gives inferred parents the epoch, the child’s parent image and no event', () => {
      const root = tree.nodes.find((node) => node.isRoot && node.processId === '0x270');
      expect(root).toMatchObject({
        procKey: 'c:\\windows\\system32\\svchost.exe|0x270|1970-01-01 00:00:00.000000',
        processName: 'C:\\Windows\\System32\\svchost.exe',
        inferred: true,
        event: null,
        sourceIndex: '01000',
        effectiveLogonId: '0x3e7',
      });
    });

    it('builds the same tree without logon-id columns (msticpy win_proc_test_no_logon_ids)', () => {
      const bare = events.map((event) => ({ ...event, SubjectLogonId: null, TargetLogonId: null }));
      expect(treeSummary(buildProcessTree(bare))).toEqual(
        cases.get('win_proc_test_no_logon_ids')?.msticpy_test_asserts.summary,
      );
    });
  });

  describe('Linux auditd events (linux_proc_test.jsonl)', () => {
    const events = sharedDataPresent ? auditdToProcessEvents(readJsonl('linux/linux_proc_test.jsonl')) : [];
    const tree = buildProcessTree(events, { schema: 'linux' });
    const expected = cases.get('linux_proc_test');

    it('maps auditd columns and reads pandas float pids as integers', () => {
      expect(events[0]).toMatchObject({ NewProcessId: '6875', ProcessId: '22536', SubjectLogonId: '-1' });
    });

    it('has the summary msticpy asserts', () => {
      expect(treeSummary(tree)).toEqual(expected?.msticpy_test_asserts.summary);
      expect(treeSummary(tree)).toEqual({
        Processes: 1029,
        RootProcesses: 29,
        LeafProcesses: 497,
        BranchProcesses: 503,
        IsolatedProcesses: 0,
        LargestTreeDepth: 5,
      });
    });

    it('gives every row msticpy’s keys, flags, session and path (row numbers differ only among equal times)', () => {
      expectRowsLikeMsticpy(tree, expected?.observed_rows ?? []);
    });

    it('names inferred Linux parents "unknown" in keys and leaves their image empty', () => {
      const root = tree.nodes.find((node) => node.procKey === 'unknown|22536|1970-01-01 00:00:00.000000');
      expect(root).toMatchObject({ isRoot: true, processName: null, effectiveLogonId: '-1' });
    });
  });

  it('builds the volatility pslist with a custom column mapping (winproctree-minimal.csv)', () => {
    const events = mapProcessEvents(readCsv('winproctree-minimal.csv'), {
      NewProcessName: 'ImageFileName',
      NewProcessId: 'PID',
      ProcessId: 'PPID',
      TimeGenerated: 'CreateTime',
    });
    // No ParentProcessName column: parents are matched on pid alone, as msticpy does without parent_name.
    const tree = buildProcessTree(events, { schema: 'linux' });
    expect(treeSummary(tree)).toEqual(cases.get('winproctree_minimal')?.msticpy_test_asserts.summary);
    expect(treeSummary(tree)).toEqual({
      Processes: 126,
      RootProcesses: 10,
      LeafProcesses: 97,
      BranchProcesses: 19,
      IsolatedProcesses: 0,
      LargestTreeDepth: 7,
    });
  });
});
