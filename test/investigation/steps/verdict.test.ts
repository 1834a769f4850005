/**
 * The verdict step run last in the playbook against the embedded provider: on msticpy's FTP -s alert with every
 * other step's findings, and on alerts built around real and demo command lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Alert, parseAlert } from '../../../src/core/alert.js';
import type { Section } from '../../../src/core/section.js';
import { loadAlert } from '../../../src/investigation/commands/show-alert.js';
import type { CommandContext } from '../../../src/investigation/context.js';
import { runPlaybook } from '../../../src/investigation/playbook.js';
import { alertSummaryStep } from '../../../src/investigation/steps/alert-summary.js';
import { cmdlineElsewhereStep } from '../../../src/investigation/steps/cmdline-elsewhere.js';
import { failedLogonsStep } from '../../../src/investigation/steps/failed-logons.js';
import { hostLogonsStep } from '../../../src/investigation/steps/host-logons.js';
import { hostProcessesStep } from '../../../src/investigation/steps/host-processes.js';
import { iocsStep } from '../../../src/investigation/steps/iocs.js';
import { processTreeStep } from '../../../src/investigation/steps/process-tree.js';
import { relatedAlertsStep } from '../../../src/investigation/steps/related-alerts.js';
import { verdictStep } from '../../../src/investigation/steps/verdict.js';
import {
  benignServiceHost,
  empireLauncherFile,
  lsassDumpFile,
  minerCommandLine,
  realCommandLine,
} from '../../analysis/verdict/real-command-lines.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import {
  commandContext,
  ftpAlertId,
  importedWorkspace,
  msticpyFiles,
  sectionById,
  type TestWorkspace,
  tablesOf,
} from './step-test-context.js';

/** An alert on a host with no events, whose process ran `commandLine` from `image`. */
function processAlert(commandLine: string, image: string): Alert {
  const slash = image.lastIndexOf('\\');
  return parseAlert({
    SystemAlertId: 'test-alert',
    AlertName: 'Test',
    TimeGenerated: new Date('2019-01-15T05:15:20Z'),
    Entities: [
      { $id: '1', Type: 'host', HostName: 'NOSUCHHOST' },
      {
        $id: '2',
        Type: 'process',
        ProcessId: '0x10',
        CommandLine: commandLine,
        ImageFile: { $id: '3', Type: 'file', Directory: image.slice(0, slash), Name: image.slice(slash + 1) },
      },
    ],
  });
}

const rowsOf = (section: Section) => tablesOf(section)[0]?.rows ?? [];
const reasonsOf = (section: Section) => rowsOf(section).map((row) => row.reason);

describe.skipIf(!hasSharedData)('verdict step', () => {
  let ws: TestWorkspace;
  let ctx: CommandContext;
  const verdictOf = async (alert: Alert) =>
    sectionById(await runPlaybook([iocsStep, verdictStep], alert, ctx), 'verdict');

  beforeAll(async () => {
    ws = await importedWorkspace(msticpyFiles);
    ctx = commandContext(ws.data, new Date('2019-01-16T00:00:00Z'));
  });
  afterAll(() => ws.close());

  it('FTP -s alert: runs after every step and weighs their findings with its own', async () => {
    const alert = await loadAlert(ftpAlertId, ctx);
    const steps = [
      alertSummaryStep,
      relatedAlertsStep,
      processTreeStep,
      hostProcessesStep,
      iocsStep,
      cmdlineElsewhereStep,
      hostLogonsStep,
      failedLogonsStep,
    ];
    const order: string[] = [];
    const sections = await runPlaybook([verdictStep, ...steps], alert, ctx, {
      onProgress: (event) => event.type === 'finished' && order.push(event.stepId),
    });
    expect(order.at(-1)).toBe('verdict');
    const verdict = sectionById(sections, 'verdict');
    expect(verdict).toMatchObject({
      title: expect.stringMatching(/^Looks malicious: \d+ suspicious signals$/),
      tone: 'attention',
    });
    expect(rowsOf(verdict).slice(0, 2)).toEqual([
      {
        points: '+2 suspicious',
        reason:
          'The Windows tool ftp.exe was copied to c:\\diagnostics\\usertmp (it lives in C:\\Windows\\System32 or C:\\Windows\\SysWOW64): a way around path-based rules.',
        evidence: 'c:\\diagnostics\\usertmp\\ftp.exe',
        from: 'alert process',
      },
      {
        points: '+2 suspicious',
        reason: 'ftp runs commands from a script file (-s:), a quiet way to download or exfiltrate.',
        evidence: 'ftp  -s:c:\\recycler\\xxppyy.exe',
        from: 'alert process',
      },
    ]);
    const from = new Set(rowsOf(verdict).map((row) => row.from));
    expect([...from]).toEqual(
      expect.arrayContaining(['alert process', 'iocs', 'related-alerts', 'host-processes', 'process-tree']),
    );
    expect(reasonsOf(verdict)).toContain(
      "1 process in the alert's process tree ran an encoded command: powershell.exe (PID 0x1684, sibling).",
    );
    const reasons = reasonsOf(verdict);
    expect(new Set(reasons).size).toBe(reasons.length);
    const last = verdict.blocks.at(-1);
    expect(last?.kind === 'text' && last.markdown).toMatch(/^Score: \d+ suspicious against 0 reassuring points/);
  });

  it('the demo miner: masquerading, odd path and mining → looks malicious, 3 strong signals', async () => {
    const verdict = await verdictOf(processAlert(minerCommandLine, 'c:\\w!ndows\\system32\\suchost.exe'));
    expect(verdict.title).toBe('Looks malicious: 3 strong signals and 1 more');
    expect(rowsOf(verdict).map((row) => [row.points, row.from, row.evidence])).toEqual([
      ['+3 suspicious', 'alert process', 'c:\\w!ndows\\system32\\suchost.exe'],
      ['+3 suspicious', 'alert process', 'c:\\w!ndows\\system32\\suchost.exe'],
      ['+3 suspicious', 'alert process', '-a cryptonight'],
      // The pool's host, from the iocs step (stratum+tcp is no URL scheme msticpy knows, so only the domain).
      ['+1 suspicious', 'iocs', 'pool[.]example[.]org'],
    ]);
    expect(reasonsOf(verdict)[0]).toBe(
      'The image name suchost.exe imitates the Windows process svchost.exe (one character away): a classic disguise.',
    );
  });

  it("Empire launcher: the iocs step's encoded-command finding and the verdict's own are one line", async () => {
    const line = await realCommandLine(empireLauncherFile, /-enc /);
    const verdict = await verdictOf(
      processAlert(line, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'),
    );
    const encoded = rowsOf(verdict).filter((row) => row.reason?.startsWith('The command line hides its real command'));
    expect(encoded).toEqual([expect.objectContaining({ points: '+2 suspicious', from: 'alert process' })]);
    expect(verdict.title).toBe('Looks malicious: 1 strong signal and 5 more');
  });

  it('comsvcs lsass dump from the genuine rundll32: malicious despite the reassuring folder', async () => {
    const line = await realCommandLine(lsassDumpFile, /comsvcs/);
    const verdict = await verdictOf(processAlert(line, 'C:\\Windows\\System32\\rundll32.exe'));
    expect(verdict.title).toBe('Looks malicious: 1 strong signal');
    expect(rowsOf(verdict).map((row) => row.points)).toEqual(['+3 suspicious', '−1 reassuring']);
  });

  it('a genuine svchost: no masquerading line, nothing suspicious', async () => {
    const verdict = await verdictOf(processAlert(benignServiceHost, 'C:\\Windows\\System32\\svchost.exe'));
    expect(verdict).toMatchObject({ title: 'Inconclusive: 1 reassuring signal, nothing suspicious', tone: 'default' });
    expect(rowsOf(verdict)).toEqual([
      {
        points: '−1 reassuring',
        reason: 'svchost.exe runs from its usual Windows folder.',
        evidence: 'C:\\Windows\\System32\\svchost.exe',
        from: 'alert process',
      },
    ]);
  });

  it('an alert without a process: only the other steps speak', async () => {
    const bare = parseAlert({
      SystemAlertId: 'bare',
      AlertName: 'x',
      Entities: [{ $id: '1', Type: 'host', HostName: 'H' }],
    });
    const verdict = await verdictOf(bare);
    expect(verdict).toMatchObject({ status: 'ok', title: 'Inconclusive: no signal either way' });
    expect(tablesOf(verdict)).toEqual([]);
  });
});
