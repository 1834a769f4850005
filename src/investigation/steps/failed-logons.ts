/**
 * Step 10: failed logons (4625) on the host in −1 d…0 (notebook "Failed Logons observed for the host"), with
 * counts per account and per source address, and the patterns that matter: password spray, brute force, and a
 * successful logon from the same address afterwards (cross-checked with the host's logons, a shared query).
 */

import { logonTypeName } from '../../analysis/logons/logon-types.js';
import type { Alert } from '../../core/alert.js';
import type { SecurityEventRow } from '../../core/rows.js';
import type { Block, NextAction } from '../../core/section.js';
import { section } from '../../core/section.js';
import { formatTime } from '../../core/time-window.js';
import type { Step } from '../step.js';
import { failureReason, statusCodes } from './logon-failure-reasons.js';
import { failedLogonFindings, failureSources, logonAccount, sourceAddress } from './logon-findings.js';
import { cappedTable, countBy, emptySection } from './step-blocks.js';
import { alertHost, isHostContext, targetRef } from './step-target.js';
import { hostWindowParams, stepWindow, windowSubtitle } from './step-windows.js';

function failuresTable(rows: readonly SecurityEventRow[]): Block {
  return cappedTable(
    [
      { key: 'time', label: 'Time (UTC)' },
      { key: 'account', label: 'Account' },
      { key: 'type', label: 'Logon type' },
      { key: 'ip', label: 'Source IP' },
      { key: 'workstation', label: 'Workstation' },
      { key: 'status', label: 'Status', mono: true },
      { key: 'reason', label: 'Reason' },
    ],
    rows.map((row) => ({
      time: formatTime(row.TimeGenerated),
      account: logonAccount(row) ?? '',
      type: row.LogonType === null ? '' : `${logonTypeName(row.LogonType)} (${row.LogonType})`,
      ip: row.IpAddress ?? '',
      workstation: row.WorkstationName ?? '',
      status: statusCodes(row),
      reason: failureReason(row),
    })),
  );
}

function perAccountTable(rows: readonly SecurityEventRow[]): Block {
  return cappedTable(
    [
      { key: 'account', label: 'Account' },
      { key: 'failures', label: 'Failures' },
    ],
    countBy(rows, logonAccount).map(([account, n]) => ({ account, failures: String(n) })),
  );
}

function perSourceTable(rows: readonly SecurityEventRow[]): Block {
  const local = rows.filter((row) => sourceAddress(row) === null).length;
  const remote = failureSources(rows).map((source) => ({
    ip: source.ip,
    failures: String(source.failures.length),
    accounts: String(source.accounts.length),
  }));
  const all = local > 0 ? [...remote, { ip: '(this machine)', failures: String(local), accounts: '' }] : remote;
  return cappedTable(
    [
      { key: 'ip', label: 'Source IP' },
      { key: 'failures', label: 'Failures' },
      { key: 'accounts', label: 'Accounts tried' },
    ],
    all,
  );
}

function actions(alert: Alert): NextAction[] {
  const ref = targetRef(alert);
  const out: NextAction[] = [{ label: 'Logons', command: `logons ${ref}` }];
  if (!isHostContext(alert)) out.push({ label: 'Related alerts', command: `related ${alert.id}` });
  return out;
}

/** Failed logons on the host. */
export const failedLogonsStep: Step = {
  id: 'failed-logons',
  title: 'Failed logons',
  needs: ['host', 'windows'],
  async run(ctx) {
    const { alert } = ctx;
    const window = stepWindow(ctx, 'failed-logons');
    const subtitle = windowSubtitle(ctx, window);
    const params = hostWindowParams(alertHost(alert) ?? '', window);
    const failures = await ctx.query('list_host_logon_failures', params);
    const warnings = [...window.warnings, ...failures.warnings];
    const between = `between ${formatTime(window.start)} and ${formatTime(window.end)}`;
    if (failures.rows.length === 0) {
      const empty = emptySection({
        id: 'failed-logons',
        title: `No logon failures recorded for the host ${between}`,
        subtitle,
        markdown: `No failed logon (4625) on ${alertHost(alert)} in the window.`,
        actions: actions(alert),
        warnings,
      });
      return { sections: [empty] };
    }
    const successes = await ctx.query('list_host_logons', params);
    const failed = section({
      id: 'failed-logons',
      title: `Failed logons observed for the host ${between}`,
      subtitle,
      tone: 'warning',
      warnings: [...warnings, ...successes.warnings],
      blocks: [
        failuresTable(failures.rows),
        { kind: 'text', markdown: '**Failures per account**' },
        perAccountTable(failures.rows),
        { kind: 'text', markdown: '**Failures per source address**' },
        perSourceTable(failures.rows),
      ],
      actions: actions(alert),
    });
    return { sections: [failed], findings: failedLogonFindings(failures.rows, successes.rows) };
  },
};
