/**
 * A digest's content: the `alerts` answer for the digest's window, condensed into one message — the top alerts with
 * their Investigate buttons and the counts by type — so a channel gets one post per digest, not three.
 */
import { type Block, type Section, section } from '../../core/section.js';
import { formatDuration, formatTime } from '../../core/time-window.js';
import type { DataProvider } from '../../data/provider.js';
import type { Logger } from '../../logger.js';
import type { CommandContext } from '../context.js';
import { listAlerts } from './list-alerts.js';

/** What a digest covers and how it is titled (the scheduler's request, or `digest now`). */
export interface DigestContentRequest {
  since: Date;
  until: Date;
  top: number;
  minSeverity?: string;
  heading: string;
}

/** The `alerts` command that shows everything the digest summarises (its "All these alerts" button). */
function alertsCommandOf(request: DigestContentRequest, spanMs: number): string {
  return `alerts last ${formatDuration(spanMs)}${request.minSeverity ? ` severity ${request.minSeverity}` : ''}`;
}

function emptyDigest(request: DigestContentRequest): Section {
  const severity = request.minSeverity ? ` of severity ${request.minSeverity} or above` : '';
  return section({
    id: 'digest',
    title: 'Alert digest: no new alerts',
    status: 'empty',
    tone: 'good',
    subtitle: request.heading,
    blocks: [{ kind: 'text', markdown: `No alerts${severity} since ${formatTime(request.since)}.` }],
    actions: [{ label: 'Alerts of the last 7 days', command: 'alerts last 7d' }],
  });
}

/** The digest Sections (one) for `request`, read through `ctx.data` as of `request.until`. */
export async function digestSections(request: DigestContentRequest, ctx: CommandContext): Promise<Section[]> {
  // Whole minutes, so the window reads back as a duration people type (`last 16h`).
  const spanMs = Math.max(60_000, Math.round((request.until.getTime() - request.since.getTime()) / 60_000) * 60_000);
  const answer = await listAlerts(
    {
      name: 'alerts',
      window: { before: spanMs, after: 0 },
      top: request.top,
      ...(request.minSeverity ? { minSeverity: request.minSeverity } : {}),
    },
    { ...ctx, now: () => request.until },
  );
  const overview = answer.find((s) => s.id === 'alerts-overview');
  const top = answer.find((s) => s.id === 'alerts-top');
  if (!overview || !top) return [emptyDigest(request)];
  const table = top.blocks.find((b) => b.kind === 'table');
  const byType = overview.blocks.find((b) => b.kind === 'chart' && b.chart.type === 'bar');
  const high = table?.kind === 'table' && table.rows.some((row) => row.severity?.toLowerCase() === 'high');
  const blocks: Block[] = [
    { kind: 'text', markdown: `**${top.title}**, highest severity first:` },
    ...(table ? [table] : []),
    ...(byType ? [byType] : []),
  ];
  return [
    section({
      id: 'digest',
      title: `Alert digest: ${overview.title}`,
      subtitle: `${request.heading} · ${overview.subtitle ?? ''}`,
      tone: high ? 'attention' : 'default',
      warnings: [...overview.warnings, ...top.warnings],
      blocks,
      actions: [...top.actions, { label: 'All these alerts', command: alertsCommandOf(request, spanMs) }],
    }),
  ];
}

/** The scheduler's digest builder on a data provider (each scheduled digest is read as of its due time). */
export function digestComposer(data: DataProvider, log: Logger) {
  return (request: DigestContentRequest, correlationId: string): Promise<Section[]> =>
    digestSections(request, { data, now: () => request.until, log, correlationId });
}
