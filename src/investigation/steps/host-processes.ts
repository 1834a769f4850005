/**
 * Step 5: the other processes on the host, clustered as the notebook does (msticpy `add_process_features` then
 * `dbcluster_events` on command-line token count, path score and system-session flag, eps 0.0001): repeated
 * patterns with their size and time span, and the rare (one-off) processes, which are where odd things hide.
 */

import { type ClusterEventsResult, clusterEvents } from '../../analysis/cluster/cluster-events.js';
import { addProcessFeatures, type ProcessFeatures } from '../../analysis/cluster/process-features.js';
import { isSystemLogonId } from '../../analysis/logons/cluster-logons.js';
import { alertProcessTree, effectiveLogonId, sameId } from '../../analysis/process-tree/index.js';
import type { Alert } from '../../core/alert.js';
import type { SecurityEventRow } from '../../core/rows.js';
import type { ChartSpec, NextAction, Section } from '../../core/section.js';
import { section } from '../../core/section.js';
import { formatTime } from '../../core/time-window.js';
import type { Finding, Step } from '../step.js';
import { cappedTable, counted, emptySection } from './step-blocks.js';
import { alertHost, alertProcessSource, isHostContext, targetRef } from './step-target.js';
import { hostWindowParams, type StepWindow, stepWindow, windowSubtitle } from './step-windows.js';

/** The notebook's clustering: these features, eps 0.0001, min samples 2, rows L2-normalised. */
const notebookClusterColumns = ['commandlineTokensFull', 'pathScore', 'isSystemSession'] as const;
const notebookClusterEps = 0.0001;

const chartBars = 25;

type FeatureRow = SecurityEventRow & ProcessFeatures;
type Clustered = ClusterEventsResult<FeatureRow>;

/** Index of the alert's own process among the events (located as the process tree locates it), or -1. */
function alertProcessIndex(events: readonly SecurityEventRow[], alert: Alert): number {
  const source = alertProcessSource(alert);
  const tree = source ? alertProcessTree(events, source) : undefined;
  return tree?.found ? events.indexOf(tree.source) : -1;
}

function namesChart(clustered: Clustered): ChartSpec {
  const byName = new Map<string, number>();
  for (const row of clustered.rows) {
    if (row.ClusterSize > 1) byName.set(row.processName, (byName.get(row.processName) ?? 0) + row.ClusterSize);
  }
  const bars = [...byName].sort((a, b) => b[1] - a[1]).slice(0, chartBars);
  return {
    type: 'bar',
    title: 'Process names with cluster > 1',
    horizontal: true,
    labels: bars.map(([name]) => name || 'unknown'),
    series: [{ name: 'Events in repeated clusters', values: bars.map(([, n]) => n) }],
  };
}

/** Process names in the box plots: the most frequent ones, so the chart stays readable. */
const boxLabels = 15;

/**
 * The notebook's box plots: per process name, how much the command-line token count and the path score vary
 * (the path by system and user session, msticpy's hue). Wide boxes mean a process run in unusual ways.
 */
function variabilityCharts(rows: readonly FeatureRow[]): ChartSpec[] {
  const byName = new Map<string, FeatureRow[]>();
  for (const row of rows) {
    const name = row.processName || 'unknown';
    const list = byName.get(name);
    if (list) list.push(row);
    else byName.set(name, [row]);
  }
  const names = [...byName].sort((a, b) => b[1].length - a[1].length).slice(0, boxLabels);
  const labels = names.map(([name]) => name);
  const samples = (pick: (row: FeatureRow) => number, keep: (row: FeatureRow) => boolean = () => true) =>
    names.map(([, group]) => group.filter(keep).map(pick));
  return [
    {
      type: 'box',
      title: 'Variability of command-line tokens',
      labels,
      series: [{ name: 'Command-line tokens', samples: samples((row) => row.commandlineTokensFull) }],
      valueLabel: 'delimiters in the command line',
    },
    {
      type: 'box',
      title: 'Variability of path',
      labels,
      series: [
        {
          name: 'System session',
          samples: samples(
            (row) => row.pathLogScore,
            (row) => row.isSystemSession,
          ),
        },
        {
          name: 'User session',
          samples: samples(
            (row) => row.pathLogScore,
            (row) => !row.isSystemSession,
          ),
        },
      ],
      valueLabel: 'log10 of the path score',
    },
  ];
}

const time = (date: Date | null) => (date ? formatTime(date) : '');

function clustersSection(
  clustered: Clustered,
  features: readonly FeatureRow[],
  alert: Alert,
  subtitle: string,
  warnings: string[],
): Section {
  const clusters = clustered.rows.filter((row) => row.Clustered).sort((a, b) => b.ClusterSize - a.ClusterSize);
  const rare = clustered.rows.length - clusters.length;
  const inputCount = features.length;
  return section({
    id: 'host-processes',
    title: `${counted(inputCount, 'process event')} on the host: ${counted(clusters.length, 'repeated pattern')}, ${counted(rare, 'one-off process', 'one-off processes')}`,
    subtitle,
    warnings,
    blocks: [
      {
        kind: 'facts',
        facts: [
          { label: 'Input events', value: String(inputCount) },
          { label: 'Clustered events', value: String(clustered.rows.length) },
          { label: 'Clusters (size > 1)', value: String(clusters.length) },
          { label: 'One-off processes', value: String(rare) },
        ],
      },
      ...(clusters.length > 0
        ? [
            { kind: 'chart' as const, chart: namesChart(clustered) },
            cappedTable(
              [
                { key: 'process', label: 'Process', mono: true },
                { key: 'size', label: 'Events' },
                { key: 'first', label: 'First (UTC)' },
                { key: 'last', label: 'Last (UTC)' },
                { key: 'commandLine', label: 'Example command line', mono: true },
              ],
              clusters.map((row) => ({
                process: row.NewProcessName ?? '',
                size: String(row.ClusterSize),
                first: time(row.FirstEventTime),
                last: time(row.LastEventTime),
                commandLine: row.CommandLine ?? '',
              })),
            ),
          ]
        : [{ kind: 'text' as const, markdown: 'No two processes in the window ran alike.' }]),
      ...variabilityCharts(features).map((chart) => ({ kind: 'chart' as const, chart })),
    ],
    actions: processActions(alert),
  });
}

function rareSection(clustered: Clustered, alert: Alert, alertIndex: number, subtitle: string): Section {
  const rare = clustered.rows
    .map((row, k) => ({ row, input: clustered.sourceIndex[k]! }))
    .filter(({ row }) => !row.Clustered)
    .sort((a, b) => a.row.TimeGenerated.getTime() - b.row.TimeGenerated.getTime());
  const note = (row: FeatureRow, input: number) =>
    input === alertIndex ? 'alert process' : inAlertSession(row, alert) ? 'alert session' : '';
  return section({
    id: 'host-processes-rare',
    title: counted(rare.length, 'one-off process', 'one-off processes'),
    subtitle,
    status: rare.length > 0 ? 'ok' : 'empty',
    blocks: [
      rare.length > 0
        ? cappedTable(
            [
              { key: 'time', label: 'Time (UTC)' },
              { key: 'process', label: 'Process', mono: true },
              { key: 'commandLine', label: 'Command line', mono: true },
              { key: 'account', label: 'Account' },
              { key: 'session', label: 'Session', mono: true },
              { key: 'note', label: 'Note' },
            ],
            rare.map(({ row, input }) => ({
              time: formatTime(row.TimeGenerated),
              process: row.NewProcessName ?? '',
              commandLine: row.CommandLine ?? '',
              account: row.Account ?? row.SubjectUserName ?? '',
              // The session the process runs in: a process started for another logon (WMI, runas) shows that one.
              session: effectiveLogonId(row) ?? '',
              note: note(row, input),
            })),
          )
        : { kind: 'text', markdown: 'Every process in the window ran like at least one other.' },
    ],
    actions: processActions(alert),
  });
}

function inAlertSession(row: SecurityEventRow, alert: Alert): boolean {
  return !!alert.logonId && !isSystemLogonId(alert.logonId) && sameId(row.SubjectLogonId, alert.logonId);
}

function processActions(alert: Alert): NextAction[] {
  if (isHostContext(alert)) return [{ label: 'Logons', command: `logons ${targetRef(alert)}` }];
  const actions: NextAction[] = [];
  if (alert.processId) actions.push({ label: 'Process tree', command: `tree ${alert.id}` });
  if (alert.commandLine) actions.push({ label: 'IoCs', command: `iocs ${alert.id}` });
  actions.push({ label: 'Logons', command: `logons ${alert.id}` });
  return actions;
}

function findings(clustered: Clustered, rows: readonly FeatureRow[], alert: Alert, alertIndex: number): Finding[] {
  const out: Finding[] = [];
  if (alertIndex >= 0) {
    const row = rows[alertIndex]!;
    const label = clustered.labels[alertIndex]!;
    const size = label < 0 ? 1 : clustered.rows.find((r) => r.ClusterId === label)?.ClusterSize;
    out.push(
      label < 0
        ? {
            leaning: 'malicious',
            reason: `${row.processName} (PID ${row.NewProcessId}) is a one-off on this host: no other process in the window has a similar path and command line.`,
            evidence: row.CommandLine ?? row.NewProcessName ?? '',
            stepId: 'host-processes',
          }
        : {
            leaning: 'info',
            reason: `${row.processName} (PID ${row.NewProcessId}) follows a repeated pattern: ${counted(size ?? 1, 'process', 'processes')} on this host ran alike.`,
            evidence: row.CommandLine ?? row.NewProcessName ?? '',
            stepId: 'host-processes',
          },
    );
  }
  const inSession = clustered.rows.filter(
    (row, k) => !row.Clustered && clustered.sourceIndex[k] !== alertIndex && inAlertSession(row, alert),
  );
  if (inSession.length > 0) {
    out.push({
      leaning: 'malicious',
      reason: `${counted(inSession.length, 'other one-off process', 'other one-off processes')} ran in the alert's logon session ${alert.logonId}.`,
      evidence: [...new Set(inSession.map((row) => row.CommandLine || row.processName))].slice(0, 8).join('\n'),
      stepId: 'host-processes',
    });
  }
  return out;
}

function noEvents(alert: Alert, window: StepWindow, subtitle: string, warnings: string[]): Section {
  return emptySection({
    id: 'host-processes',
    title: 'No process events',
    subtitle,
    markdown: `No process creation events (4688) on ${alertHost(alert) ?? 'the host'} between ${formatTime(window.start)} and ${formatTime(window.end)}.`,
    actions: [{ label: 'Wider window', command: `processes ${targetRef(alert)} -6h..+1h` }],
    warnings,
  });
}

/** The host's processes in the tree window, clustered; rare ones listed. */
export const hostProcessesStep: Step = {
  id: 'host-processes',
  title: 'Other processes on the host',
  needs: ['host', 'windows'],
  async run(ctx) {
    const { alert } = ctx;
    const window = stepWindow(ctx, 'processes');
    const subtitle = windowSubtitle(ctx, window);
    const result = await ctx.query('list_host_processes', hostWindowParams(alertHost(alert) ?? '', window));
    const warnings = [...window.warnings, ...result.warnings];
    if (result.rows.length === 0) return { sections: [noEvents(alert, window, subtitle, warnings)] };
    const rows = addProcessFeatures(result.rows, { pathSeparator: alert.pathSeparator });
    const clustered = clusterEvents(rows, { columns: notebookClusterColumns, eps: notebookClusterEps });
    const alertIndex = alertProcessIndex(result.rows, alert);
    return {
      sections: [
        clustersSection(clustered, rows, alert, subtitle, warnings),
        rareSection(clustered, alert, alertIndex, subtitle),
      ],
      findings: findings(clustered, rows, alert, alertIndex),
    };
  },
};
