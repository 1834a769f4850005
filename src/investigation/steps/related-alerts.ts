/**
 * Step 3: alerts that mention the alert's host, account or process (msticpy `list_related_alerts`, notebook
 * "Related alerts"): counts by alert type per kind of match, a timeline, the list, and the entity graph with them.
 *
 * Deliberate difference from the notebook: the alert itself is left out of every count and list (msticpy's query
 * returns it, so the notebook counts it as related to itself).
 */
import { type Alert, alertQueryParams } from '../../core/alert.js';
import { describeEntity } from '../../core/entity-describe.js';
import { alertEntityGraph, type RelatedAlertLink } from '../../core/entity-graph.js';
import type { Block, ChartSpec, NextAction, Section } from '../../core/section.js';
import { section } from '../../core/section.js';
import { formatTime } from '../../core/time-window.js';
import type { RelatedAlertRow } from '../../data/catalog.js';
import { rankAlerts } from '../commands/list-alerts.js';
import type { Finding, Step } from '../step.js';
import { cappedTable, countBy, counted, emptySection, groupBy } from './step-blocks.js';
import { alertHost } from './step-target.js';
import { type StepWindow, stepWindow, windowSubtitle } from './step-windows.js';

type MatchColumn = 'host_match' | 'acct_match' | 'proc_match';

interface MatchKind {
  column: MatchColumn;
  noun: 'host' | 'account' | 'process';
  /** What was searched for, as the user knows it. */
  value: string;
  /** The entity-graph node the related alerts of this kind hang on. */
  graphNode: string | undefined;
}

const timelineSeries = 10;
/** Other alerts on the same host from this many on are a malicious-leaning context. */
const manyOnHost = 3;

/** The kinds of match the alert allows, most specific first (a related alert hangs on the first it matched). */
function matchKinds(alert: Alert): MatchKind[] {
  const node = (entity: Alert['primaryHost']) => (entity ? describeEntity(entity, alert) : undefined);
  const { accountName, processName } = alertQueryParams(alert);
  const host = alertHost(alert);
  const kinds: (MatchKind | null)[] = [
    processName
      ? { column: 'proc_match', noun: 'process', value: processName, graphNode: node(alert.primaryProcess) }
      : null,
    accountName
      ? { column: 'acct_match', noun: 'account', value: accountName, graphNode: node(alert.primaryAccount) }
      : null,
    host ? { column: 'host_match', noun: 'host', value: host, graphNode: node(alert.primaryHost) } : null,
  ];
  return kinds.filter((kind): kind is MatchKind => kind !== null);
}

const typeOf = (row: RelatedAlertRow) => row.AlertType ?? row.AlertName ?? 'Unnamed';

/** The notebook's lines: "Found N different alert types related to this host ('x')". */
function countLines(related: readonly RelatedAlertRow[], kinds: readonly MatchKind[]): string {
  return kinds
    .map((kind) => {
      const types = new Set(related.filter((row) => row[kind.column]).map(typeOf)).size;
      return `Found ${counted(types, 'different alert type')} related to this ${kind.noun} (\`${kind.value}\`).`;
    })
    .join('\n');
}

function typeTable(related: readonly RelatedAlertRow[], kinds: readonly MatchKind[]): Block {
  const rows = groupBy(related, typeOf).map(([type, ofType]) => {
    const cells: Record<string, string> = { type, total: String(ofType.length) };
    for (const kind of kinds) cells[kind.noun] = String(ofType.filter((row) => row[kind.column]).length);
    cells.last = formatTime(new Date(ofType.reduce((last, row) => Math.max(last, row.TimeGenerated.getTime()), 0)));
    return cells;
  });
  return cappedTable(
    [
      { key: 'type', label: 'Alert type' },
      ...kinds.map((kind) => ({ key: kind.noun, label: `Same ${kind.noun}` })),
      { key: 'total', label: 'Alerts' },
      { key: 'last', label: 'Last seen' },
    ],
    rows,
  );
}

function timeline(alert: Alert, related: readonly RelatedAlertRow[]): ChartSpec {
  const types = countBy(related, typeOf).map(([type]) => type);
  const shown = new Set(types.slice(0, timelineSeries));
  const series = new Map<string, { at: Date; label: string }[]>();
  for (const row of related) {
    const name = shown.has(typeOf(row)) ? typeOf(row) : 'Other alert types';
    const points = series.get(name) ?? [];
    points.push({ at: row.TimeGenerated, label: `${row.AlertDisplayName ?? typeOf(row)} · ${row.Severity ?? ''}` });
    series.set(name, points);
  }
  const at = alert.timeGenerated ?? alert.startTime;
  return {
    type: 'timeline',
    title: 'Related alerts',
    series: [...series].map(([name, points]) => ({ name, points })),
    ...(at ? { marker: { at, label: 'This alert' } } : {}),
  };
}

function matchedOn(row: RelatedAlertRow, kinds: readonly MatchKind[]): string {
  return kinds
    .filter((kind) => row[kind.column])
    .map((kind) => kind.noun)
    .join(', ');
}

function relatedTable(related: readonly RelatedAlertRow[], kinds: readonly MatchKind[]): Block {
  return cappedTable(
    [
      { key: 'time', label: 'Time (UTC)' },
      { key: 'severity', label: 'Severity' },
      { key: 'name', label: 'Alert' },
      { key: 'matched', label: 'Same' },
      { key: 'id', label: 'Alert id', mono: true },
    ],
    related.map((row) => ({
      time: formatTime(row.TimeGenerated),
      severity: row.Severity ?? '',
      name: row.AlertDisplayName ?? typeOf(row),
      matched: matchedOn(row, kinds),
      id: row.SystemAlertId,
    })),
  );
}

function graphLinks(related: readonly RelatedAlertRow[], kinds: readonly MatchKind[]): RelatedAlertLink[] {
  return related.map((row) => {
    const kind = kinds.find((k) => row[k.column]);
    return { alertType: typeOf(row), ...(kind?.graphNode ? { matchedEntityName: kind.graphNode } : {}) };
  });
}

function findings(related: readonly RelatedAlertRow[], kinds: readonly MatchKind[], window: StepWindow): Finding[] {
  const out: Finding[] = [];
  const host = kinds.find((kind) => kind.noun === 'host');
  const onHost = related.filter((row) => row.host_match);
  if (host && onHost.length >= manyOnHost) {
    const types = countBy(onHost, typeOf);
    out.push({
      leaning: 'malicious',
      reason: `${counted(onHost.length, 'other alert')} of ${counted(types.length, 'type')} fired on ${host.value} around this one.`,
      evidence: types
        .slice(0, 5)
        .map(([type, n]) => `${type} ×${n}`)
        .join('; '),
      stepId: 'related-alerts',
    });
  }
  const sameProcess = related.filter((row) => row.proc_match);
  if (sameProcess.length > 0) {
    out.push({
      leaning: 'malicious',
      reason: `The alert's process also appears in ${counted(sameProcess.length, 'other alert')}.`,
      evidence: [...new Set(sameProcess.map(typeOf))].slice(0, 5).join('; '),
      stepId: 'related-alerts',
    });
  }
  if (related.length === 0) {
    out.push({
      leaning: 'info',
      reason: 'No other alert mentions this host, account or process.',
      evidence: window.label,
      stepId: 'related-alerts',
    });
  }
  return out;
}

function actions(alert: Alert, related: readonly RelatedAlertRow[]): NextAction[] {
  const top = rankAlerts(related).slice(0, 3);
  const out: NextAction[] = top.map((row) => ({
    label: `Alert: ${(row.AlertDisplayName ?? row.AlertName ?? row.SystemAlertId).slice(0, 40)}`,
    command: `alert ${row.SystemAlertId}`,
  }));
  if (alert.processId || alert.processFilePath) out.push({ label: 'Process tree', command: `tree ${alert.id}` });
  return out;
}

/** Related alerts: same host, account or process in −5 d…+1 d (or the user's window). */
export const relatedAlertsStep: Step = {
  id: 'related-alerts',
  title: 'Related alerts',
  needs: ['host'],
  async run(ctx) {
    const window = stepWindow(ctx, 'related');
    const kinds = matchKinds(ctx.alert);
    const param = (noun: MatchKind['noun']) => kinds.find((kind) => kind.noun === noun)?.value;
    const result = await ctx.query('list_related_alerts', {
      start: window.start,
      end: window.end,
      host_name: param('host'),
      account_name: param('account'),
      process_name: param('process'),
    });
    const related = result.rows.filter((row) => row.SystemAlertId !== ctx.alert.id);
    const subtitle = windowSubtitle(ctx, window);
    const warnings = [...window.warnings, ...result.warnings];
    if (related.length === 0) {
      const empty = emptySection({
        id: 'related-alerts',
        title: 'No related alerts',
        subtitle,
        markdown: `No other alert mentions ${kinds.map((kind) => `the ${kind.noun} \`${kind.value}\``).join(', ')}.`,
        actions: actions(ctx.alert, related),
        warnings,
      });
      return { sections: [empty], findings: findings(related, kinds, window) };
    }
    const summary: Section = section({
      id: 'related-alerts',
      title: counted(related.length, 'related alert'),
      subtitle,
      warnings,
      blocks: [
        { kind: 'text', markdown: countLines(related, kinds) },
        typeTable(related, kinds),
        { kind: 'chart', chart: timeline(ctx.alert, related) },
        relatedTable(related, kinds),
        { kind: 'graph', graph: alertEntityGraph(ctx.alert, graphLinks(related, kinds)) },
      ],
      actions: actions(ctx.alert, related),
    });
    return { sections: [summary], findings: findings(related, kinds, window) };
  },
};
