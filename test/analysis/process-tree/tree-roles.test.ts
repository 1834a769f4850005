import { describe, expect, it } from 'vitest';
import {
  type AlertProcessTree,
  type AlertTreeRow,
  alertProcessTree,
  mapProcessEvents,
  type ProcessEvent,
  windowsEventColumns,
} from '../../../src/analysis/process-tree/index.js';
import { readCsv, readJsonl, sharedDataPresent } from './fixtures.js';
import { proc } from './make-event.js';

const ftpAlert = { processId: '0x1580', processName: 'ftp.exe', logonId: '0xfaac27', time: '2019-01-15 05:15:15' };

function rowsOf<E extends ProcessEvent>(tree: AlertProcessTree<E>): AlertTreeRow<E>[] {
  if (!tree.found) throw new Error(tree.reason);
  return tree.rows;
}

function roleCounts(rows: readonly AlertTreeRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[`${row.NodeRole}:${row.Level}`] = (counts[`${row.NodeRole}:${row.Level}`] ?? 0) + 1;
  return counts;
}

const identity = (event: ProcessEvent) => `${event.NewProcessId}@${event.TimeGenerated.toISOString()}`;

describe.skipIf(!sharedDataPresent)('alertProcessTree on msticpy data', () => {
  const records = sharedDataPresent ? readCsv('process_tree.csv') : [];
  const treeRows = mapProcessEvents(records, windowsEventColumns);
  const hostEvents = sharedDataPresent ? mapProcessEvents(readCsv('processes_on_host.csv'), windowsEventColumns) : [];

  it('gives every process_tree.csv row msticpy’s NodeRole and Level, except the PID-reuse "child" (deliberate)', () => {
    const rows = rowsOf(alertProcessTree(treeRows, ftpAlert));
    const ours = new Map(rows.map((row) => [identity(row.event), `${row.NodeRole}:${row.Level}`]));
    const differences = records.flatMap((record, i) => {
      const theirs = `${record.NodeRole}:${record.Level}`;
      const mine = ours.get(identity(treeRows[i]!)) ?? 'absent';
      return mine === theirs ? [] : [{ image: record.NewProcessName, theirs, mine }];
    });
    // msticpy's query joins children on pid only; win32calc.exe was started by an earlier powershell.exe
    // that had pid 0x1580 before ftp.exe got it (its ParentProcessName says so), so it is not ftp's child.
    expect(differences).toEqual([{ image: 'C:\\Windows\\System32\\win32calc.exe', theirs: 'child:1', mine: 'absent' }]);
    expect(roleCounts(rows)).toEqual({ 'source:0': 1, 'parent:1': 1, 'sibling:1': 114 });
  });

  it('finds the ftp.exe source and its cmd.exe parent among all host processes', () => {
    const tree = alertProcessTree(hostEvents, ftpAlert);
    expect(tree.found && tree.source).toMatchObject({ NewProcessName: 'C:\\Diagnostics\\UserTmp\\ftp.exe' });
    const rows = rowsOf(tree);
    const parent = rows.find((row) => row.NodeRole === 'parent');
    expect(parent?.event).toMatchObject({ NewProcessId: '0xbc8', NewProcessName: 'C:\\Windows\\System32\\cmd.exe' });
    expect(rows.find((row) => row.NodeRole === 'source')?.parentKey).toBe(parent?.key);
  });

  it('keeps the earlier powershell.exe that had the source’s pid as a sibling (deliberate: msticpy drops it)', () => {
    const rows = rowsOf(alertProcessTree(hostEvents, ftpAlert));
    expect(roleCounts(rows)).toEqual({ 'source:0': 1, 'parent:1': 1, 'sibling:1': 115 });
    const sameSourcePid = rows.filter((row) => row.NodeRole === 'sibling' && row.event.NewProcessId === '0x1580');
    expect(sameSourcePid.map((row) => row.event.NewProcessName)).toEqual(['C:\\Diagnostics\\UserTmp\\powershell.exe']);
    const msticpySiblings = treeRows.filter((_, i) => records[i]?.NodeRole === 'sibling').map(identity);
    const ourSiblings = new Set(rows.filter((row) => row.NodeRole === 'sibling').map((row) => identity(row.event)));
    expect(msticpySiblings.every((id) => ourSiblings.has(id))).toBe(true);
  });

  it('places msticpy’s PID-reuse "child" under the powershell.exe that really started it', () => {
    const rows = rowsOf(alertProcessTree(hostEvents, { processId: '0x1580', processName: 'powershell.exe' }));
    const children = rows.filter((row) => row.NodeRole === 'child').map((row) => row.event.NewProcessName);
    expect(children).toContain('C:\\Windows\\System32\\win32calc.exe');
  });

  it('reproduces localdata/process_tree.jsonl roles exactly (regsvr32 alert)', () => {
    const raw = readJsonl('localdata/process_tree.jsonl');
    const events = mapProcessEvents(raw, windowsEventColumns);
    const rows = rowsOf(
      alertProcessTree(events, { processId: '0x1150', processName: 'regsvr32.exe', logonId: '0x78225e' }),
    );
    const ours = new Map(rows.map((row) => [identity(row.event), `${row.NodeRole}:${row.Level}`]));
    expect(events.map((event) => ours.get(identity(event)))).toEqual(raw.map((r) => `${r.NodeRole}:${r.Level}`));
  });
});

describe('alertProcessTree', () => {
  const explorer = 'C:\\Windows\\explorer.exe';
  const cmd = 'C:\\Windows\\System32\\cmd.exe';
  const ps = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
  const services = 'C:\\Windows\\System32\\services.exe';

  it('returns "not found" (no throw) when the source is absent, and for no events', () => {
    const result = alertProcessTree([proc(0, '0x10', cmd, '0x1', null)], { processId: '0x99', processName: 'ftp.exe' });
    expect(result).toEqual({ found: false, reason: expect.stringContaining('0x99 (ftp.exe)') });
    expect(alertProcessTree([], { processId: 1 }).found).toBe(false);
  });

  it('looks the grandparent up with the parent’s logon id and time (fix of msticpy §j.2)', () => {
    const events = [
      // The grandparent runs as SYSTEM; the parent is started by it into the user's session 0xabc.
      proc(0, '0x5', services, '0x4', 'C:\\Windows\\System32\\wininit.exe', { SubjectLogonId: '0x3e7' }),
      proc(10, '0x20', cmd, '0x5', services, { SubjectLogonId: '0x3e7', TargetLogonId: '0xabc' }),
      proc(20, '0x30', ps, '0x20', cmd),
      // pid 0x5 reused after the parent started: msticpy (source time) would take it as the grandparent.
      proc(15, '0x5', 'C:\\Windows\\System32\\services.exe', '0x4', null, { SubjectLogonId: '0xabc' }),
    ];
    const rows = rowsOf(alertProcessTree(events, { processId: '0x30', logonId: '0xabc' }));
    const grandparent = rows.find((row) => row.NodeRole === 'parent' && row.Level === 2);
    expect(grandparent?.event.TimeGenerated.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(rows.find((row) => row.Level === 1 && row.NodeRole === 'parent')?.parentKey).toBe(grandparent?.key);
  });

  it('ties relatives by time when PIDs are reused', () => {
    const events = [
      proc(0, '0x20', cmd, '0x10', explorer),
      proc(1, '0x30', ps, '0x20', cmd), // an earlier powershell with the same pid as the source
      proc(2, '0x40', 'C:\\w\\old-child.exe', '0x30', ps),
      proc(5, '0x30', ps, '0x20', cmd), // the source
      proc(6, '0x41', 'C:\\w\\new-child.exe', '0x30', ps),
      proc(7, '0x50', 'C:\\w\\grandchild.exe', '0x41', 'C:\\w\\new-child.exe'),
      proc(9, '0x30', 'C:\\w\\later.exe', '0x20', cmd), // pid reused again: the source has ended
      proc(10, '0x42', 'C:\\w\\too-late.exe', '0x30', 'C:\\w\\later.exe'),
    ];
    const rows = rowsOf(
      alertProcessTree(events, { processId: '0x30', processName: ps, time: new Date('2024-03-01T10:00:05Z') }),
    );
    const byRole = (role: string, level: number) =>
      rows.filter((r) => r.NodeRole === role && r.Level === level).map((r) => r.event.NewProcessName);
    expect(byRole('child', 1)).toEqual(['C:\\w\\new-child.exe']);
    expect(byRole('child', 2)).toEqual(['C:\\w\\grandchild.exe']);
    expect(byRole('sibling', 1)).toEqual([ps, 'C:\\w\\later.exe']);
    expect(byRole('parent', 1)).toEqual([cmd]);
  });

  it('leaves out grandchildren in a system session, as msticpy does', () => {
    const events = [
      proc(0, '0x30', ps, '0x20', cmd),
      proc(1, '0x31', cmd, '0x30', ps),
      proc(2, '0x32', 'C:\\w\\user.exe', '0x31', cmd),
      proc(3, '0x33', 'C:\\w\\system.exe', '0x31', cmd, { SubjectLogonId: '0x3e7' }),
    ];
    const rows = rowsOf(alertProcessTree(events, { processId: '0x30' }));
    expect(rows.filter((r) => r.Level === 2).map((r) => r.event.NewProcessName)).toEqual(['C:\\w\\user.exe']);
  });

  it('chooses the source nearest the alert time, preferring the alert’s session, else the latest', () => {
    const events = [
      proc(0, '0x30', ps, '0x20', cmd, { SubjectLogonId: '0xdef' }),
      proc(10, '0x30', ps, '0x20', cmd),
      proc(100, '0x30', ps, '0x20', cmd),
    ];
    const sourceAt = (source: Parameters<typeof alertProcessTree>[1]) => {
      const tree = alertProcessTree(events, source);
      return tree.found
        ? tree.source.TimeGenerated.getUTCSeconds() + 60 * tree.source.TimeGenerated.getUTCMinutes()
        : -1;
    };
    expect(sourceAt({ processId: '0x30', time: '2024-03-01T10:00:12Z' })).toBe(10);
    expect(sourceAt({ processId: '0x30', time: '2024-03-01T10:00:12Z', logonId: '0xdef' })).toBe(0);
    expect(sourceAt({ processId: '0x30' })).toBe(100);
    expect(sourceAt({ processId: 48, processName: ps.toUpperCase() })).toBe(100);
    expect(sourceAt({ processId: '0x30', processName: 'C:\\Other\\powershell.exe' })).toBe(-1);
  });

  it('finds siblings when the parent’s own event is outside the data, and copes with missing fields', () => {
    const events = [
      proc(0, '0x31', 'C:\\w\\a.exe', '0x20', cmd),
      proc(1, '0x30', ps, '0x20', cmd),
      proc(2, '0x32', 'C:\\w\\b.exe', '0x20', null, { SubjectLogonId: null, Account: null, CommandLine: null }),
      proc(3, '0x33', 'C:\\w\\other-parent.exe', '0x20', explorer),
    ];
    const rows = rowsOf(alertProcessTree(events, { processId: '0x30' }));
    // b.exe lacks a session and a parent image: unknown values never rule a relative out.
    expect(rows.filter((r) => r.NodeRole === 'sibling').map((r) => r.event.NewProcessId)).toEqual(['0x31', '0x32']);
    expect(rows.every((r) => r.NodeRole !== 'parent')).toBe(true);
  });
});
