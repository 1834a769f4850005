/**
 * `alert <alertId>`: the alert summary — properties, extended properties, entities and their graph
 * (the notebook's "display alert" cell, msticpy-facts §b).
 */
import { type Alert, parseAlert } from '../../core/alert.js';
import { describeEntity } from '../../core/entity-describe.js';
import { alertEntityGraph } from '../../core/entity-graph.js';
import { SocbotError } from '../../core/errors.js';
import type { Fact, NextAction, Section } from '../../core/section.js';
import { section } from '../../core/section.js';
import { formatTime } from '../../core/time-window.js';
import type { CommandContext } from '../context.js';

/** Loads and parses one alert, or fails with `AlertNotFound` and a hint. */
export async function loadAlert(alertId: string, ctx: CommandContext): Promise<Alert> {
  const result = await ctx.data.run('get_alert', { system_alert_id: alertId }, { signal: ctx.signal });
  const row = result.rows[0];
  if (!row) {
    throw new SocbotError('AlertNotFound', `There is no alert with id ${alertId} in this workspace.`, {
      hint: 'Type `alerts last 7d` to list recent alerts and their ids.',
    });
  }
  return parseAlert(row);
}

/** The follow-up buttons every alert card offers. */
export function alertActions(alert: Alert): NextAction[] {
  const actions: NextAction[] = [{ label: 'Investigate', command: `investigate ${alert.id}`, style: 'primary' }];
  if (alert.processId || alert.processName) actions.push({ label: 'Process tree', command: `tree ${alert.id}` });
  actions.push({ label: 'Related alerts', command: `related ${alert.id}` });
  if (alert.hostName) actions.push({ label: 'Logons', command: `logons ${alert.id}` });
  if (alert.commandLine) actions.push({ label: 'IoCs', command: `iocs ${alert.id}` });
  return actions;
}

function summaryFacts(alert: Alert): Fact[] {
  const facts: Fact[] = [
    { label: 'Severity', value: alert.severity || 'unknown' },
    { label: 'Time (UTC)', value: alert.timeGenerated ? formatTime(alert.timeGenerated) : 'unknown' },
  ];
  if (alert.startTime && alert.endTime && alert.startTime.getTime() !== alert.endTime.getTime()) {
    facts.push({ label: 'Activity', value: `${formatTime(alert.startTime)} → ${formatTime(alert.endTime)}` });
  }
  const optional: [string, string | null][] = [
    ['Host', alert.fqdn ?? alert.hostName ?? (alert.compromisedEntity || null)],
    ['Account', alert.accountQualifiedName],
    [
      'Process',
      alert.processFilePath ? `${alert.processFilePath}${alert.processId ? ` (PID ${alert.processId})` : ''}` : null,
    ],
    ['Logon session', alert.logonId],
    ['OS', alert.osFamily],
    ['Alert type', alert.alertType || null],
    ['Provider', [alert.providerName, alert.productName].filter(Boolean).join(' · ') || null],
    ['Alert id', alert.id],
  ];
  for (const [label, value] of optional) if (value) facts.push({ label, value });
  return facts;
}

/** The table text of an entity: msticpy's name, completed where msticpy leaves only the type (url, filehash…). */
function entityLabel(entity: Alert['entities'][number], alert: Alert): string {
  const name = describeEntity(entity, alert);
  if (name !== entity.type) return name;
  const identifying = ['Url', 'Value', 'Key', 'Name', 'DisplayName'].map((key) => entity.properties[key]);
  const value = identifying.find((v): v is string => typeof v === 'string' && v.length > 0);
  return value ? `${name}: ${value}` : name;
}

function entityCounts(alert: Alert): string {
  const counts = new Map<string, number>();
  for (const entity of alert.entities) counts.set(entity.type, (counts.get(entity.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${type}: ${n}`).join(', ');
}

/** The Sections of the alert summary. */
export function alertSummarySections(alert: Alert): Section[] {
  const high = alert.severity.toLowerCase() === 'high';
  const summary = section({
    id: 'alert-summary',
    title: alert.displayName || alert.name || 'Alert',
    subtitle: [
      alert.severity,
      alert.timeGenerated ? formatTime(alert.timeGenerated) : '',
      alert.fqdn ?? alert.hostName ?? '',
    ]
      .filter(Boolean)
      .join(' · '),
    tone: high ? 'attention' : alert.severity.toLowerCase() === 'medium' ? 'warning' : 'default',
    warnings: alert.warnings,
    blocks: [
      { kind: 'facts', facts: summaryFacts(alert) },
      ...(alert.commandLine ? [{ kind: 'code' as const, text: alert.commandLine }] : []),
      ...(alert.description ? [{ kind: 'text' as const, markdown: alert.description }] : []),
    ],
    actions: alertActions(alert),
  });
  const extended = Object.entries(alert.extendedProperties);
  const details = section({
    id: 'alert-details',
    title: 'Extended properties',
    status: extended.length > 0 ? 'ok' : 'empty',
    blocks:
      extended.length > 0
        ? [{ kind: 'facts', facts: extended.map(([label, value]) => ({ label, value })) }]
        : [{ kind: 'text', markdown: 'This alert has no extended properties.' }],
  });
  const entities = section({
    id: 'alert-entities',
    title: `Entities (${alert.entities.length})`,
    subtitle: entityCounts(alert),
    status: alert.entities.length > 0 ? 'ok' : 'empty',
    blocks:
      alert.entities.length > 0
        ? [
            {
              kind: 'table',
              columns: [
                { key: 'type', label: 'Type' },
                { key: 'entity', label: 'Entity', mono: true },
              ],
              rows: alert.entities.map((entity) => ({ type: entity.type, entity: entityLabel(entity, alert) })),
              totalRows: alert.entities.length,
            },
            { kind: 'graph', graph: alertEntityGraph(alert) },
          ]
        : [{ kind: 'text', markdown: 'This alert names no entities.' }],
  });
  return [summary, details, entities];
}

/** Runs `alert <alertId>`. */
export async function showAlert(alertId: string, ctx: CommandContext): Promise<Section[]> {
  return alertSummarySections(await loadAlert(alertId, ctx));
}
