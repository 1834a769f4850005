/**
 * The single-step commands through the real conversation core (`answer`): user windows, the lookback limit,
 * alert-or-host references, host targets relative to now — on msticpy's demo data and an OTRF Security-Datasets
 * recording (Covenant SharpWMI lateral movement onto WORKSTATION6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../src/investigation/answer.js';
import type { CommandContext } from '../../../src/investigation/context.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import {
  commandContext,
  factsOf,
  ftpAlertId,
  ftpAlertTime,
  importedWorkspace,
  msticpyFiles,
  sectionById,
  type TestWorkspace,
  tablesOf,
} from '../steps/step-test-context.js';

describe.skipIf(!hasSharedData)('single-step commands on the FTP -s alert', () => {
  let ws: TestWorkspace;
  let ctx: CommandContext;

  beforeAll(async () => {
    ws = await importedWorkspace(msticpyFiles);
    ctx = commandContext(ws.data, new Date('2019-01-16T00:00:00Z'));
  });
  afterAll(() => ws.close());

  it('`tree <id> <window>` uses the typed window around the alert', async () => {
    const [tree] = await answer(`tree ${ftpAlertId} -15s..+1m`, ctx);
    expect(tree).toMatchObject({ id: 'process-tree', status: 'ok', title: 'Process tree of ftp.exe (PID 0x1580)' });
    expect(tree?.subtitle).toBe(
      'MSTICALERTSWIN1 · 2019-01-15 05:15:05Z → 2019-01-15 05:16:20Z (-15s..+1m around the alert)',
    );
    // cmd.exe started at 05:15:03, before this window: the tree says so instead of inventing a parent.
    expect(factsOf(tree!)).toMatchObject({ Parent: 'not in the data' });
  });

  it('`tree` on a window without the process answers an explained empty Section with a wider-window button', async () => {
    const [tree] = await answer(`tree ${ftpAlertId} -3h..-2h`, ctx);
    expect(tree).toMatchObject({ id: 'process-tree', status: 'empty', title: 'Alert process not found' });
    expect(tree?.actions[0]).toEqual({ label: 'Wider window', command: `tree ${ftpAlertId} -6h..+1h` });
  });

  it('`related` never reaches further back than 28 days, and says so', async () => {
    const [related] = await answer(`related ${ftpAlertId} -40d..+1d`, ctx);
    expect(related?.subtitle).toContain('(-28d..+1d around the alert)');
    expect(related?.warnings).toContain('Windows reach at most 28d back; -40d..+1d was shortened.');
  });

  it('`cmdline <id>` looks at other hosts only', async () => {
    const [cmdline] = await answer(`cmdline ${ftpAlertId}`, ctx);
    expect(cmdline).toMatchObject({
      id: 'cmdline-elsewhere',
      status: 'empty',
      title: 'Command line not seen elsewhere',
    });
  });

  it('`processes <host>` with no alert of that id falls back to the host, relative to now, and says so', async () => {
    const at = new Date(ftpAlertTime.getTime() + 10 * 60_000);
    const sections = await answer('processes MSTICAlertsWin1 -70m..+0m', commandContext(ws.data, at));
    const summary = sectionById(sections, 'host-processes');
    expect(summary.warnings[0]).toBe('No alert has the id MSTICAlertsWin1, so it was taken as a host name.');
    expect(summary.subtitle).toBe(
      'MSTICAlertsWin1 · 2019-01-15 04:15:20Z → 2019-01-15 05:25:20Z (-70m..+0m around now)',
    );
    expect(factsOf(summary)['Input events']).toBe('379');
    expect(summary.actions).toEqual([{ label: 'Logons', command: 'logons host MSTICAlertsWin1' }]);
  });

  it('`logons alert <id>` and `logons <id>` both resolve the alert', async () => {
    for (const text of [`logons alert ${ftpAlertId}`, `logons ${ftpAlertId}`]) {
      const sections = await answer(text, ctx);
      expect(sectionById(sections, 'host-logons-session').title).toBe('Alert logon session 0xfaac27');
    }
  });

  it("`failed-logons host` lists msticpy's failed logons with readable reasons", async () => {
    const sections = await answer(
      'failed-logons host MSTICAlertsWin1 last 3d',
      commandContext(ws.data, new Date('2019-02-15T05:00:00Z')),
    );
    const failed = sectionById(sections, 'failed-logons');
    expect(failed.title).toBe(
      'Failed logons observed for the host between 2019-02-12 05:00:00Z and 2019-02-15 05:00:00Z',
    );
    const [list, perAccount, perSource] = tablesOf(failed);
    expect(list?.rows.map((r) => r.reason)).toEqual([
      'bad user name or password',
      'logon type not granted',
      'logon type not granted',
      'logon type not granted',
    ]);
    expect(list?.rows[0]).toMatchObject({ account: 'MSTICAlertsWin1\\ian', type: 'Interactive (2)', ip: '::1' });
    expect(perAccount?.rows).toEqual([{ account: 'MSTICAlertsWin1\\ian', failures: '4' }]);
    // Loopback and `-` are this machine, not a remote source.
    expect(perSource?.rows).toEqual([{ ip: '(this machine)', failures: '4', accounts: '' }]);
    expect(failed.actions[0]).toEqual({ label: 'Logons', command: 'logons host MSTICAlertsWin1' });
  });
});

describe.skipIf(!hasSharedData)('msticpy clustering numbers through `processes host`', () => {
  it("processes_on_host.csv alone gives msticpy's 62 clustered rows (29 clusters, 33 one-offs, largest 71)", async () => {
    const ws = await importedWorkspace(['msticpy/processes_on_host.csv']);
    try {
      const sections = await answer('processes host MSTICAlertsWin1', commandContext(ws.data, ftpAlertTime));
      const summary = sectionById(sections, 'host-processes');
      // The notebook's configuration on the notebook's data (msticpy-cases eventcluster notebook_params).
      expect(factsOf(summary)).toEqual({
        'Input events': '363',
        'Clustered events': '62',
        'Clusters (size > 1)': '29',
        'One-off processes': '33',
      });
      expect(tablesOf(summary)[0]?.rows[0]?.size).toBe('71');
    } finally {
      await ws.close();
    }
  });
});

describe.skipIf(!hasSharedData)('host commands on the Covenant SharpWMI recording (WORKSTATION6)', () => {
  let ws: TestWorkspace;
  let ctx: CommandContext;

  beforeAll(async () => {
    ws = await importedWorkspace(['security-datasets/covenant_sharpwmi_create_dcerpc_wmi_2020-08-06035621.json']);
    ctx = commandContext(ws.data, new Date('2020-08-06T07:58:00Z'));
  });
  afterAll(() => ws.close());

  it('`logons host WORKSTATION6` shows the network logon whose session 0xc93745 runs GruntHTTP2.exe', async () => {
    const sections = await answer('logons host WORKSTATION6 -10m..+5m', ctx);
    expect(sections.map((s) => s.id)).toEqual(['host-logons']);
    const logons = sections[0]!;
    expect(logons.subtitle).toBe('WORKSTATION6 · 2020-08-06 07:48:00Z → 2020-08-06 08:03:00Z (-10m..+5m around now)');
    const [counts, clusters] = tablesOf(logons);
    expect(counts?.rows).toEqual([{ account: 'THESHIRE.LOCAL\\pgustavo', Network: '5' }]);
    expect(clusters?.rows[0]).toMatchObject({ type: 'Network (3)', source: '172.18.39.5' });
    expect(clusters?.rows[0]?.sessions).toContain('0xc93745');
    const processes = await answer('processes host WORKSTATION6 -10m..+5m', ctx);
    const rare = tablesOf(sectionById(processes, 'host-processes-rare'))[0];
    expect(rare?.rows.find((r) => r.process?.endsWith('GruntHTTP2.exe'))?.session).toBe('0xc93745');
  });

  it('`failed-logons host WORKSTATION6` says no failures were recorded', async () => {
    const [failed] = await answer('failed-logons host WORKSTATION6 -10m..+5m', ctx);
    expect(failed).toMatchObject({
      status: 'empty',
      title: 'No logon failures recorded for the host between 2020-08-06 07:48:00Z and 2020-08-06 08:03:00Z',
    });
  });
});
