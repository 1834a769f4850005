/**
 * Step 9: host logons (notebook "Alert Logon Account" and "Host logons"): the logon that opened the alert's
 * session, then every logon on the host in −1 d…0 — counts by account × logon type, logons over time by type, and
 * logons clustered by account and logon type (msticpy's EventClustering example), with the one-offs first.
 */

import { alertLogonSession, clusterLogons, isSystemLogonId } from '../../analysis/logons/cluster-logons.js';
import { formatLogon } from '../../analysis/logons/format-logon.js';
import { logonCountsByAccountAndType, logonsOverTime } from '../../analysis/logons/logon-summary.js';
import { logonTypeName } from '../../analysis/logons/logon-types.js';
import type { Alert } from '../../core/alert.js';
import type { SecurityEventRow } from '../../core/rows.js';
import type { Block, ChartSpec, Fact, NextAction, Section } from '../../core/section.js';
import { section } from '../../core/section.js';
import { formatTime } from '../../core/time-window.js';
import type { Finding, Step, StepContext } from '../step.js';
import { externalLogonFindings, logonAccount, sourceAddress, unusualLogonTypeFindings } from './logon-findings.js';
import { cappedTable, counted, emptySection } from './step-blocks.js';
import { alertHost, isHostContext, targetRef } from './step-target.js';
import { hostWindowParams, type StepWindow, stepWindow, windowSubtitle } from './step-windows.js';

/** The logons of one session shown in full; more are counted. */
const shownSessionLogons = 3;
/** Session ids listed per logon cluster. */
const shownSessions = 5;

/** msticpy's logon display lines as facts; SID notes join the SID's value. */
export function logonFacts(row: SecurityEventRow, osFamily: Alert['osFamily']): Fact[] {
  const facts: Fact[] = [];
  for (const line of formatLogon(row, { osFamily })) {
    if (line.kind === 'field') facts.push({ label: line.label, value: line.value || '—' });
    const last = facts.at(-1);
    if (line.kind === 'note' && last) {
      const note = line.text.replace(/^SID \S+ is /, '');
      last.value = last.value.includes(' — ') ? `${last.value}; ${note}` : `${last.value} — ${note}`;
    }
  }
  return facts;
}

function logonActions(alert: Alert): NextAction[] {
  const ref = targetRef(alert);
  const actions: NextAction[] = [{ label: 'Failed logons', command: `failed-logons ${ref}`, style: 'primary' }];
  actions.push({ label: 'Other processes', command: `processes ${ref}` });
  if (!isHostContext(alert) && alert.processId) actions.push({ label: 'Process tree', command: `tree ${alert.id}` });
  return actions;
}

/** The alert session's logon, or why there is none to show (undefined for a host context: it has no session). */
async function sessionSection(
  ctx: StepContext,
  window: StepWindow,
  subtitle: string,
): Promise<{ section: Section; logons: SecurityEventRow[] } | undefined> {
  const { alert } = ctx;
  if (isHostContext(alert)) return undefined;
  const base = { id: 'host-logons-session', title: 'Alert logon session', subtitle, actions: logonActions(alert) };
  // The system session is skipped before asking: its "logon" is the machine's start (the notebook skips it too).
  const rows =
    alert.logonId && !isSystemLogonId(alert.logonId)
      ? (
          await ctx.query('get_host_logon', {
            ...hostWindowParams(alertHost(alert) ?? '', window),
            logon_session_id: alert.logonId,
          })
        ).rows
      : [];
  const session = alertLogonSession(rows, alert.logonId);
  const none = (markdown: string, actions = base.actions) => ({
    section: emptySection({ ...base, markdown, actions }),
    logons: [],
  });
  switch (session.status) {
    case 'no-logon-id':
      return none('The alert names no logon session.');
    case 'system-session':
      return none(
        `The alert ran in the system session (\`${session.logonId}\`): it was opened when the machine started, not by a user logon, so there is no logon to show.`,
      );
    case 'not-found':
      return none(
        `No logon (4624) opened session \`${session.logonId}\` on ${alertHost(alert)} in the window; the session may have started earlier.`,
        [{ label: 'Wider window', command: `logons ${alert.id} -7d..+0m` }, ...base.actions],
      );
    case 'found': {
      const shown = session.logons.slice(0, shownSessionLogons);
      const blocks: Block[] = shown.map((row) => ({ kind: 'facts', facts: logonFacts(row, alert.osFamily) }));
      if (session.logons.length > shown.length) {
        blocks.push({ kind: 'text', markdown: `… ${counted(session.logons.length - shown.length, 'more logon')}.` });
      }
      return {
        section: section({ ...base, title: `Alert logon session ${session.logonId}`, blocks }),
        logons: session.logons,
      };
    }
  }
}

function countsTable(rows: readonly SecurityEventRow[]): Block {
  const counts = logonCountsByAccountAndType(rows);
  return cappedTable(
    [{ key: 'account', label: 'Account' }, ...counts.logonTypes.map((type) => ({ key: type, label: type }))],
    counts.rows.map((row) => ({
      account: row.account,
      ...Object.fromEntries(Object.entries(row.counts).map(([type, n]) => [type, String(n)])),
    })),
  );
}

/** The logon sessions of each cluster (the first few), so a session can be traced to its processes. */
function sessionsByCluster(rows: readonly SecurityEventRow[], labels: Int32Array): Map<number, string[]> {
  const sessions = new Map<number, string[]>();
  labels.forEach((label, i) => {
    const id = rows[i]?.TargetLogonId;
    if (!id) return;
    const list = sessions.get(label) ?? [];
    if (list.length <= shownSessions) list.push(id);
    sessions.set(label, list);
  });
  return sessions;
}

/** Clustered logons, one-offs first: who logged on how, how often, from where, which sessions. */
function clustersTable(rows: readonly SecurityEventRow[]): Block {
  const clustered = clusterLogons(rows);
  const sessions = sessionsByCluster(rows, clustered.labels);
  const sessionCell = (row: (typeof clustered.rows)[number]) => {
    if (!row.Clustered) return row.TargetLogonId ?? '';
    const ids = sessions.get(row.ClusterId) ?? [];
    return ids.length > shownSessions ? `${ids.slice(0, shownSessions).join(', ')}, …` : ids.join(', ');
  };
  const ordered = clustered.rows
    .slice()
    .sort((a, b) => a.ClusterSize - b.ClusterSize || a.TimeGenerated.getTime() - b.TimeGenerated.getTime());
  return cappedTable(
    [
      { key: 'account', label: 'Account' },
      { key: 'type', label: 'Logon type' },
      { key: 'count', label: 'Logons' },
      { key: 'first', label: 'First (UTC)' },
      { key: 'last', label: 'Last (UTC)' },
      { key: 'source', label: 'Source' },
      { key: 'sessions', label: 'Sessions', mono: true },
    ],
    ordered.map((row) => ({
      account: logonAccount(row) ?? '',
      type: `${logonTypeName(row.LogonType)} (${row.LogonType})`,
      count: row.ClusterSize === 1 ? '1 (one-off)' : String(row.ClusterSize),
      first: row.FirstEventTime ? formatTime(row.FirstEventTime) : '',
      last: row.LastEventTime ? formatTime(row.LastEventTime) : '',
      source: [sourceAddress(row), row.WorkstationName].filter((v) => v && v !== '-').join(' · '),
      sessions: sessionCell(row),
    })),
  );
}

/** Logons per account, stacked by logon type: who logs on, and how. */
function countsChart(rows: readonly SecurityEventRow[]): ChartSpec {
  const counts = logonCountsByAccountAndType(rows);
  return {
    type: 'bar',
    title: 'Logons by account and logon type',
    horizontal: true,
    stacked: true,
    labels: counts.rows.map((row) => row.account),
    series: counts.logonTypes.map((type) => ({ name: type, values: counts.rows.map((row) => row.counts[type] ?? 0) })),
  };
}

function logonsSection(alert: Alert, rows: readonly SecurityEventRow[], subtitle: string, warnings: string[]): Section {
  const accounts = new Set(rows.map(logonAccount));
  const sources = new Set(rows.map(sourceAddress).filter((ip) => ip !== null));
  return section({
    id: 'host-logons',
    title: `${counted(rows.length, 'logon')} on the host by ${counted(accounts.size, 'account')}`,
    subtitle,
    warnings,
    blocks: [
      {
        kind: 'facts',
        facts: [
          { label: 'Logons', value: String(rows.length) },
          { label: 'Accounts', value: String(accounts.size) },
          { label: 'Remote source addresses', value: [...sources].slice(0, 10).join(', ') || 'none' },
        ],
      },
      countsTable(rows),
      { kind: 'chart', chart: countsChart(rows) },
      {
        kind: 'chart',
        chart: {
          type: 'line',
          title: 'Number of logons by type',
          series: logonsOverTime(rows, 10).map((series) => ({
            name: series.logonType,
            points: series.buckets.map((bucket) => ({ at: bucket.start, value: bucket.count })),
          })),
        },
      },
      { kind: 'text', markdown: '**Logons clustered by account and logon type** (one-offs first)' },
      clustersTable(rows),
    ],
    actions: logonActions(alert),
  });
}

function sessionFinding(alert: Alert, logon: SecurityEventRow | undefined): Finding[] {
  if (!logon) return [];
  return [
    {
      leaning: 'info',
      reason: `The alert session ${alert.logonId} was opened by a ${logonTypeName(logon.LogonType)} logon of ${logonAccount(logon) ?? '?'} at ${formatTime(logon.TimeGenerated)}.`,
      evidence: `from ${sourceAddress(logon) ?? 'the machine itself'} via ${logon.LogonProcessName?.trim() || '?'} / ${logon.AuthenticationPackageName ?? '?'}`,
      stepId: 'host-logons',
    },
  ];
}

/** The alert's logon session and the host's logons. */
export const hostLogonsStep: Step = {
  id: 'host-logons',
  title: 'Host logons',
  needs: ['host', 'windows'],
  async run(ctx) {
    const { alert } = ctx;
    const window = stepWindow(ctx, 'logons');
    const subtitle = windowSubtitle(ctx, window);
    const [session, logons] = await Promise.all([
      sessionSection(ctx, window, subtitle),
      ctx.query('list_host_logons', hostWindowParams(alertHost(alert) ?? '', window)),
    ]);
    const warnings = [...window.warnings, ...logons.warnings];
    const rows = logons.rows;
    const all =
      rows.length > 0
        ? logonsSection(alert, rows, subtitle, warnings)
        : emptySection({
            id: 'host-logons',
            title: 'No logons',
            subtitle,
            markdown: `No logons (4624) on ${alertHost(alert)} between ${formatTime(window.start)} and ${formatTime(window.end)}.`,
            actions: logonActions(alert),
            warnings,
          });
    const findings = [
      ...sessionFinding(alert, session?.logons[0]),
      ...unusualLogonTypeFindings(rows, alert.logonId),
      ...externalLogonFindings(rows),
    ];
    return { sections: session ? [session.section, all] : [all], findings };
  },
};
