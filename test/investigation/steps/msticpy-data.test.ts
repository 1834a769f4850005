/**
 * Every step on msticpy's FTP -s alert (MSTICAlertsWin1, ftp.exe pid 0x1580, session 0xfaac27), on the real data
 * imported from ../shared/data/msticpy: the Sections a user sees and the findings the verdict reads; and the host
 * logons of 2019-02-12 against the notebook's Account × logon-type table (msticpy-cases/logon_display_cases.json).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/core/alert.js';
import { loadAlert } from '../../../src/investigation/commands/show-alert.js';
import type { CommandContext } from '../../../src/investigation/context.js';
import type { Step, StepOutput } from '../../../src/investigation/step.js';
import { alertSummaryStep } from '../../../src/investigation/steps/alert-summary.js';
import { cmdlineElsewhereStep } from '../../../src/investigation/steps/cmdline-elsewhere.js';
import { failedLogonsStep } from '../../../src/investigation/steps/failed-logons.js';
import { hostLogonsStep } from '../../../src/investigation/steps/host-logons.js';
import { hostProcessesStep } from '../../../src/investigation/steps/host-processes.js';
import { processTreeStep } from '../../../src/investigation/steps/process-tree.js';
import { relatedAlertsStep } from '../../../src/investigation/steps/related-alerts.js';
import { hostContextAlert } from '../../../src/investigation/steps/step-target.js';
import { hasSharedData, sharedReferenceDir } from '../../helpers/shared-data.js';
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

describe.skipIf(!hasSharedData)('steps on the FTP -s alert (msticpy demo data)', () => {
  let ws: TestWorkspace;
  let ctx: CommandContext;
  let alert: Alert;
  const run = (step: Step): Promise<StepOutput> => step.run(stepContext(ctx, alert));

  beforeAll(async () => {
    ws = await importedWorkspace(msticpyFiles);
    ctx = commandContext(ws.data, new Date('2019-01-16T00:00:00Z'));
    alert = await loadAlert(ftpAlertId, ctx);
  });
  afterAll(() => ws.close());

  it('alert-summary wraps the alert card, entity graph included', async () => {
    const { sections } = await run(alertSummaryStep);
    expect(sections.map((s) => s.id)).toEqual(['alert-summary', 'alert-details', 'alert-entities']);
    const graph = sectionById(sections, 'alert-entities').blocks.find((b) => b.kind === 'graph');
    expect(graph?.kind === 'graph' && graph.graph.nodes.map((n) => n.label)).toContain('host: MSTICALERTSWIN1');
  });

  it('related-alerts: 137 other alerts in −5d..+1d, counted by type per match, the alert itself left out', async () => {
    const { sections, findings } = await run(relatedAlertsStep);
    const related = sectionById(sections, 'related-alerts');
    expect(related.title).toBe('137 related alerts');
    expect(related.subtitle).toBe(
      'MSTICALERTSWIN1 · 2019-01-10 05:15:20Z → 2019-01-16 05:15:20Z (-5d..+1d around the alert)',
    );
    const text = related.blocks.find((b) => b.kind === 'text');
    expect(text?.kind === 'text' && text.markdown).toContain(
      'Found 48 different alert types related to this host (`MSTICALERTSWIN1`).',
    );
    expect(text?.kind === 'text' && text.markdown).toContain('Found 47 different alert types related to this account');
    const [types, list] = tablesOf(related);
    expect(types?.rows[0]).toMatchObject({ type: 'Suspicious Powershell Activity Detected', host: '16', total: '16' });
    expect(list?.totalRows).toBe(137);
    expect(list?.rows).toHaveLength(50);
    expect(list?.rows.some((r) => r.id === ftpAlertId)).toBe(false);
    const chart = related.blocks.find((b) => b.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.chart.type).toBe('timeline');
    const graph = related.blocks.find((b) => b.kind === 'graph');
    expect(graph?.kind === 'graph' && graph.graph.nodes.some((n) => n.kind === 'related-alert')).toBe(true);
    expect(related.actions.filter((a) => a.command.startsWith('alert ')).length).toBe(3);
    expect(findings?.[0]).toMatchObject({ leaning: 'malicious', stepId: 'related-alerts' });
    expect(findings?.[0]?.reason).toMatch(/^137 other alerts of 48 types fired on MSTICALERTSWIN1/);
  });

  it('process-tree finds ftp.exe, its parent cmd.exe and its siblings, source marked', async () => {
    const { sections, findings } = await run(processTreeStep);
    const tree = sectionById(sections, 'process-tree');
    expect(tree.status).toBe('ok');
    expect(tree.title).toBe('Process tree of ftp.exe (PID 0x1580)');
    expect(tree.subtitle).toContain('(-1h..+10m around the alert)');
    expect(factsOf(tree)).toMatchObject({ Parent: 'cmd.exe', Siblings: '131', 'Process events in window': '379' });
    const code = tree.blocks.find((b) => b.kind === 'code');
    const text = code?.kind === 'code' ? code.text : '';
    expect(text).toMatch(
      /\[source:lev0\] 2019-01-15 05:15:15\.677000 C:\\Diagnostics\\UserTmp\\ftp\.exe .*◀ alert process/,
    );
    expect(text).toContain('[parent:lev1] 2019-01-15 05:15:03.047000 C:\\Windows\\System32\\cmd.exe [PID: 0xbc8');
    expect(text).toMatch(/… 111 more siblings further from the alert time not shown$/);
    const graph = tree.blocks.find((b) => b.kind === 'graph');
    expect(graph?.kind === 'graph' && graph.graph.nodes.find((n) => n.highlight)?.label).toBe('ftp.exe\nPID 0x1580');
    expect(tree.actions.map((a) => a.label)).toEqual(['Other processes', 'IoCs', 'Command line elsewhere', 'Logons']);
    expect(findings?.[0]?.reason).toBe('ftp.exe was started by cmd.exe (PID 0xbc8).');
  });

  it('host-processes clusters the window as the notebook does and lists the one-offs', async () => {
    const { sections, findings } = await run(hostProcessesStep);
    const summary = sectionById(sections, 'host-processes');
    expect(factsOf(summary)).toEqual({
      'Input events': '379',
      'Clustered events': '65',
      'Clusters (size > 1)': '32',
      'One-off processes': '33',
    });
    const chart = summary.blocks.find((b) => b.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.chart.title).toBe('Process names with cluster > 1');
    expect(tablesOf(summary)[0]?.rows[0]).toMatchObject({ process: 'C:\\Windows\\System32\\cscript.exe', size: '71' });
    const rare = sectionById(sections, 'host-processes-rare');
    expect(tablesOf(rare)[0]?.totalRows).toBe(33);
    expect(tablesOf(rare)[0]?.rows.filter((r) => r.note === 'alert session').length).toBe(21);
    // ftp.exe falls in a cluster of 24 on these features (its path score dominates the normalised vector).
    expect(findings?.[0]).toMatchObject({ leaning: 'info', reason: expect.stringContaining('24 processes') });
    expect(findings?.[1]).toMatchObject({
      leaning: 'malicious',
      reason: "21 other one-off processes ran in the alert's logon session 0xfaac27.",
    });
  });

  it("cmdline-elsewhere: ftp.exe's command line ran on no other host", async () => {
    const { sections, findings } = await run(cmdlineElsewhereStep);
    expect(sections[0]).toMatchObject({ id: 'cmdline-elsewhere', status: 'empty' });
    expect(sections[0]?.subtitle).toMatch(/^Hosts other than MSTICALERTSWIN1 · .*\(-5d\.\.\+1d around the alert\)$/);
    expect(findings).toEqual([expect.objectContaining({ leaning: 'info', stepId: 'cmdline-elsewhere' })]);
  });

  it('host-logons shows the 0xfaac27 logon as msticpy formats it, then every host logon', async () => {
    const { sections, findings } = await run(hostLogonsStep);
    const session = sectionById(sections, 'host-logons-session');
    expect(session.title).toBe('Alert logon session 0xfaac27');
    expect(factsOf(session)).toMatchObject({
      Account: 'MSTICAdmin',
      'Logon type': '4(Batch)',
      'User Id/SID': 'S-1-5-21-996632719-2361334927-4038480536-500 — administrator; local machine or domain account',
      'Session id': '0xfaac27',
    });
    const logons = sectionById(sections, 'host-logons');
    expect(logons.title).toBe('14 logons on the host by 3 accounts');
    const [counts, clusters] = tablesOf(logons);
    expect(counts?.rows).toEqual([
      { account: 'MSTICAlertsWin1\\MSTICAdmin', Batch: '2', Network: '0', Service: '0' },
      { account: 'MSTICAlertsWin1\\adm1nistrator', Batch: '0', Network: '1', Service: '0' },
      { account: 'NT AUTHORITY\\SYSTEM', Batch: '0', Network: '0', Service: '11' },
    ]);
    // msticpy's logon clustering on these logons: adm1nistrator's network logon is the one-off.
    expect(clusters?.rows[0]).toMatchObject({ account: 'MSTICAlertsWin1\\adm1nistrator', count: '1 (one-off)' });
    const stacked = logons.blocks.find((b) => b.kind === 'chart' && b.chart.type === 'bar');
    expect(
      stacked?.kind === 'chart' && stacked.chart.type === 'bar' && stacked.chart.series.map((s) => s.values),
    ).toEqual([
      [2, 0, 0],
      [0, 1, 0],
      [0, 0, 11],
    ]);
    const line = logons.blocks.find((b) => b.kind === 'chart' && b.chart.type === 'line');
    expect(line?.kind === 'chart' && line.chart.type === 'line' && line.chart.series.map((s) => s.name)).toEqual([
      'Batch',
      'Network',
      'Service',
    ]);
    expect(logons.actions[0]).toMatchObject({ label: 'Failed logons', command: `failed-logons ${ftpAlertId}` });
    expect(findings).toEqual([
      expect.objectContaining({ leaning: 'info', reason: expect.stringContaining('opened by a Batch logon') }),
    ]);
  });

  it('failed-logons: none in the day before the alert, said so in the title', async () => {
    const { sections, findings } = await run(failedLogonsStep);
    expect(sections[0]).toMatchObject({
      status: 'empty',
      title: 'No logon failures recorded for the host between 2019-01-14 05:15:20Z and 2019-01-15 05:15:20Z',
    });
    expect(findings ?? []).toEqual([]);
  });
});

describe.skipIf(!hasSharedData)('host logons of 2019-02-12 (msticpy localdata/host_logons.jsonl)', () => {
  let ws: TestWorkspace;
  const at = new Date('2019-02-12T05:00:00Z');

  beforeAll(async () => {
    ws = await importedWorkspace(['msticpy/localdata/host_logons.jsonl']);
  });
  afterAll(() => ws.close());

  it("counts logons by account × type exactly as the notebook's table, and flags the public source", async () => {
    const ctx = commandContext(ws.data, at);
    const { sections, findings } = await hostLogonsStep.run(stepContext(ctx, hostContextAlert('MSTICAlertsWin1', at)));
    expect(sections.map((s) => s.id)).toEqual(['host-logons']);
    const cases = JSON.parse(readFileSync(`${sharedReferenceDir}msticpy-cases/logon_display_cases.json`, 'utf8')) as {
      notebook_logon_counts_by_account_and_type_for_localdata_host_logons_jsonl: Record<string, Record<string, number>>;
    };
    const expected = Object.entries(
      cases.notebook_logon_counts_by_account_and_type_for_localdata_host_logons_jsonl,
    ).map(([account, counts]) => ({
      account,
      ...Object.fromEntries(Object.entries(counts).map(([type, n]) => [type, String(n)])),
    }));
    expect(tablesOf(sections[0]!)[0]?.rows).toEqual(expected);
    expect(findings).toEqual([
      {
        leaning: 'malicious',
        reason: '4 logons came from the public address 131.107.147.209.',
        evidence: 'MSTICAlertsWin1\\MSTICAdmin · Network (3)',
        stepId: 'host-logons',
      },
    ]);
  });
});
