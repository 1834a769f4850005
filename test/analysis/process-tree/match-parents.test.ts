import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildProcessTree, treeSummary } from '../../../src/analysis/process-tree/index.js';
import { proc } from './make-event.js';

const explorer = 'C:\\Windows\\explorer.exe';
const cmd = 'C:\\Windows\\System32\\cmd.exe';
const ps = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

describe('parent matching (msticpy merge_asof)', () => {
  it('takes the latest earlier process with the pid and image when a PID is reused', () => {
    const events = [
      proc(0, '0x10', explorer, '0x1', 'C:\\Windows\\userinit.exe'),
      proc(1, '0x20', cmd, '0x10', explorer),
      proc(2, '0x30', 'C:\\Windows\\System32\\whoami.exe', '0x20', cmd),
      proc(5, '0x20', cmd, '0x10', explorer), // pid 0x20 reused by a second cmd.exe
      proc(6, '0x31', 'C:\\Windows\\System32\\net.exe', '0x20', cmd),
    ];
    const tree = buildProcessTree(events);
    const net = tree.nodes.find((n) => n.processId === '0x31')!;
    const whoami = tree.nodes.find((n) => n.processId === '0x30')!;
    expect(tree.byKey.get(net.parentKey!)?.time.toISOString()).toBe('2024-03-01T10:00:05.000Z');
    expect(tree.byKey.get(whoami.parentKey!)?.time.toISOString()).toBe('2024-03-01T10:00:01.000Z');
    expect(treeSummary(tree)).toMatchObject({ Processes: 6, RootProcesses: 1, LargestTreeDepth: 4 });
  });

  it('does not take a same-pid process with another image as the parent (Windows matches the image too)', () => {
    const events = [proc(0, '0x20', ps, '0x1', null), proc(1, '0x31', 'C:\\x\\net.exe', '0x20', cmd)];
    const tree = buildProcessTree(events);
    const net = tree.nodes.find((n) => n.processId === '0x31')!;
    expect(tree.byKey.get(net.parentKey!)).toMatchObject({ inferred: true, processName: cmd, processId: '0x20' });
  });

  it('matches on the pid alone for the linux schema, and names the inferred root "unknown"', () => {
    const events = [proc(0, '100', '/bin/bash', '1', null), proc(1, '101', '/usr/bin/id', '100', null)];
    const tree = buildProcessTree(events, { schema: 'linux' });
    expect(tree.nodes.map((n) => n.procKey)).toEqual([
      'unknown|1|1970-01-01 00:00:00.000000',
      '/bin/bash|100|2024-03-01 10:00:00.000000',
      '/usr/bin/id|101|2024-03-01 10:00:01.000000',
    ]);
    expect(tree.nodes.map((n) => n.path)).toEqual(['00002', '00002/00000', '00002/00000/00001']);
  });

  it('accepts a parent created in the same millisecond, even when it sorts after the child', () => {
    const events = [proc(1, '0x41', 'C:\\w\\conhost.exe', '0x40', cmd), proc(1, '0x40', cmd, '0x10', explorer)];
    const tree = buildProcessTree(events);
    const conhost = tree.nodes.find((n) => n.processId === '0x41')!;
    expect(tree.byKey.get(conhost.parentKey!)?.inferred).toBe(false);
    expect(ancestorsOf(tree, conhost, { includeSelf: true }).map((n) => n.processId)).toEqual(['0x10', '0x40', '0x41']);
  });

  it('never makes a process its own parent', () => {
    const tree = buildProcessTree([proc(0, '0x50', cmd, '0x50', cmd)]);
    expect(treeSummary(tree)).toMatchObject({ Processes: 2, RootProcesses: 1, LargestTreeDepth: 2 });
  });

  it('infers one parent per (host, ppid, session, image) and keys it at the epoch', () => {
    const events = [
      proc(0, '0x60', cmd, '0x5', 'C:\\Windows\\System32\\services.exe'),
      proc(1, '0x61', cmd, '0x5', 'C:\\Windows\\System32\\services.exe'),
      proc(2, '0x62', cmd, '0x5', 'C:\\Windows\\System32\\services.exe', { SubjectLogonId: '0x3e7' }),
    ];
    const tree = buildProcessTree(events);
    const rootsFound = tree.nodes.filter((n) => n.isRoot);
    // The third child's session makes a second inferred row; it has the same proc_key, so msticpy keeps
    // the first and the row number of the dropped one stays unused.
    expect(rootsFound.map((n) => n.sourceIndex)).toEqual(['00003']);
    expect(tree.childrenByKey.get(rootsFound[0]!.procKey)?.length).toBe(3);
    expect(rootsFound[0]?.procKey).toBe('c:\\windows\\system32\\services.exe|0x5|1970-01-01 00:00:00.000000');
  });
});
