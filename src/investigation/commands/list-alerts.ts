/**
 * `alerts [last 24h] [severity X] [host Y] [top N]`: alert counts by type, a timeline, and the top alerts.
 */
import type { Command } from '../../core/command.js';
import type { SecurityAlertRow } from '../../core/rows.js';
import { type Section, section } from '../../core/section.js';
import { defaultWindows, formatDuration, formatTime, resolveWindow } from '../../core/time-window.js';
import { type SeverityName, severityRanks } from '../../data/catalog.js';
import type { CommandContext } from '../context.js';
import { alertHost, alertsTable, investigateActions, noAlertsYet } from './alert-list-parts.js';

type AlertsCommand = Extract<Command, { name: 'alerts' }>;

const defaultTop = 10;
const dayMs = 86_400_000;

/** Orders alerts for "top": highest severity first, then newest. */
export function rankAlerts(alerts: readonly SecurityAlertRow[]): SecurityAlertRow[] {
  const rank = (row: SecurityAlertRow) => severityRanks[(row.Severity ?? '').toLowerCase() as SeverityName] ?? 0;
  return [...alerts].sort(
    (a, b) =>
      rank(b) - rank(a) ||
      b.TimeGenerated.getTime() - a.TimeGenerated.getTime() ||
      a.SystemAlertId.localeCompare(b.SystemAlertId),
  );
}

function describeFilter(command: AlertsCommand): string {
  const parts = [`last ${formatDuration((command.window ?? defaultWindows.alerts).before)}`];
  if (command.minSeverity) parts.push(`severity ≥ ${command.minSeverity}`);
  if (command.host) parts.push(`host ${command.host}`);
  return parts.join(' · ');
}

async function noAlertsSection(command: AlertsCommand, ctx: CommandContext): Promise<Section> {
  const now = ctx.now();
  const latest = await ctx.data.run(
    'list_alerts',
    { start: new Date(0), end: new Date(now.getTime() + 365 * dayMs), host_name: command.host },
    { rowLimit: 1, signal: ctx.signal },
  );
  const newest = latest.rows[0];
  const hint = newest
    ? `The newest alert${command.host ? ` for ${command.host}` : ''} is from ${formatTime(newest.TimeGenerated)}: try \`alerts last ${Math.max(1, Math.ceil((now.getTime() - newest.TimeGenerated.getTime()) / dayMs) + 1)}d\`.`
    : noAlertsYet;
  return section({
    id: 'alerts',
    title: 'No alerts',
    status: 'empty',
    subtitle: describeFilter(command),
    blocks: [{ kind: 'text', markdown: hint }],
    actions: newest
      ? [
          {
            label: 'Show them',
            command: `alerts last ${Math.max(1, Math.ceil((now.getTime() - newest.TimeGenerated.getTime()) / dayMs) + 1)}d`,
          },
        ]
      : [],
  });
}

/** Runs `alerts`. */
export async function listAlerts(command: AlertsCommand, ctx: CommandContext): Promise<Section[]> {
  const window = resolveWindow(ctx.now(), command.window ?? defaultWindows.alerts);
  const params = {
    start: window.start,
    end: window.end,
    host_name: command.host,
    min_severity: command.minSeverity ? severityRanks[command.minSeverity as SeverityName] : undefined,
  };
  const [counts, alerts] = await Promise.all([
    ctx.data.run('list_alerts_counts', params, { signal: ctx.signal }),
    ctx.data.run('list_alerts', params, { signal: ctx.signal }),
  ]);
  if (counts.rows.length === 0) return [await noAlertsSection(command, ctx)];

  const total = counts.rows.reduce((sum, row) => sum + row.alertCount, 0);
  const top = rankAlerts(alerts.rows).slice(0, command.top ?? defaultTop);
  const byName = new Map<string, { at: Date; label: string }[]>();
  for (const row of alerts.rows) {
    const name = row.AlertName ?? 'Unnamed';
    const points = byName.get(name) ?? [];
    points.push({ at: row.TimeGenerated, label: `${name} · ${alertHost(row)}` });
    byName.set(name, points);
  }
  const overview = section({
    id: 'alerts-overview',
    title: `${total} alert${total === 1 ? '' : 's'} of ${counts.rows.length} type${counts.rows.length === 1 ? '' : 's'}`,
    subtitle: `${describeFilter(command)} · ${formatTime(window.start)} → ${formatTime(window.end)}`,
    warnings: [...counts.warnings, ...alerts.warnings],
    blocks: [
      {
        kind: 'chart',
        chart: {
          type: 'bar',
          title: 'Alerts by type',
          horizontal: true,
          labels: counts.rows.map((r) => r.AlertName),
          series: [{ name: 'Alerts', values: counts.rows.map((r) => r.alertCount) }],
        },
      },
      {
        kind: 'chart',
        chart: {
          type: 'timeline',
          title: 'Alerts over time',
          series: [...byName].map(([name, points]) => ({ name, points })),
        },
      },
      {
        kind: 'table',
        columns: [
          { key: 'name', label: 'Alert type' },
          { key: 'count', label: 'Count' },
          { key: 'last', label: 'Last seen' },
        ],
        rows: counts.rows.map((r) => ({
          name: r.AlertName,
          count: String(r.alertCount),
          last: formatTime(r.lastAlert),
        })),
        totalRows: counts.rows.length,
      },
    ],
  });
  const topSection = section({
    id: 'alerts-top',
    title: `Top ${top.length} alert${top.length === 1 ? '' : 's'}`,
    subtitle: 'Highest severity first, then newest.',
    blocks: [alertsTable(top, { withIds: true, totalRows: alerts.rows.length })],
    actions: investigateActions(top.slice(0, 5)),
  });
  return [overview, topSection];
}
