/**
 * Story 4 — password spray, then lateral movement. One internet address tries a few passwords against many
 * names on the exposed remote-desktop server (NTLM network logons: 0xc000006a for real accounts, 0xc0000064 for
 * names that do not exist) until the backup account's weak password works. The attacker then runs commands
 * through WMI (impacket wmiexec style: WmiPrvSE → `cmd.exe /Q /c … 1> \\127.0.0.1\ADMIN$\__…`), and from there
 * uses WMIC to start PowerShell on the file server in a new network logon of the same account.
 */

import { AlertEntities } from './alert-entities.js';
import { ascAlertRow } from './asc-alert.js';
import type { LogonFacts } from './event-rows.js';
import type { RunAs } from './event-writer.js';
import { hostNamed } from './host-catalog.js';
import type { Identity } from './identities.js';
import type { ProcessRef } from './process-ref.js';
import { attackerWorkstation, publicIp } from './public-addresses.js';
import type { StoryStage } from './story-stage.js';
import { startWmiProviderHost } from './system-episodes.js';
import { powershellImage, sys32 } from './windows-paths.js';

const madeUpNames = [
  'admin',
  'test',
  'user1',
  'backup',
  'scanner',
  'helpdesk',
  'training',
  'reception',
  'sqladmin',
  'ftpuser',
];

/** Plants the spray on RDS01 and the lateral movement to FS01 in the night of `dayStart`. */
export function plantPasswordSpray(stage: StoryStage, dayStart: number): void {
  const { writer: w, random, catalog } = stage;
  const ids = stage.on('RDS01');
  const { host } = ids;
  const attackerIp = publicIp(random);
  const attackerName = attackerWorkstation(random).replace(/^-$/, 'kali');
  const victim = catalog.services.backup;
  const real = [
    ...catalog.people.slice(0, 10).map((p) => p.user.name),
    catalog.services.sql.name,
    victim.name,
    'Administrator',
  ];
  const names = random.sample([...real, ...madeUpNames], real.length + madeUpNames.length);
  const network = (target: Identity): LogonFacts => ({
    type: 3,
    target,
    logonProcess: 'NtLmSsp ',
    authPackage: 'NTLM',
    ip: attackerIp,
    port: '0',
    workstation: attackerName,
    caller: null,
  });
  const sprayStart = stage.timeOn(dayStart, 1, 2);
  let t = sprayStart;
  let failures = 0;
  let unknown = 0;
  const rounds = random.int(3, 4);
  // Each round tries one password against every name; the backup account's weak one works in the last round.
  spray: for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      if (round === rounds - 1 && name === victim.name) break spray;
      const exists = real.includes(name);
      w.failedLogon(ids, t, {
        ...network({ name, domain: exists ? catalog.domain.netbios : '-', sid: '', accountType: 'User' }),
        subStatus: exists ? '0xc000006a' : '0xc0000064',
      });
      failures++;
      if (!exists) unknown++;
      t += random.int(700, 3_500);
    }
    t += random.int(60_000, 300_000);
  }
  const logonAt = t;
  const firstSession = w.logon(ids, logonAt, {
    ...network(victim),
    port: String(random.int(40_000, 60_000)),
    elevated: true,
  });
  const asVictim: RunAs = { account: victim, logonId: firstSession, elevation: '%%1937' };
  t += random.int(20_000, 60_000);
  const wmi = startWmiProviderHost(w, ids, t);
  const wmiexec = (command: string, child?: readonly [string, string]): ProcessRef => {
    t += random.int(15_000, 70_000);
    const output = `\\\\127.0.0.1\\ADMIN$\\__${Math.floor(t / 1000)}.${random.int(1_000_000, 9_999_999)}`;
    const cmd = w.spawn(ids, wmi, t, `${sys32}\\cmd.exe`, `cmd.exe /Q /c ${command} 1> ${output} 2>&1`, asVictim);
    w.conhost(ids, cmd, t + 15);
    return child ? w.spawn(ids, cmd, t + 40, child[0], child[1]) : cmd;
  };
  wmiexec('cd \\');
  wmiexec('whoami /all', [`${sys32}\\whoami.exe`, 'whoami  /all']);
  wmiexec('net group "Domain Admins" /domain', [`${sys32}\\net.exe`, 'net  group "Domain Admins" /domain']);
  const fs = hostNamed(catalog, 'FS01');
  const stage2 =
    'powershell.exe -nop -w hidden -c "Compress-Archive -Path D:\\Shares\\Finance -DestinationPath C:\\Users\\Public\\f.zip -Force"';
  wmiexec(`wmic /node:${fs.name} process call create "cmd.exe /c ${stage2}"`, [
    `${sys32}\\wbem\\WMIC.exe`,
    `wmic  /node:${fs.name} process call create "cmd.exe /c ${stage2}"`,
  ]);
  recordSpray(stage, { attackerIp, victim, firstSession, sprayStart, logonAt, failures, unknown, rounds });
  moveToFileServer(stage, { victim, source: host, at: t + random.int(1_000, 3_000), stage2 });
}

interface SprayFacts {
  readonly attackerIp: string;
  readonly victim: Identity;
  readonly firstSession: string;
  readonly sprayStart: number;
  readonly logonAt: number;
  readonly failures: number;
  readonly unknown: number;
  readonly rounds: number;
}

function recordSpray(stage: StoryStage, f: SprayFacts): void {
  const host = stage.on('RDS01').host;
  const entities = new AlertEntities(host);
  entities.ip(f.attackerIp);
  const account = entities.account(f.victim, f.firstSession);
  entities.logonSession(f.firstSession, f.logonAt, f.logonAt, account);
  const minutes = Math.round((f.logonAt - f.sprayStart) / 60_000);
  stage.record(
    ascAlertRow(stage.catalog, stage.random, {
      host,
      startMs: f.sprayStart,
      endMs: f.logonAt,
      entities,
      displayName: 'Suspected successful brute force attack',
      severity: 'High',
      description: `Several logon attempts were detected from ${f.attackerIp} against ${host.name}, and one of them succeeded. In the last ${minutes} minutes there were ${f.failures} failed attempts; ${f.unknown} of them aimed at non-existent users.`,
      tactics: 'CredentialAccess',
      techniques: ['T1110.003'],
      remediation: [
        `1. Block ${f.attackerIp} at the firewall.`,
        `2. Reset the password of ${f.victim.name} and review what its session ${f.firstSession} did.`,
        '3. Do not expose remote management to the internet; enforce MFA and account lockout.',
      ],
      properties: {
        'Compromised Host': host.name,
        'Source IP': f.attackerIp,
        'Successful Logins': '1',
        'Failed Attempts': String(f.failures),
        'Non-existent users': String(f.unknown),
        'Existing users': String(f.failures - f.unknown),
        'Attack duration': `${minutes} minutes`,
        'User Name': `${f.victim.domain}\\${f.victim.name}`,
        'Account Session Id': f.firstSession,
      },
    }),
    {
      name: 'password-spray',
      host: host.fqdn,
      summary: `${f.failures} failed NTLM logons from ${f.attackerIp} over ${f.rounds} rounds, then ${f.victim.name} logs on (session ${f.firstSession}) and runs wmiexec-style commands`,
    },
  );
}

/** On FS01: the WMIC call arrives as a network logon; WmiPrvSE starts cmd, which starts PowerShell. */
function moveToFileServer(
  stage: StoryStage,
  f: { victim: Identity; source: { name: string; ip: string }; at: number; stage2: string },
): void {
  const { writer: w, random } = stage;
  const ids = stage.on('FS01');
  const { host } = ids;
  const logonAt = f.at;
  const session = w.logon(ids, logonAt, {
    type: 3,
    target: f.victim,
    logonProcess: 'NtLmSsp ',
    authPackage: 'NTLM',
    ip: f.source.ip,
    port: String(random.int(49_152, 65_535)),
    workstation: f.source.name,
    caller: null,
    elevated: true,
  });
  const wmi = startWmiProviderHost(w, ids, logonAt + random.int(300, 900));
  const cmdAt = wmi.createdMs + random.int(200, 800);
  const cmd = w.spawn(ids, wmi, cmdAt, `${sys32}\\cmd.exe`, `cmd.exe /c ${f.stage2}`, {
    account: f.victim,
    logonId: session,
    elevation: '%%1937',
  });
  w.conhost(ids, cmd, cmdAt + 15);
  const ps = w.spawn(ids, cmd, cmdAt + random.int(100, 400), powershellImage, f.stage2);
  w.conhost(ids, ps, ps.createdMs + 20);
  stage.recordProcessAlert(
    {
      host,
      process: ps,
      parent: cmd,
      sessionStartMs: logonAt,
      displayName: 'Suspicious WMI execution',
      severity: 'Medium',
      description: `Analysis of host data on ${host.name} detected a process started remotely through WMI (WmiPrvSE.exe) in a network logon from ${f.source.name}. Attackers use WMI to move laterally and run commands on other machines.`,
      tactics: 'LateralMovement',
      techniques: ['T1047', 'T1560.001'],
      remediation: [
        '1. Escalate the alert to the information security team.',
        `2. Investigate the network logon of ${f.victim.name} from ${f.source.name} and disable the account if it is not expected.`,
      ],
      more: (e) => e.ip(f.source.ip),
    },
    {
      name: 'password-spray/lateral-movement',
      summary: `${f.victim.name} network logon from ${f.source.name} (session ${session}); WmiPrvSE → cmd → powershell Compress-Archive of D:\\Shares\\Finance`,
    },
  );
}
