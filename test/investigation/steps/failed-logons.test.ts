/**
 * The failed-logons step on a real internet password spray (Azure Sentinel's ASIM sample: 19 failed NTLM network
 * logons against devops-vm), run on a host context; then with a success from the spraying address added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySecurityEvent } from '../../../src/core/rows.js';
import { eventKey } from '../../../src/data/local/row-keys.js';
import { insertNewRows } from '../../../src/data/local/workspace.js';
import type { CommandContext } from '../../../src/investigation/context.js';
import { failedLogonsStep } from '../../../src/investigation/steps/failed-logons.js';
import { hostContextAlert } from '../../../src/investigation/steps/step-target.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import { commandContext, importedWorkspace, stepContext, type TestWorkspace, tablesOf } from './step-test-context.js';

const now = new Date('2024-10-18T09:30:00Z');

describe.skipIf(!hasSharedData)('failed logons of the devops-vm password spray', () => {
  let ws: TestWorkspace;
  let ctx: CommandContext;
  const run = () => failedLogonsStep.run(stepContext(ctx, hostContextAlert('devops-vm', now)));

  beforeAll(async () => {
    ws = await importedWorkspace(['azure-sentinel/Microsoft_Security Events_Authentication_IngestedLogs.csv']);
    ctx = commandContext(ws.data, now);
  });
  afterAll(() => ws.close());

  it('lists the 19 failures with reasons, counts per account and per address, and names the spray', async () => {
    const { sections, findings } = await run();
    const [failed] = sections;
    expect(failed?.title).toBe(
      'Failed logons observed for the host between 2024-10-17 09:30:00Z and 2024-10-18 09:30:00Z',
    );
    const [list, perAccount, perSource] = tablesOf(failed!);
    expect(list?.totalRows).toBe(19);
    expect(list?.rows[0]).toEqual({
      time: '2024-10-18 09:29:21Z',
      account: 'weatheronline',
      type: 'Network (3)',
      ip: '66.90.100.200',
      workstation: 'D-537',
      status: '0xc000006d / 0xc0000064',
      reason: 'user name does not exist',
    });
    expect(perAccount?.totalRows).toBe(19);
    expect(perSource?.rows[0]).toEqual({ ip: '66.90.100.200', failures: '14', accounts: '14' });
    expect(perSource?.totalRows).toBe(6);
    // The spray is raised; the five addresses that failed a few times each are summarised as background.
    expect(findings?.filter((f) => f.leaning === 'malicious')).toHaveLength(1);
    expect(findings?.find((f) => f.leaning === 'info')?.reason).toMatch(/^5 other addresses failed a few times each/);
    expect(findings?.[0]).toMatchObject({
      leaning: 'malicious',
      reason: 'Password spray: 66.90.100.200 failed 14 times against 14 accounts.',
      stepId: 'failed-logons',
    });
  });

  it('adds the success when the spraying address then logs on', async () => {
    const success = Object.assign(
      emptySecurityEvent({ TimeGenerated: new Date('2024-10-18T09:29:50Z'), Computer: 'devops-vm', EventID: 4624 }),
      { Account: 'devops-vm\\devops', LogonType: 3, IpAddress: '66.90.100.200', TargetLogonId: '0x5e55' },
    );
    await insertNewRows(ws.workspace.connection, 'SecurityEvent', [success], [eventKey(success)]);
    const { findings } = await run();
    expect(findings?.filter((f) => f.leaning === 'malicious').map((f) => f.reason)).toEqual([
      'Password spray: 66.90.100.200 failed 14 times against 14 accounts.',
      'After those failures, a logon from 66.90.100.200 succeeded: devops-vm\\devops at 2024-10-18 09:29:50Z.',
    ]);
  });
});
