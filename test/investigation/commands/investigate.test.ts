/**
 * `investigate` through the real conversation core, on msticpy's demo data: the whole playbook on the FTP -s
 * alert (every registered step answers, none fails, progress streamed), the alert picker, and an unknown id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataProvider } from '../../../src/data/provider.js';
import { answer } from '../../../src/investigation/answer.js';
import { investigate } from '../../../src/investigation/commands/investigate.js';
import type { CommandContext } from '../../../src/investigation/context.js';
import type { ProgressEvent } from '../../../src/investigation/playbook.js';
import { playbookSteps } from '../../../src/investigation/steps/index.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import {
  commandContext,
  factsOf,
  ftpAlertId,
  importedWorkspace,
  msticpyFiles,
  type TestWorkspace,
} from '../steps/step-test-context.js';

describe.skipIf(!hasSharedData)('investigate on the FTP -s alert', () => {
  let ws: TestWorkspace;
  let ctx: CommandContext;

  beforeAll(async () => {
    ws = await importedWorkspace(msticpyFiles);
    ctx = commandContext(ws.data, new Date('2019-01-16T00:00:00Z'));
  });
  afterAll(() => ws.close());

  it('returns the header, then every registered step, none failed, progress streamed, shared queries run once', async () => {
    const events: ProgressEvent[] = [];
    const asked: string[] = [];
    const counting: DataProvider = {
      id: ws.data.id,
      run: (name, params, options) => {
        asked.push(name);
        return ws.data.run(name, params, options);
      },
      close: async () => {},
    };
    const sections = await investigate(ftpAlertId, { ...ctx, data: counting }, (event) => events.push(event));
    const [header, ...rest] = sections;
    expect(header).toMatchObject({
      id: 'investigation',
      title: 'Investigating Detected suspicious use of FTP -s Switch',
    });
    expect(factsOf(header!)).toMatchObject({ Host: 'MSTICALERTSWIN1', Process: 'c:\\diagnostics\\usertmp\\ftp.exe' });
    const stepIds = playbookSteps.map((step) => step.id);
    for (const id of stepIds) expect(rest.map((s) => s.id)).toContain(id);
    expect(rest.filter((s) => s.status === 'failed')).toEqual([]);
    const status = (id: string) => rest.find((s) => s.id === id)?.status;
    expect(['related-alerts', 'process-tree', 'host-processes', 'host-logons'].map(status)).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
    expect(['cmdline-elsewhere', 'failed-logons'].map(status)).toEqual(['empty', 'empty']);
    const summary = header?.blocks.find((b) => b.kind === 'text');
    expect(summary?.kind === 'text' && summary.markdown).toMatch(
      // Threat intel is skipped: no VirusTotal key here.
      new RegExp(`^${stepIds.length} steps: \\d+ answered, 2 found nothing, 1 skipped\\.$`),
    );
    // Sections come in step order, whatever order the steps finished in.
    const firstOf = (id: string) => rest.findIndex((s) => s.id === id);
    expect(stepIds.map(firstOf)).toEqual([...stepIds.map(firstOf)].sort((a, b) => a - b));
    expect(
      events
        .filter((e) => e.type === 'started')
        .map((e) => e.stepId)
        .sort(),
    ).toEqual([...stepIds].sort());
    expect(events.filter((e) => e.type === 'finished')).toHaveLength(stepIds.length);
    // The tree and the clustered processes read the same window of the same host: one query for both.
    expect(asked.filter((name) => name === 'list_host_processes')).toHaveLength(1);
  });

  it('every step Section says which window it looked at', async () => {
    const sections = await answer(`investigate ${ftpAlertId}`, ctx);
    const windowed = sections.filter(
      // The alert's own command line (iocs) and the verdict are not about a time window.
      (s) =>
        ![
          'investigation',
          'alert-summary',
          'alert-details',
          'alert-entities',
          'iocs',
          'threat-intel',
          'verdict',
        ].includes(s.id),
    );
    expect(windowed.length).toBeGreaterThanOrEqual(7);
    for (const s of windowed) expect(s.subtitle).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ → .* around the alert\)$/);
  });

  it('`investigate` alone offers the 5 latest alerts as buttons', async () => {
    const [picker] = await answer('investigate', ctx);
    expect(picker).toMatchObject({ id: 'investigate', title: 'Which alert should I investigate?' });
    expect(picker?.actions).toHaveLength(5);
    expect(picker?.actions[0]).toMatchObject({
      command: 'investigate 2518547714966107270_90beedae-1285-43d6-8f33-16bc542af39b',
      style: 'primary',
    });
  });

  it('an unknown alert id answers AlertNotFound, not a stack trace', async () => {
    const [problem] = await answer('investigate no-such-alert-123', ctx);
    expect(problem).toMatchObject({ status: 'failed', title: 'Alert not found', problem: { code: 'AlertNotFound' } });
    const [tree] = await answer('tree no-such-alert-123', ctx);
    expect(tree?.problem?.code).toBe('AlertNotFound');
  });
});

describe.skipIf(!hasSharedData)('investigate on an empty workspace', () => {
  it('says there is nothing to investigate and how to get alerts', async () => {
    const ws = await importedWorkspace([]);
    try {
      const [none] = await answer('investigate', commandContext(ws.data, new Date('2024-01-01T00:00:00Z')));
      expect(none).toMatchObject({ id: 'investigate', status: 'empty', title: 'No alerts to investigate' });
    } finally {
      await ws.close();
    }
  });
});
