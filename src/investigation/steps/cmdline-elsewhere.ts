/**
 * Step 8: the alert's command line on other hosts (msticpy `list_hosts_matching_commandline`, notebook "Same
 * command line on other hosts"): the same image file name and command line (case-insensitive) in −5 d…+1 d.
 *
 * Deliberate difference from msticpy 3 (msticpy-facts §j.2): the alert's own host is excluded, as msticpy's legacy
 * query did, so the answer is about *other* hosts. Values are passed as bound parameters, never pre-escaped.
 */

import { imageFileName } from '../../analysis/process-tree/index.js';
import type { Alert } from '../../core/alert.js';
import type { SecurityEventRow } from '../../core/rows.js';
import type { NextAction } from '../../core/section.js';
import { section } from '../../core/section.js';
import { formatTime } from '../../core/time-window.js';
import type { Finding, Step } from '../step.js';
import { cappedTable, countBy, counted, emptySection } from './step-blocks.js';
import { alertHost } from './step-target.js';
import { type StepWindow, stepWindow } from './step-windows.js';

/** Up to this many other hosts, the same command line suggests spread; from `widespread` on, routine tooling. */
const fewHosts = 5;
const widespread = 10;

function finding(rows: readonly SecurityEventRow[], hosts: [string, number][], window: StepWindow): Finding {
  const evidence = hosts
    .slice(0, 8)
    .map(([host, n]) => `${host} ×${n}`)
    .join(', ');
  if (hosts.length === 0) {
    return {
      leaning: 'info',
      reason: 'The command line was not seen on any other host.',
      evidence: window.label,
      stepId: 'cmdline-elsewhere',
    };
  }
  const seen = `The same command line ran ${counted(rows.length, 'time')} on ${counted(hosts.length, 'other host')}`;
  if (hosts.length <= fewHosts) {
    return {
      leaning: 'malicious',
      reason: `${seen}: the activity may have spread.`,
      evidence,
      stepId: 'cmdline-elsewhere',
    };
  }
  if (hosts.length >= widespread) {
    return {
      leaning: 'benign',
      reason: `${seen}: it looks like routine tooling across the estate.`,
      evidence,
      stepId: 'cmdline-elsewhere',
    };
  }
  return { leaning: 'info', reason: `${seen}.`, evidence, stepId: 'cmdline-elsewhere' };
}

function actions(alert: Alert): NextAction[] {
  return [
    { label: 'Related alerts', command: `related ${alert.id}` },
    { label: 'Logons', command: `logons ${alert.id}` },
  ];
}

/** The alert's command line on other hosts. */
export const cmdlineElsewhereStep: Step = {
  id: 'cmdline-elsewhere',
  title: 'Command line on other hosts',
  needs: ['process', 'command-line'],
  async run(ctx) {
    const { alert } = ctx;
    const window = stepWindow(ctx, 'cmdline');
    const host = alertHost(alert);
    const subtitle = `${host ? `Hosts other than ${host}` : 'All hosts'} · ${window.label}`;
    const result = await ctx.query('list_hosts_matching_commandline', {
      start: window.start,
      end: window.end,
      process_name: alert.processName ?? imageFileName(alert.processFilePath ?? ''),
      commandline: alert.commandLine ?? '',
      exclude_host: host ?? undefined,
    });
    const warnings = [...window.warnings, ...result.warnings];
    const hosts = countBy(result.rows, (row) => row.Computer);
    const findings = [finding(result.rows, hosts, window)];
    if (result.rows.length === 0) {
      const empty = emptySection({
        id: 'cmdline-elsewhere',
        title: 'Command line not seen elsewhere',
        subtitle,
        markdown: `No other host${host ? ` than ${host}` : ''} ran \`${alert.commandLine}\`.`,
        actions: actions(alert),
        warnings,
      });
      return { sections: [empty], findings };
    }
    const found = section({
      id: 'cmdline-elsewhere',
      title: `${counted(result.rows.length, 'process', 'processes')} with matching command line found on ${counted(hosts.length, 'host')}`,
      subtitle,
      warnings,
      blocks: [
        { kind: 'code', text: alert.commandLine ?? '' },
        {
          kind: 'facts',
          facts: hosts
            .slice(0, 10)
            .map(([computer, n]) => ({ label: computer, value: counted(n, 'process', 'processes') })),
        },
        cappedTable(
          [
            { key: 'time', label: 'Time (UTC)' },
            { key: 'computer', label: 'Host' },
            { key: 'process', label: 'Process', mono: true },
            { key: 'commandLine', label: 'Command line', mono: true },
            { key: 'account', label: 'Account' },
          ],
          result.rows.map((row) => ({
            time: formatTime(row.TimeGenerated),
            computer: row.Computer,
            process: row.NewProcessName ?? '',
            commandLine: row.CommandLine ?? '',
            account: row.Account ?? row.SubjectUserName ?? '',
          })),
        ),
      ],
      actions: actions(alert),
    });
    return { sections: [found], findings };
  },
};
