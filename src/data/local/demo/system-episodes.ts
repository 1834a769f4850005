/**
 * Background episodes every Windows host produces on its own: WMI providers, scheduled-task hosts, Defender
 * and Windows Update maintenance, the monitoring agent's scripts, service starts and SYSTEM service logons.
 * Command lines are the ones these binaries really write (from the shared msticpy and Security-Datasets rows).
 */
import type { Episode } from './episode.js';
import type { EventWriter, HostIds } from './event-writer.js';
import { networkServiceIdentity, networkServiceLogonId, systemIdentity, systemLogonId } from './identities.js';
import type { ProcessRef } from './process-ref.js';
import { sys32 } from './windows-paths.js';

const defenderDir = 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0';
const mmaState = 'C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\Health Service State';

/** DcomLaunch starts a WMI provider host as NETWORK SERVICE (for local queries, or a remote WMI call). */
export function startWmiProviderHost(w: EventWriter, ids: HostIds, t: number, secured = true): ProcessRef {
  return w.spawn(
    ids,
    ids.host.processes.dcomLaunch,
    t,
    `${sys32}\\wbem\\WmiPrvSE.exe`,
    `C:\\Windows\\system32\\wbem\\wmiprvse.exe${secured ? ' -secured' : ''} -Embedding`,
    { account: networkServiceIdentity, logonId: networkServiceLogonId, elevation: '%%1936' },
  );
}

/** A WMI provider host for local management queries. */
export const wmiProviderHost: Episode = (w, h, t) => {
  startWmiProviderHost(w, h, t, w.random.chance(0.7));
};

/** The Log Analytics agent's discovery script or its DSC inventory host (the commonest rows in msticpy's data). */
export const monitoringAgentScript: Episode = (w, h, t) => {
  const parent = h.host.processes.monitoringHost;
  if (w.random.chance(0.6)) {
    const script = w.spawn(
      h,
      parent,
      t,
      `${sys32}\\cscript.exe`,
      '"C:\\Windows\\system32\\cscript.exe" /nologo "MonitorKnowledgeDiscovery.vbs"',
    );
    if (w.random.chance(0.5)) w.conhost(h, script, t + 11);
    return;
  }
  const dsc = `${mmaState}\\CT_602681692\\NativeDSC\\DesiredStateConfiguration\\ASMHost.exe`;
  const work = `${mmaState}\\CT_602681692\\work\\ServiceState`;
  const host = w.spawn(h, parent, t, dsc, `"${dsc}" GetInventory "${work}\\ServiceState.mof" "${work}"`);
  w.conhost(h, host, t + 13);
};

const taskHostCommands = [
  'taskhostw.exe -RegisterDevice -ProtectionStateChanged -FreeNetworkOnly',
  'taskhostw.exe SYSTEM',
  'taskhostw.exe NGCKeyPregen',
  'taskhostw.exe -RegisterUserDevice',
  'taskhostw.exe Install $(Arg0)',
  'taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E}',
];

/** Task Scheduler runs one of its own maintenance tasks in taskhostw.exe. */
export const scheduledTaskHost: Episode = (w, h, t) => {
  w.spawn(h, h.host.processes.schedule, t, `${sys32}\\taskhostw.exe`, w.random.pick(taskHostCommands));
};

const defenderTasks = ['WdCacheMaintenance', 'WdCleanup', 'WdVerification', 'WdScheduledScan'];

/** Defender's idle tasks and signature updates, each with its console host. */
export const defenderMaintenance: Episode = (w, h, t) => {
  const image = `${defenderDir}\\MpCmdRun.exe`;
  const signatures = w.random.chance(0.4);
  const parent = signatures ? h.host.processes.defender : h.host.processes.schedule;
  const command = signatures
    ? `"${image}" SignaturesUpdateService -ScheduleJob -UnmanagedUpdate`
    : `"${image}" -IdleTask -TaskName ${w.random.pick(defenderTasks)}`;
  const run = w.spawn(h, parent, t, image, command);
  w.conhost(h, run, t + 9);
};

/** Windows Update: the orchestrator scans, and the servicing stack sometimes wakes up. */
export const windowsUpdateScan: Episode = (w, h, t) => {
  const { schedule, dcomLaunch, services } = h.host.processes;
  w.spawn(h, schedule, t, `${sys32}\\usoclient.exe`, 'C:\\Windows\\system32\\usoclient.exe StartScan');
  w.spawn(
    h,
    dcomLaunch,
    t + w.random.int(300, 2_000),
    `${sys32}\\MoUsoCoreWorker.exe`,
    'C:\\Windows\\System32\\mousocoreworker.exe -Embedding',
  );
  if (w.random.chance(0.3)) {
    const installer = w.spawn(
      h,
      services,
      t + w.random.int(3_000, 9_000),
      'C:\\Windows\\servicing\\TrustedInstaller.exe',
      'C:\\Windows\\servicing\\TrustedInstaller.exe',
    );
    const workerAt = installer.createdMs + w.random.int(400, 1_500);
    w.spawn(
      h,
      dcomLaunch,
      workerAt,
      'C:\\Windows\\WinSxS\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.20348.2700_none_7d30ffa52a61e4d4\\TiWorker.exe',
      'C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35_10.0.20348.2700_none_7d30ffa52a61e4d4\\TiWorker.exe -Embedding',
    );
  }
};

const triggeredServices = [
  ['LocalServiceNetworkRestricted -p -s lmhosts', 0],
  ['LocalService -p -s DispBrokerDesktopSvc', 0],
  ['netsvcs -p -s BITS', 1],
  ['netsvcs -p -s gpsvc', 1],
  ['LocalSystemNetworkRestricted -p -s TrkWks', 1],
  ['NetworkService -p -s CryptSvc', 0],
  ['wsappx -p -s AppXSvc', 1],
  ['netsvcs -p -s NetSetupSvc', 1],
] as const;

/** The service control manager starts a trigger-start service, logging its SYSTEM service logon first. */
export const serviceTrigger: Episode = (w, h, t) => {
  const { services } = h.host.processes;
  const [group] = w.random.pick(triggeredServices);
  systemServiceLogon(w, h, t);
  w.spawn(
    h,
    services,
    t + w.random.int(5, 60),
    `${sys32}\\svchost.exe`,
    `C:\\Windows\\system32\\svchost.exe -k ${group}`,
  );
};

/** A 4624 type 5 for SYSTEM from services.exe: the most frequent logon on any Windows host. */
export const systemServiceLogon: Episode = (w, h, t) => {
  w.logonWithId(h, t, systemLogonId, {
    type: 5,
    target: systemIdentity,
    logonProcess: 'Advapi  ',
    authPackage: 'Negotiate',
    ip: '-',
    port: '-',
    workstation: '-',
    caller: h.host.processes.services,
    elevated: true,
  });
};

const telemetryCommands = [
  'C:\\Windows\\system32\\compattelrunner.exe -m:appraiser.dll -f:DoScheduledTelemetryRun -cv:R0pKCIG5dUKxNmQA.1',
  'C:\\Windows\\system32\\compattelrunner.exe -m:aeinv.dll -f:UpdateSoftwareInventoryW invsvc',
  'C:\\Windows\\system32\\compattelrunner.exe -maintenance',
  'C:\\Windows\\system32\\compattelrunner.exe',
];

/** Compatibility telemetry: CompatTelRunner, with a console host and sometimes a child run of itself. */
export const telemetryRun: Episode = (w, h, t) => {
  const image = `${sys32}\\CompatTelRunner.exe`;
  const run = w.spawn(h, h.host.processes.schedule, t, image, w.random.pick(telemetryCommands));
  w.conhost(h, run, t + 20);
  if (w.random.chance(0.4)) {
    w.spawn(
      h,
      run,
      t + w.random.int(1_000, 20_000),
      image,
      'C:\\Windows\\system32\\CompatTelRunner.exe -m:appraiser.dll -f:DoScheduledTelemetryRun -cv:R0pKCIG5dUKxNmQA.2 -fullsync',
    );
  }
};
