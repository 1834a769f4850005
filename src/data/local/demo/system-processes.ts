/**
 * The long-lived processes of a Windows host after boot (services.exe, lsass.exe, the svchost groups, agents),
 * with the PIDs they keep all week. Background activity and stories use them as parents; lsass's PID is what
 * the credential-dumping story passes to MiniDump.
 */
import {
  type Identity,
  localServiceIdentity,
  localServiceLogonId,
  networkServiceIdentity,
  networkServiceLogonId,
  systemIdentity,
  systemLogonId,
} from './identities.js';
import type { ProcessRef } from './process-ref.js';
import type { RandomSource } from './random-source.js';
import { sys32 } from './windows-paths.js';

export type HostRole =
  | 'domain-controller'
  | 'web-server'
  | 'sql-server'
  | 'file-server'
  | 'remote-desktop'
  | 'workstation';

/** The processes every host has, plus the role's servers. */
export interface SystemProcesses {
  readonly smss: ProcessRef;
  readonly csrss: ProcessRef;
  readonly wininit: ProcessRef;
  readonly winlogon: ProcessRef;
  readonly services: ProcessRef;
  readonly lsass: ProcessRef;
  readonly dcomLaunch: ProcessRef;
  readonly schedule: ProcessRef;
  readonly netsvcs: ProcessRef;
  readonly localService: ProcessRef;
  readonly networkService: ProcessRef;
  readonly termService: ProcessRef;
  readonly defender: ProcessRef;
  readonly spooler: ProcessRef;
  readonly healthService: ProcessRef;
  readonly monitoringHost: ProcessRef;
  /** IIS Windows Process Activation Service (web servers): parent of every w3wp.exe. */
  readonly iisActivation: ProcessRef | null;
  readonly sqlServer: ProcessRef | null;
  readonly sqlAgent: ProcessRef | null;
}

/** What a host needs decided before its processes can be: role, boot time, the SQL service session. */
export interface SystemProcessPlan {
  readonly role: HostRole;
  readonly bootMs: number;
  readonly sqlService: { readonly account: Identity; readonly logonId: string } | null;
}

const defenderDir = 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0';
const mmaDir = 'C:\\Program Files\\Microsoft Monitoring Agent\\Agent';
const sqlBinn = 'C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn';

/**
 * Creates the host's boot processes with ascending PIDs (Windows hands out low PIDs in boot order) and creation
 * times a few seconds apart after `bootMs`.
 */
export function createSystemProcesses(plan: SystemProcessPlan, random: RandomSource): SystemProcesses {
  let pid = 0x120 + 4 * random.int(0, 16);
  let clock = plan.bootMs;
  const make = (
    image: string,
    commandLine: string,
    account: Identity = systemIdentity,
    logonId: string = systemLogonId,
  ): ProcessRef => {
    pid += 4 * random.int(1, 14);
    clock += random.int(40, 1_800);
    return { pid, image, commandLine, logonId, account, elevation: '%%1936', createdMs: clock };
  };
  const svchost = (group: string, account?: Identity, logonId?: string) =>
    make(`${sys32}\\svchost.exe`, `C:\\Windows\\system32\\svchost.exe -k ${group}`, account, logonId);

  const smss = make(`${sys32}\\smss.exe`, '\\SystemRoot\\System32\\smss.exe');
  const csrss = make(
    `${sys32}\\csrss.exe`,
    '%SystemRoot%\\system32\\csrss.exe ObjectDirectory=\\Windows SharedSection=1024,20480,768 Windows=On SubSystemType=Windows ServerDll=basesrv,1 ServerDll=winsrv:UserServerDllInitialization,3 ServerDll=sxssrv,4 ProfileControl=Off MaxRequestThreads=16',
  );
  const wininit = make(`${sys32}\\wininit.exe`, 'wininit.exe');
  const winlogon = make(`${sys32}\\winlogon.exe`, 'winlogon.exe');
  const services = make(`${sys32}\\services.exe`, 'C:\\Windows\\system32\\services.exe');
  const lsass = make(`${sys32}\\lsass.exe`, 'C:\\Windows\\system32\\lsass.exe');
  const dcomLaunch = svchost('DcomLaunch -p');
  const localService = svchost('LocalServiceNetworkRestricted -p', localServiceIdentity, localServiceLogonId);
  const networkService = svchost('NetworkService -p', networkServiceIdentity, networkServiceLogonId);
  const netsvcs = svchost('netsvcs -p');
  const schedule = svchost('netsvcs -p -s Schedule');
  const termService = svchost('termsvcs', networkServiceIdentity, networkServiceLogonId);
  const spooler = make(`${sys32}\\spoolsv.exe`, 'C:\\Windows\\System32\\spoolsv.exe');
  const defender = make(`${defenderDir}\\MsMpEng.exe`, `"${defenderDir}\\MsMpEng.exe"`);
  const healthService = make(`${mmaDir}\\HealthService.exe`, `"${mmaDir}\\HealthService.exe"`);
  const monitoringHost = make(`${mmaDir}\\MonitoringHost.exe`, `"${mmaDir}\\MonitoringHost.exe" -Embedding`);
  const iisActivation = plan.role === 'web-server' ? svchost('iissvcs') : null;
  const sql = plan.sqlService;
  const sqlServer = sql
    ? make(`${sqlBinn}\\sqlservr.exe`, `"${sqlBinn}\\sqlservr.exe" -sMSSQLSERVER`, sql.account, sql.logonId)
    : null;
  const sqlAgent = sql
    ? make(`${sqlBinn}\\SQLAGENT.EXE`, `"${sqlBinn}\\SQLAGENT.EXE" -i MSSQLSERVER`, sql.account, sql.logonId)
    : null;
  return {
    smss,
    csrss,
    wininit,
    winlogon,
    services,
    lsass,
    dcomLaunch,
    schedule,
    netsvcs,
    localService,
    networkService,
    termService,
    defender,
    spooler,
    healthService,
    monitoringHost,
    iisActivation,
    sqlServer,
    sqlAgent,
  };
}

/** Each boot process with the process that created it, in creation order (the boot's 4688 events). */
export function bootCreationOrder(p: SystemProcesses): [parent: ProcessRef, child: ProcessRef][] {
  const pairs: [ProcessRef, ProcessRef][] = [
    [p.smss, p.csrss],
    [p.smss, p.wininit],
    [p.smss, p.winlogon],
    [p.wininit, p.services],
    [p.wininit, p.lsass],
    [p.services, p.dcomLaunch],
    [p.services, p.localService],
    [p.services, p.networkService],
    [p.services, p.netsvcs],
    [p.services, p.schedule],
    [p.services, p.termService],
    [p.services, p.spooler],
    [p.services, p.defender],
    [p.services, p.healthService],
    [p.healthService, p.monitoringHost],
  ];
  if (p.iisActivation) pairs.push([p.services, p.iisActivation]);
  if (p.sqlServer) pairs.push([p.services, p.sqlServer]);
  if (p.sqlAgent) pairs.push([p.services, p.sqlAgent]);
  return pairs;
}

/** Every long-lived PID of the host: never handed out again while the host runs. */
export function systemPids(p: SystemProcesses): number[] {
  return Object.values(p)
    .filter((ref): ref is ProcessRef => ref !== null)
    .map((ref) => ref.pid);
}
