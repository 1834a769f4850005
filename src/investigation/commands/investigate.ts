/**
 * `investigate <alertId>`: the whole playbook on one alert — a first Section that says what is being investigated
 * and how the steps went, then every step's Sections. `investigate` alone offers the latest alerts as buttons.
 */
import type { Alert } from '../../core/alert.js';
import type { Command } from '../../core/command.js';
import type { Fact, Section, SectionStatus } from '../../core/section.js';
import { section } from '../../core/section.js';
import { formatTime } from '../../core/time-window.js';
import type { CommandContext } from '../context.js';
import { type ProgressEvent, runPlaybook } from '../playbook.js';
import type { Step } from '../step.js';
import { playbookSteps } from '../steps/index.js';
import { alertsTable, investigateActions, noAlertsYet } from './alert-list-parts.js';
import { loadAlert } from './show-alert.js';

type InvestigateCommand = Extract<Command, { name: 'investigate' }>;

/** How many recent alerts `investigate` alone offers. */
const offeredAlerts = 5;
const dayMs = 86_400_000;

const outcomeWords: Record<SectionStatus, string> = {
  ok: 'answered',
  empty: 'found nothing',
  skipped: 'skipped',
  failed: 'failed',
};

/** "5 answered, 1 found nothing, 1 skipped": the outcome of each step, read from its main Section. */
function stepOutcomes(steps: readonly Step[], sections: readonly Section[]): string {
  const counts = new Map<SectionStatus, number>();
  for (const step of steps) {
    const status = sections.find((s) => s.id === step.id)?.status;
    if (status) counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return (['ok', 'empty', 'skipped', 'failed'] as const)
    .filter((status) => counts.has(status))
    .map((status) => `${counts.get(status)} ${outcomeWords[status]}`)
    .join(', ');
}

/** The first Section of an investigation: the alert in one glance, and how the steps went. */
export function investigationHeader(alert: Alert, steps: readonly Step[], sections: readonly Section[]): Section {
  const optional: [string, string | null][] = [
    ['Host', alert.fqdn ?? alert.hostName ?? (alert.compromisedEntity || null)],
    ['Account', alert.accountQualifiedName],
    ['Process', alert.processFilePath],
    ['Alert id', alert.id],
  ];
  const facts: Fact[] = optional.flatMap(([label, value]) => (value ? [{ label, value }] : []));
  const failed = sections.some((s) => s.status === 'failed');
  return section({
    id: 'investigation',
    title: `Investigating ${alert.displayName || alert.name || alert.id}`,
    subtitle: [alert.severity, alert.timeGenerated ? formatTime(alert.timeGenerated) : ''].filter(Boolean).join(' · '),
    tone: failed ? 'warning' : 'accent',
    blocks: [
      { kind: 'facts', facts },
      { kind: 'text', markdown: `${steps.length} steps: ${stepOutcomes(steps, sections)}.` },
    ],
  });
}

/**
 * Runs every registered step on the alert. `onProgress` receives each step's start and result as it happens, so
 * channels can post Sections progressively; the returned list is the header and all Sections in step order.
 * @example await investigate(alertId, ctx, (event) => reply.update(progressLine(event)))
 */
export async function investigate(
  alertId: string,
  ctx: CommandContext,
  onProgress?: (event: ProgressEvent) => void,
): Promise<Section[]> {
  const alert = await loadAlert(alertId, ctx);
  const sections = await runPlaybook(playbookSteps, alert, ctx, onProgress ? { onProgress } : {});
  return [investigationHeader(alert, playbookSteps, sections), ...sections];
}

/** `investigate` without an id: the latest alerts, each with an Investigate button. */
export async function offerAlertsToInvestigate(ctx: CommandContext): Promise<Section[]> {
  const latest = await ctx.data.run(
    'list_alerts',
    { start: new Date(0), end: new Date(ctx.now().getTime() + dayMs) },
    { rowLimit: offeredAlerts, signal: ctx.signal },
  );
  if (latest.rows.length === 0) {
    return [
      section({
        id: 'investigate',
        title: 'No alerts to investigate',
        status: 'empty',
        blocks: [
          {
            kind: 'text',
            markdown: noAlertsYet,
          },
        ],
      }),
    ];
  }
  return [
    section({
      id: 'investigate',
      title: 'Which alert should I investigate?',
      subtitle: `The ${latest.rows.length} latest alerts; or type \`investigate <alertId>\`.`,
      blocks: [alertsTable(latest.rows)],
      actions: investigateActions(latest.rows),
    }),
  ];
}

/** Runs `investigate [alertId]`. */
export async function investigateCommand(command: InvestigateCommand, ctx: CommandContext): Promise<Section[]> {
  return command.alertId ? investigate(command.alertId, ctx, ctx.onProgress) : offerAlertsToInvestigate(ctx);
}
