/**
 * Bad input and bad luck: alerts missing what a step needs (skipped, with the reason, no query run), a step that
 * throws or hangs (failed, the others finish), a query that fails, and events with missing fields.
 */
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../../../src/core/alert.js';
import { SocbotError } from '../../../src/core/errors.js';
import { emptySecurityEvent, type SecurityEventRow } from '../../../src/core/rows.js';
import type { QueryName, QueryRow } from '../../../src/data/catalog.js';
import type { DataProvider, QueryResult } from '../../../src/data/provider.js';
import { runPlaybook } from '../../../src/investigation/playbook.js';
import type { Step } from '../../../src/investigation/step.js';
import { hostLogonsStep } from '../../../src/investigation/steps/host-logons.js';
import { playbookSteps } from '../../../src/investigation/steps/index.js';
import { processTreeStep } from '../../../src/investigation/steps/process-tree.js';
import { hostContextAlert } from '../../../src/investigation/steps/step-target.js';
import { commandContext } from './step-test-context.js';

const now = new Date('2024-05-01T12:00:00Z');

/** A provider serving fixed rows per query (empty otherwise), recording what was asked; `failing` queries throw. */
function fixedProvider(rows: Partial<Record<QueryName, object[]>> = {}, failing: QueryName[] = []) {
  const asked: QueryName[] = [];
  const provider: DataProvider = {
    id: 'local',
    async run<Q extends QueryName>(name: Q): Promise<QueryResult<Q>> {
      asked.push(name);
      if (failing.includes(name)) {
        throw new SocbotError('QueryFailed', `${name} failed.`, { hint: 'Check the workspace connection.' });
      }
      return { rows: (rows[name] ?? []) as QueryRow<Q>[], truncated: false, warnings: [] };
    },
    async close() {},
  };
  return { provider, asked };
}

const statusById = (sections: { id: string; status: string }[]) =>
  Object.fromEntries(sections.map((s) => [s.id, s.status]));

describe('steps on alerts missing what they need', () => {
  it('an alert without host or process: every step but the summary is skipped with its reason, nothing queried', async () => {
    const { provider, asked } = fixedProvider();
    const bare = parseAlert({ SystemAlertId: 'bare-1', AlertName: 'Bare alert', TimeGenerated: now });
    const sections = await runPlaybook(playbookSteps, bare, commandContext(provider, now));
    expect(statusById(sections)).toMatchObject({
      'alert-summary': 'ok',
      'related-alerts': 'skipped',
      'process-tree': 'skipped',
      'host-processes': 'skipped',
      'cmdline-elsewhere': 'skipped',
      'host-logons': 'skipped',
      'failed-logons': 'skipped',
    });
    const text = (id: string) => {
      const block = sections.find((s) => s.id === id)?.blocks[0];
      return block?.kind === 'text' ? block.markdown : '';
    };
    expect(text('process-tree')).toBe('Skipped: the alert names no host.');
    expect(text('cmdline-elsewhere')).toBe('Skipped: the alert names no process.');
    expect(asked).toEqual([]);
  });

  it('a host without a process: the tree and the command line are skipped, the host steps run', async () => {
    const { provider, asked } = fixedProvider();
    const sections = await runPlaybook(playbookSteps, hostContextAlert('WEB01', now), commandContext(provider, now));
    expect(statusById(sections)).toMatchObject({
      'process-tree': 'skipped',
      'cmdline-elsewhere': 'skipped',
      'host-processes': 'empty',
      'host-logons': 'empty',
      'failed-logons': 'empty',
    });
    expect(new Set(asked)).toEqual(
      new Set(['list_related_alerts', 'list_host_processes', 'list_host_logons', 'list_host_logon_failures']),
    );
  });

  it('a process without a process id: the tree explains it cannot place it, without querying', async () => {
    const { provider, asked } = fixedProvider();
    const noPid = parseAlert({
      SystemAlertId: 'np-1',
      TimeGenerated: now,
      Entities: [
        { $id: '1', Type: 'host', HostName: 'WEB01' },
        { $id: '2', Type: 'file', Name: 'evil.exe', Directory: 'C:\\Temp' },
        { $id: '3', Type: 'process', ImageFile: { $ref: '2' } },
      ],
    });
    const [tree] = await runPlaybook([processTreeStep], noPid, commandContext(provider, now));
    expect(tree).toMatchObject({ id: 'process-tree', status: 'empty' });
    expect(tree?.blocks[0]).toEqual({
      kind: 'text',
      markdown:
        'The alert names its process (`C:\\Temp\\evil.exe`) but not its process id, so it cannot be placed in a tree.',
    });
    expect(asked).toEqual([]);
  });

  it('a Linux alert: Windows event steps are skipped, saying why', async () => {
    const { provider } = fixedProvider();
    const linux = parseAlert({
      SystemAlertId: 'lx-1',
      TimeGenerated: now,
      Entities: [{ $id: '1', Type: 'host', HostName: 'vm1lin', OSFamily: 'Linux' }],
    });
    const sections = await runPlaybook(playbookSteps, linux, commandContext(provider, now));
    const logons = sections.find((s) => s.id === 'host-logons');
    expect(logons?.status).toBe('skipped');
    expect(logons?.blocks[0]).toEqual({
      kind: 'text',
      markdown: 'Skipped: Windows event steps do not apply to Linux alerts yet.',
    });
  });
});

describe('the alert logon session', () => {
  it('is not looked up for the system session (0x3e7): the Section says why', async () => {
    const { provider, asked } = fixedProvider();
    const system = parseAlert({
      SystemAlertId: 'sys-1',
      TimeGenerated: now,
      Entities: [
        { $id: '1', Type: 'host', HostName: 'WEB01' },
        { $id: '2', Type: 'account', Name: 'WEB01$', LogonId: '0x3e7' },
      ],
    });
    const sections = await runPlaybook([hostLogonsStep], system, commandContext(provider, now));
    const session = sections.find((s) => s.id === 'host-logons-session');
    expect(session?.status).toBe('empty');
    const text = session?.blocks[0];
    expect(text?.kind === 'text' && text.markdown).toMatch(/^The alert ran in the system session \(`0x3e7`\)/);
    expect(asked).toEqual(['list_host_logons']);
  });

  it('says when the alert names no session, and when no logon opened it in the window', async () => {
    const { provider } = fixedProvider();
    const noSession = parseAlert({ SystemAlertId: 'n-1', TimeGenerated: now, CompromisedEntity: 'WEB01' });
    const [none] = await runPlaybook([hostLogonsStep], noSession, commandContext(provider, now));
    expect(none?.blocks[0]).toEqual({ kind: 'text', markdown: 'The alert names no logon session.' });
    const lost = parseAlert({
      SystemAlertId: 'n-2',
      TimeGenerated: now,
      Entities: [
        { $id: '1', Type: 'host', HostName: 'WEB01' },
        { $id: '2', Type: 'host-logon-session', SessionId: '0xabc' },
      ],
    });
    const [notFound] = await runPlaybook([hostLogonsStep], lost, commandContext(provider, now));
    expect(notFound?.actions[0]).toEqual({ label: 'Wider window', command: 'logons n-2 -7d..+0m' });
  });
});

describe('failures are contained in their step', () => {
  const hostAlert = hostContextAlert('WEB01', now);

  it('a step that throws gets a failed Section with a reference; the others finish', async () => {
    // It stands in for the real threat-intel step (left out), so its Section cannot be confused with a real one.
    const broken: Step = {
      id: 'threat-intel',
      title: 'Broken step',
      needs: [],
      async run() {
        throw new Error('boom');
      },
    };
    const { provider } = fixedProvider();
    const others = playbookSteps.filter((step) => step.id !== broken.id);
    const sections = await runPlaybook([broken, ...others], hostAlert, commandContext(provider, now));
    const failed = sections.find((s) => s.id === 'threat-intel');
    expect(failed).toMatchObject({
      status: 'failed',
      problem: { code: 'Unexpected', correlationId: 'test-correlation' },
    });
    expect(JSON.stringify(failed)).not.toContain('boom');
    expect(statusById(sections)).toMatchObject({ 'host-logons': 'empty', 'failed-logons': 'empty' });
  });

  it('a step that hangs is reported as timed out; the others finish', async () => {
    const hanging: Step = { id: 'verdict', title: 'Hanging step', needs: [], run: () => new Promise(() => {}) };
    const { provider } = fixedProvider();
    const sections = await runPlaybook([...playbookSteps, hanging], hostAlert, commandContext(provider, now), {
      stepTimeoutMs: 50,
    });
    expect(sections.find((s) => s.id === 'verdict')).toMatchObject({
      status: 'failed',
      problem: { code: 'Timeout', message: expect.stringMatching(/^Hanging step took longer than/) },
    });
    expect(statusById(sections)['host-processes']).toBe('empty');
  });

  it('a failed query fails only the steps that needed it, with its hint', async () => {
    const { provider } = fixedProvider({}, ['list_host_logon_failures']);
    const sections = await runPlaybook(playbookSteps, hostAlert, commandContext(provider, now));
    expect(sections.find((s) => s.id === 'failed-logons')).toMatchObject({
      status: 'failed',
      problem: {
        code: 'QueryFailed',
        message: 'list_host_logon_failures failed.',
        hint: 'Check the workspace connection.',
      },
    });
    expect(statusById(sections)['host-logons']).toBe('empty');
  });
});

describe('events with missing fields', () => {
  const at = (minute: number) => new Date(now.getTime() - minute * 60_000);
  const event = (minute: number, eventId: number, fields: Partial<SecurityEventRow>) =>
    Object.assign(emptySecurityEvent({ TimeGenerated: at(minute), Computer: 'WEB01', EventID: eventId }), fields);

  it('every step answers on rows full of nulls, and the alert process is still found', async () => {
    const processes = [
      event(30, 4688, {}),
      event(20, 4688, { NewProcessId: '0x10', NewProcessName: 'C:\\Windows\\System32\\cmd.exe' }),
      event(10, 4688, {
        NewProcessId: '0x20',
        NewProcessName: 'C:\\Temp\\evil.exe',
        ProcessId: '0x10',
        ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
        CommandLine: 'evil.exe -x',
      }),
    ];
    const logons = [event(40, 4624, {}), event(35, 4624, { Account: 'CONTOSO\\alice', LogonType: 99 })];
    const failures = [event(50, 4625, {}), event(45, 4625, { IpAddress: '90.156.201.27', TargetUserName: 'root' })];
    const { provider } = fixedProvider({
      list_host_processes: processes,
      list_host_logons: logons,
      list_host_logon_failures: failures,
    });
    const alert = parseAlert({
      SystemAlertId: 'nulls-1',
      TimeGenerated: now,
      Entities: [
        { $id: '1', Type: 'host', HostName: 'WEB01' },
        { $id: '2', Type: 'file', Name: 'evil.exe', Directory: 'C:\\Temp' },
        { $id: '3', Type: 'process', ProcessId: '0x20', CommandLine: 'evil.exe -x', ImageFile: { $ref: '2' } },
      ],
    });
    const sections = await runPlaybook(playbookSteps, alert, commandContext(provider, now));
    expect(sections.filter((s) => s.status === 'failed')).toEqual([]);
    const tree = sections.find((s) => s.id === 'process-tree');
    expect(tree?.title).toBe('Process tree of evil.exe (PID 0x20)');
    expect(statusById(sections)).toMatchObject({ 'host-processes': 'ok', 'host-logons': 'ok', 'failed-logons': 'ok' });
  });
});
