import { describe, expect, it } from 'vitest';
import { securityEventColumns } from '../../../../src/core/rows.js';
import { logonFailedRow, logonSucceededRow, processCreatedRow } from '../../../../src/data/local/demo/event-rows.js';
import { createCatalog } from '../../../../src/data/local/demo/host-catalog.js';
import { networkServiceIdentity } from '../../../../src/data/local/demo/identities.js';
import type { ProcessRef } from '../../../../src/data/local/demo/process-ref.js';
import { RandomSource } from '../../../../src/data/local/demo/random-source.js';

const catalog = createCatalog(new RandomSource(2, 'catalog'), 8, 0, 7 * 86_400_000);
const host = catalog.hosts[5]!;
const user = host.owner!.user;
const { dcomLaunch, winlogon } = host.processes;

describe('event rows', () => {
  it('fill every SecurityEvent column', () => {
    const row = processCreatedRow(host, dcomLaunch, { ...dcomLaunch, pid: 0x99c, createdMs: 1_000 });
    expect(Object.keys(row).sort()).toEqual(Object.keys(securityEventColumns).sort());
  });

  it('4688 in the same session: Subject is the creator (SYSTEM as the computer account), Target empty', () => {
    const child: ProcessRef = { ...dcomLaunch, pid: 0x1a2c, image: 'C:\\Windows\\System32\\cmd.exe', createdMs: 5_000 };
    expect(processCreatedRow(host, dcomLaunch, child)).toMatchObject({
      EventID: 4688,
      Account: `CONTOSO\\${host.name}$`,
      SubjectUserSid: 'S-1-5-18',
      SubjectLogonId: '0x3e7',
      ProcessId: `0x${dcomLaunch.pid.toString(16)}`,
      NewProcessId: '0x1a2c',
      ParentProcessName: dcomLaunch.image,
      TargetLogonId: '0x0',
      TargetUserName: '-',
      TargetUserSid: 'S-1-0-0',
      MandatoryLabel: 'S-1-16-16384',
    });
  });

  it('4688 into another session fills the Target columns (WmiPrvSE as NETWORK SERVICE, userinit as the user)', () => {
    const wmi: ProcessRef = { ...dcomLaunch, pid: 0x40, account: networkServiceIdentity, logonId: '0x3e4' };
    expect(processCreatedRow(host, dcomLaunch, wmi)).toMatchObject({
      TargetLogonId: '0x3e4',
      TargetUserName: `${host.name}$`,
    });
    const userinit: ProcessRef = { ...winlogon, pid: 0x44, account: user, logonId: '0x5a5a5', elevation: '%%1938' };
    expect(processCreatedRow(host, winlogon, userinit)).toMatchObject({
      TargetLogonId: '0x5a5a5',
      TargetUserName: user.name,
      TargetUserSid: user.sid,
      TokenElevationType: '%%1938',
      MandatoryLabel: 'S-1-16-8192',
    });
  });

  it('4624 and 4625 carry the logon facts; failures hide the SID and say why', () => {
    const facts = {
      type: 3,
      target: user,
      logonProcess: 'NtLmSsp ',
      authPackage: 'NTLM',
      ip: '203.0.113.9',
      port: '0',
      workstation: 'kali',
      caller: null,
    } as const;
    expect(logonSucceededRow(host, 0, { ...facts, elevated: false }, '0xabc', '')).toMatchObject({
      TargetLogonId: '0xabc',
      TargetUserSid: user.sid,
      LogonTypeName: '3 - Network',
      SubjectUserSid: 'S-1-0-0',
      SubjectLogonId: '0x0',
      ProcessName: '-',
      LmPackageName: 'NTLM V2',
      LogonGuid: '00000000-0000-0000-0000-000000000000',
      ElevatedToken: '%%1843',
    });
    expect(logonFailedRow(host, 0, { ...facts, subStatus: '0xc0000064' })).toMatchObject({
      EventID: 4625,
      TargetUserSid: 'S-1-0-0',
      TargetLogonId: null,
      Status: '0xc000006d',
      SubStatus: '0xc0000064',
      FailureReason: '%%2313',
      Account: `CONTOSO\\${user.name}`,
    });
  });
});
