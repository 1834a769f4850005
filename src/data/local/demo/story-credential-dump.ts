/**
 * Story 3 — credential dumping on the SQL server. At night someone uses the IT admin's account to RDP in from
 * the admin's workstation, finds lsass's PID with tasklist, then dumps its memory with comsvcs.dll's MiniDump
 * export (the Atomic Red Team / Security-Datasets technique) into C:\Windows\Temp.
 */
import { hostNamed, personNamed } from './host-catalog.js';
import type { StoryStage } from './story-stage.js';
import { openCommandPrompt } from './user-sessions.js';
import { sys32 } from './windows-paths.js';

const dumpPath = 'C:\\Windows\\Temp\\lsass.dmp';

/** Plants the lsass dump on SQL01 in the small hours of `dayStart`. */
export function plantCredentialDump(stage: StoryStage, dayStart: number): void {
  const { writer: w, random, catalog } = stage;
  const ids = stage.on('SQL01');
  const { host } = ids;
  const admin = personNamed(catalog, 'rgarcia').admin ?? catalog.services.administrator;
  const source = hostNamed(catalog, 'WKS-DEV-02');
  const logonAt = stage.timeOn(dayStart, 1, 3);
  const session = stage.remoteSession(ids, admin, logonAt, 3_600_000, source);
  let t = session.shell.createdMs + random.int(30_000, 90_000);
  const cmd = openCommandPrompt(w, ids, session, t, true);
  t += random.int(10_000, 40_000);
  w.spawn(ids, cmd, t, `${sys32}\\whoami.exe`, 'whoami  /groups');
  t += random.int(10_000, 40_000);
  w.spawn(ids, cmd, t, `${sys32}\\tasklist.exe`, 'tasklist  /fi "imagename eq lsass.exe"');
  t += random.int(15_000, 60_000);
  const lsassPid = host.processes.lsass.pid;
  const dump = w.spawn(
    ids,
    cmd,
    t,
    `${sys32}\\rundll32.exe`,
    `rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump ${lsassPid} ${dumpPath} full`,
  );
  stage.recordProcessAlert(
    {
      host,
      process: dump,
      parent: cmd,
      sessionStartMs: logonAt,
      displayName: 'Possible credential dumping detected',
      severity: 'High',
      description: `Analysis of host data on ${host.name} has detected use of native windows tool (comsvcs.dll via rundll32.exe) being used in a way that allows to extract credentials from memory. Attackers use these techniques to extract credentials that they then further use for lateral movement and privilege escalation.`,
      tactics: 'CredentialAccess',
      techniques: ['T1003.001'],
      remediation: [
        '1. Escalate the alert to the information security team.',
        `2. Delete ${dumpPath} and reset the passwords of every account logged on to ${host.name}.`,
        `3. Investigate how ${admin.name} signed in from ${source.name} at this hour.`,
      ],
      more: (e) => {
        e.file(dumpPath);
        e.ip(source.ip);
      },
      moreProperties: { 'Target Process Id': String(lsassPid) },
    },
    {
      name: 'credential-dumping',
      summary: `${admin.name} RDP from ${source.name} at night; tasklist finds lsass (PID ${lsassPid}), rundll32 comsvcs.dll MiniDump writes ${dumpPath}`,
    },
  );
}
