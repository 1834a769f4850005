import { describe, expect, it } from 'vitest';
import { buildProcessTree, type ProcessEvent, treeSummary } from '../../../src/analysis/process-tree/index.js';
import { proc } from './make-event.js';

const cmd = 'C:\\Windows\\System32\\cmd.exe';

describe('cleaning events before the tree is built', () => {
  it('returns an empty tree for no events', () => {
    const tree = buildProcessTree([]);
    expect(tree.nodes).toEqual([]);
    expect(treeSummary(tree)).toEqual({
      Processes: 0,
      RootProcesses: 0,
      LeafProcesses: 0,
      BranchProcesses: 0,
      IsolatedProcesses: 0,
      LargestTreeDepth: 0,
    });
  });

  it('drops exact duplicates, non-4688 events and rows without a valid time, and counts them', () => {
    const event = proc(0, '0x10', cmd, '0x1', 'C:\\x\\explorer.exe');
    const events: ProcessEvent[] = [
      event,
      { ...event },
      proc(1, '0x11', cmd, '0x1', null, { EventID: 4624 }),
      proc(2, '0x12', cmd, '0x1', null, { TimeGenerated: new Date(Number.NaN) }),
    ];
    const tree = buildProcessTree(events);
    expect(tree.ignoredEvents).toBe(3);
    expect(treeSummary(tree)).toMatchObject({ Processes: 2, RootProcesses: 1, LeafProcesses: 1 });
  });

  it('sorts by time and keeps input order for equal times', () => {
    const events = [
      proc(5, '0x20', cmd, '0x1', null),
      proc(1, '0x21', cmd, '0x1', null),
      proc(1, '0x22', cmd, '0x1', null),
    ];
    const tree = buildProcessTree(events);
    const real = tree.nodes.filter((n) => !n.inferred);
    expect(real.map((n) => [n.processId, n.sourceIndex])).toEqual([
      ['0x21', '00000'],
      ['0x22', '00001'],
      ['0x20', '00002'],
    ]);
  });

  it('tolerates nulls, numbers as ids and text times', () => {
    const loose = {
      TimeGenerated: '2024-03-01 10:00:00.5',
      Computer: null,
      NewProcessId: 4242,
      NewProcessName: null,
      ProcessId: 4.0,
      ParentProcessName: '',
      SubjectLogonId: null,
      TargetLogonId: null,
      CommandLine: null,
      SubjectUserName: null,
      SubjectUserSid: null,
      Account: null,
      EventID: null,
    } as unknown as ProcessEvent;
    const tree = buildProcessTree([loose]);
    expect(tree.nodes.map((n) => [n.procKey, n.parentKey])).toEqual([
      ['unknown|4|1970-01-01 00:00:00.000000', null],
      ['|4242|2024-03-01 10:00:00.500000', 'unknown|4|1970-01-01 00:00:00.000000'],
    ]);
  });

  it('uses TargetLogonId as the effective session unless it is 0x0', () => {
    const tree = buildProcessTree([
      proc(0, '0x10', cmd, '0x1', null, { SubjectLogonId: '0x3e7', TargetLogonId: '0xfaac27' }),
      proc(1, '0x11', cmd, '0x1', null, { SubjectLogonId: '0x3e7', TargetLogonId: '0x0' }),
    ]);
    const sessions = Object.fromEntries(tree.nodes.map((n) => [n.processId, n.effectiveLogonId]));
    expect(sessions).toMatchObject({ '0x10': '0xfaac27', '0x11': '0x3e7' });
  });
});
