/**
 * Builders of `SecurityEvent` rows for 4688, 4624 and 4625, filled the way the Azure Monitor agent fills them
 * (Sentinel column names, `%%` message ids, `-` for "not applicable", hex ids).
 *
 * Each row is one object literal with every column, so all rows share one hidden class: the generator writes
 * millions of them.
 */

import { sentinelLogonTypeName } from '../../../core/logon-types.js';
import type { SecurityEventRow } from '../../../core/rows.js';
import type { DemoHost } from './host-catalog.js';
import { type Identity, isMachineContext, nullSid } from './identities.js';
import { hexId, mandatoryLabelOf, type ProcessRef } from './process-ref.js';

/** Windows logon types the demo uses. */
export type LogonType = 2 | 3 | 4 | 5 | 10;

/** 4624/4625 facts that vary by logon type. */
export interface LogonFacts {
  readonly type: LogonType;
  readonly target: Identity;
  /** `User32 `, `NtLmSsp `, `Kerberos`, `Advapi  ` (Windows pads them). */
  readonly logonProcess: string;
  readonly authPackage: 'Negotiate' | 'NTLM' | 'Kerberos';
  /** Source address, or `-` for local logons. */
  readonly ip: string;
  readonly port: string;
  /** Source workstation name, or `-`. */
  readonly workstation: string;
  /** The local process that asked for the logon (winlogon, services.exe…); null for network logons. */
  readonly caller: ProcessRef | null;
}

/** A successful logon: the facts plus whether the new session's token is elevated. */
export interface SuccessfulLogon extends LogonFacts {
  readonly elevated: boolean;
}

/** A failed logon: the facts plus why it failed. */
export interface FailedLogon extends LogonFacts {
  /** `0xc000006a` wrong password, `0xc0000064` no such user, `0xc0000072` disabled… */
  readonly subStatus: string;
}

const zeroGuid = '00000000-0000-0000-0000-000000000000';
const activity4688 = '4688 - A new process has been created.';
const activity4624 = '4624 - An account was successfully logged on.';
const activity4625 = '4625 - An account failed to log on.';

/** How an account appears as a 4688 subject: SYSTEM and NETWORK SERVICE show the computer account. */
function subjectName(host: DemoHost, identity: Identity): { name: string; domain: string } {
  return isMachineContext(identity)
    ? { name: host.machine.name, domain: host.domainName }
    : { name: identity.name, domain: identity.domain };
}

/** The 4688 written when `parent` creates `child`; a child in another session fills the Target* columns. */
export function processCreatedRow(host: DemoHost, parent: ProcessRef, child: ProcessRef): SecurityEventRow {
  const subject = subjectName(host, parent.account);
  const crossSession = child.logonId !== parent.logonId;
  const target = crossSession ? subjectName(host, child.account) : null;
  return {
    TenantId: host.tenantId,
    TimeGenerated: new Date(child.createdMs),
    SourceSystem: 'OpsManager',
    Computer: host.fqdn,
    EventID: 4688,
    Activity: activity4688,
    Channel: 'Security',
    EventSourceName: 'Microsoft-Windows-Security-Auditing',
    Task: 13312,
    Level: '8',
    Account: `${subject.domain}\\${subject.name}`,
    AccountType: parent.account.accountType,
    SubjectUserSid: parent.account.sid,
    SubjectUserName: subject.name,
    SubjectDomainName: subject.domain,
    SubjectLogonId: parent.logonId,
    NewProcessId: hexId(child.pid),
    NewProcessName: child.image,
    TokenElevationType: child.elevation,
    MandatoryLabel: mandatoryLabelOf(child),
    ProcessId: hexId(parent.pid),
    ProcessName: null,
    CommandLine: child.commandLine,
    ParentProcessName: parent.image,
    TargetUserSid: crossSession ? child.account.sid : nullSid,
    TargetUserName: target ? target.name : '-',
    TargetDomainName: target ? target.domain : '-',
    TargetLogonId: crossSession ? child.logonId : '0x0',
    TargetAccount: null,
    LogonProcessName: null,
    LogonType: null,
    LogonTypeName: null,
    AuthenticationPackageName: null,
    LmPackageName: null,
    LogonGuid: null,
    ElevatedToken: null,
    ImpersonationLevel: null,
    Status: null,
    SubStatus: null,
    FailureReason: null,
    IpAddress: null,
    IpPort: null,
    WorkstationName: null,
    SourceComputerId: host.sourceComputerId,
    EventData: null,
  };
}

/** The columns 4624 and 4625 share. */
function logonRow(host: DemoHost, timeMs: number, facts: LogonFacts, eventId: 4624 | 4625): SecurityEventRow {
  const caller = facts.caller;
  const subject = caller ? subjectName(host, caller.account) : { name: '-', domain: '-' };
  const account = `${facts.target.domain}\\${facts.target.name}`;
  return {
    TenantId: host.tenantId,
    TimeGenerated: new Date(timeMs),
    SourceSystem: 'OpsManager',
    Computer: host.fqdn,
    EventID: eventId,
    Activity: eventId === 4624 ? activity4624 : activity4625,
    Channel: 'Security',
    EventSourceName: 'Microsoft-Windows-Security-Auditing',
    Task: 12544,
    Level: '8',
    Account: account,
    AccountType: facts.target.accountType,
    SubjectUserSid: caller ? caller.account.sid : nullSid,
    SubjectUserName: subject.name,
    SubjectDomainName: subject.domain,
    SubjectLogonId: caller ? caller.logonId : '0x0',
    NewProcessId: null,
    NewProcessName: null,
    TokenElevationType: null,
    MandatoryLabel: null,
    ProcessId: caller ? hexId(caller.pid) : '0x0',
    ProcessName: caller ? caller.image : '-',
    CommandLine: null,
    ParentProcessName: null,
    TargetUserSid: facts.target.sid,
    TargetUserName: facts.target.name,
    TargetDomainName: facts.target.domain,
    TargetLogonId: null,
    TargetAccount: account,
    LogonProcessName: facts.logonProcess,
    LogonType: facts.type,
    LogonTypeName: sentinelLogonTypeName(facts.type),
    AuthenticationPackageName: facts.authPackage,
    LmPackageName: facts.authPackage === 'NTLM' ? 'NTLM V2' : '-',
    LogonGuid: null,
    ElevatedToken: null,
    ImpersonationLevel: null,
    Status: null,
    SubStatus: null,
    FailureReason: null,
    IpAddress: facts.ip,
    IpPort: facts.port,
    WorkstationName: facts.workstation,
    SourceComputerId: host.sourceComputerId,
    EventData: null,
  };
}

/** A 4624 for `logon` creating session `logonId`; Kerberos logons carry `kerberosGuid`, others all zeros. */
export function logonSucceededRow(
  host: DemoHost,
  timeMs: number,
  logon: SuccessfulLogon,
  logonId: string,
  kerberosGuid: string,
): SecurityEventRow {
  const row = logonRow(host, timeMs, logon, 4624);
  row.TargetLogonId = logonId;
  row.LogonGuid = logon.authPackage === 'Kerberos' ? kerberosGuid : zeroGuid;
  row.ElevatedToken = logon.elevated ? '%%1842' : '%%1843';
  row.ImpersonationLevel = '%%1833';
  return row;
}

/** A 4625 for `attempt`: Windows writes the null SID as target and `%%2313` (unknown user name or bad password). */
export function logonFailedRow(host: DemoHost, timeMs: number, attempt: FailedLogon): SecurityEventRow {
  const row = logonRow(host, timeMs, { ...attempt, target: { ...attempt.target, sid: nullSid } }, 4625);
  row.Level = '0';
  row.Status = '0xc000006d';
  row.SubStatus = attempt.subStatus;
  row.FailureReason = '%%2313';
  row.LmPackageName = '-';
  return row;
}
