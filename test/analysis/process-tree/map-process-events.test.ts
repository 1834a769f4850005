import { describe, expect, it } from 'vitest';
import {
  auditdToProcessEvents,
  mapProcessEvents,
  windowsEventColumns,
} from '../../../src/analysis/process-tree/index.js';

describe('mapping rows onto ProcessEvents', () => {
  it('maps auditd rows (EventType SYSCALL_EXECVE only), turning numeric ids into text and keeping cwd', () => {
    const rows = [
      {
        EventType: 'SYSCALL_EXECVE',
        TimeGenerated: '2019-02-18T00:23:47.129Z',
        Computer: 'LX1',
        exe: '/bin/dash',
        pid: 6875,
        ppid: 22536.0,
        ses: -1,
        cmdline: 'sh -c ls',
        acct: null,
        uid: 0,
        cwd: '/tmp',
      },
      { EventType: 'LOGIN', TimeGenerated: '2019-02-18T00:23:48Z', Computer: 'LX1', pid: 1 },
    ];
    expect(auditdToProcessEvents(rows)).toEqual([
      {
        TimeGenerated: new Date('2019-02-18T00:23:47.129Z'),
        Computer: 'LX1',
        NewProcessId: '6875',
        NewProcessName: '/bin/dash',
        ProcessId: '22536',
        ParentProcessName: null,
        SubjectLogonId: '-1',
        TargetLogonId: null,
        CommandLine: 'sh -c ls',
        SubjectUserName: null,
        SubjectUserSid: '0',
        Account: null,
        EventID: 4688,
        cwd: '/tmp',
      },
    ]);
  });

  it('maps Sentinel-named rows through the identity mapping and fills unmapped columns with null', () => {
    const [event] = mapProcessEvents(
      [{ TimeGenerated: '2019-01-15 05:15:15.677', EventID: '4688', NewProcessId: '0x1580', Computer: 'W1' }],
      windowsEventColumns,
    );
    expect(event).toMatchObject({ NewProcessId: '0x1580', EventID: 4688, CommandLine: null, Computer: 'W1' });
    expect(event?.TimeGenerated.toISOString()).toBe('2019-01-15T05:15:15.677Z');
    const [custom] = mapProcessEvents(
      [{ PID: 4, CreateTime: '2021-04-01 05:04:58.000000 ' }],
      {
        NewProcessId: 'PID',
        TimeGenerated: 'CreateTime',
      },
      { eventId: 1 },
    );
    expect(custom).toMatchObject({ NewProcessId: '4', ProcessId: null, EventID: 1, Computer: '' });
  });
});
