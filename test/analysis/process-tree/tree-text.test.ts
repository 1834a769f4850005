import { describe, expect, it } from 'vitest';
import {
  type AlertTreeRow,
  buildProcessTree,
  formatProcessTreeText,
  mapProcessEvents,
  pandasTime,
  treeToText,
  windowsEventColumns,
} from '../../../src/analysis/process-tree/index.js';
import { readJsonl, readTreeCases, sharedDataPresent } from './fixtures.js';
import { proc } from './make-event.js';

describe.skipIf(!sharedDataPresent)('treeToText (msticpy tree_to_text)', () => {
  it('renders Windows root #4 exactly as msticpy', () => {
    const tree = buildProcessTree(mapProcessEvents(readJsonl('win_proc_test.jsonl'), windowsEventColumns));
    const expected = readTreeCases().get('win_proc_test')?.observed_tree_to_text_for_root4;
    expect(treeToText(tree, 4)).toBe(expected);
  });
});

describe('treeToText', () => {
  it('returns nothing for a root position that does not exist', () => {
    expect(treeToText(buildProcessTree([]), 0)).toBe('');
  });
});

describe('pandasTime', () => {
  it('prints like a pandas Timestamp', () => {
    expect(pandasTime(new Date('2019-02-09T20:32:56.26Z'), { utc: true })).toBe('2019-02-09 20:32:56.260000+00:00');
    expect(pandasTime(new Date(0), { utc: true })).toBe('1970-01-01 00:00:00+00:00');
    expect(pandasTime(new Date('2019-01-15T05:15:15.677Z'))).toBe('2019-01-15 05:15:15.677000');
  });
});

describe('formatProcessTreeText (msticpy legacy format_process_tree, txt)', () => {
  const row = (NodeRole: AlertTreeRow['NodeRole'], Level: number, seconds: number, pid: string): AlertTreeRow => ({
    NodeRole,
    Level,
    key: pid,
    parentKey: null,
    event: proc(seconds, pid, `C:\\w\\${NodeRole}${Level}.exe`, '0x1', null, {
      CommandLine: `${NodeRole} cmd`,
      SubjectLogonId: '0x3e7',
      TargetLogonId: '0xfaac27',
      Account: 'WORKGROUP\\HOST1$',
    }),
  });

  it('indents by role and level and sorts by time', () => {
    const rows = [
      row('child', 2, 5, '0x5'),
      row('parent', 2, 0, '0x0'),
      row('source', 0, 2, '0x2'),
      row('child', 1, 4, '0x4'),
      row('parent', 1, 1, '0x1'),
      row('sibling', 1, 3, '0x3'),
    ];
    const line = (indent: number, role: string, level: number, s: number, pid: string) =>
      `${' '.repeat(indent)}[${role}:lev${level}] 2024-03-01 10:00:0${s} C:\\w\\${role}${level}.exe [PID: ${pid}, SubjSess:0x3e7, TargSess:0xfaac27]\n` +
      `${' '.repeat(indent)}(Cmdline: "${role} cmd") [Account: WORKGROUP\\HOST1$]`;
    expect(formatProcessTreeText(rows)).toBe(
      [
        'Process tree:\n_____________',
        line(0, 'parent', 2, 0, '0x0'),
        line(4, 'parent', 1, 1, '0x1'),
        line(8, 'source', 0, 2, '0x2'),
        line(8, 'sibling', 1, 3, '0x3'),
        line(16, 'child', 1, 4, '0x4'),
        line(20, 'child', 2, 5, '0x5'),
      ].join('\n'),
    );
  });

  it('uses the Linux lines (PPID, working directory) for the linux schema', () => {
    const event = { ...proc(0, '101', '/usr/bin/id', '100', null, { CommandLine: 'id -u' }), cwd: '/tmp' };
    const text = formatProcessTreeText([{ NodeRole: 'source', Level: 0, key: 'a', parentKey: null, event }], {
      schema: 'linux',
    });
    expect(text.split('\n').slice(2)).toEqual([
      '        [source:lev0] 2024-03-01 10:00:00 /usr/bin/id [PID: 101, PPID: 100]',
      '        (Cmdline: "id -u") [Path: /tmp]',
    ]);
  });

  it('prints only the header for no rows', () => {
    expect(formatProcessTreeText([])).toBe('Process tree:\n_____________');
  });
});
