/**
 * Streams the week's background activity in batches: hosts boot, then episodes are drawn host by host (weighted
 * by role) at times given by the activity clock, with the day planner's scheduled sessions and jobs in between.
 * Exactly `count` rows come out; memory holds one batch and each host's small state.
 */
import type { SecurityEventRow } from '../../../core/rows.js';
import { ActivityClock } from './activity-clock.js';
import { bootHost } from './boot-episode.js';
import { DayPlanner } from './day-planner.js';
import type { Episode } from './episode.js';
import { EventWriter } from './event-writer.js';
import { HostActivity, type HostFootprint } from './host-activity.js';
import type { DemoCatalog } from './host-catalog.js';
import { internetBotGuesses, kerberosLogons, scannerLogon, shareAccess } from './network-logon-episodes.js';
import { RandomSource, type WeightedTable, weightedTable } from './random-source.js';
import { aspNetCompile, iisMaintenance, sqlAgentJob } from './server-episodes.js';
import {
  defenderMaintenance,
  monitoringAgentScript,
  scheduledTaskHost,
  serviceTrigger,
  systemServiceLogon,
  telemetryRun,
  windowsUpdateScan,
  wmiProviderHost,
} from './system-episodes.js';
import type { HostRole } from './system-processes.js';
import {
  adminConsole,
  browse,
  commandPrompt,
  desktopTool,
  developerTools,
  officeWork,
  powerShell,
  type SessionEpisode,
  teams,
} from './user-episodes.js';

/** What the background stream needs. */
export interface BackgroundPlan {
  readonly catalog: DemoCatalog;
  readonly seed: number;
  readonly count: number;
  readonly batchSize: number;
  readonly footprints: ReadonlyMap<string, HostFootprint>;
}

const noFootprint: HostFootprint = { pids: new Set(), logonIds: new Set(), sessions: [], logonTasks: [] };

const hostWeights: Record<HostRole, number> = {
  'domain-controller': 3,
  'file-server': 2,
  'remote-desktop': 1.5,
  'web-server': 1.2,
  'sql-server': 1.2,
  workstation: 1,
};

/** Episode tables per role: what every Windows host does, plus the role's own work. */
function episodeTables(catalog: DemoCatalog): Record<HostRole, WeightedTable<Episode>> {
  const common: [Episode, number][] = [
    [wmiProviderHost, 3],
    [monitoringAgentScript, 4],
    [scheduledTaskHost, 2.5],
    [defenderMaintenance, 1],
    [windowsUpdateScan, 0.8],
    [serviceTrigger, 1.2],
    [systemServiceLogon, 2],
    [telemetryRun, 0.5],
    [scannerLogon(catalog), 0.05],
  ];
  const table = (extra: [Episode, number][]) => weightedTable([...common, ...extra]);
  return {
    'domain-controller': table([[kerberosLogons(catalog), 14]]),
    'web-server': table([
      [aspNetCompile, 1.5],
      [iisMaintenance, 0.2],
      [internetBotGuesses, 0.3],
    ]),
    'sql-server': table([[sqlAgentJob, 2]]),
    'file-server': table([[shareAccess(catalog), 8]]),
    'remote-desktop': table([[internetBotGuesses, 0.3]]),
    workstation: table([]),
  };
}

const deskWork = weightedTable<SessionEpisode>([
  [browse, 3],
  [officeWork, 3],
  [teams, 1],
  [commandPrompt, 0.8],
  [powerShell, 0.5],
  [desktopTool, 1],
]);
const engineeringWork = weightedTable<SessionEpisode>([
  [browse, 3],
  [developerTools, 3],
  [officeWork, 1.5],
  [teams, 1],
  [commandPrompt, 1],
  [powerShell, 1],
  [desktopTool, 0.5],
]);
const adminWork = weightedTable<SessionEpisode>([
  [adminConsole, 3],
  [powerShell, 2],
  [commandPrompt, 1.5],
  [browse, 0.3],
]);

/** What a session's owner does next, by where they are and who they are. */
function sessionWork(
  h: HostActivity,
  elevated: boolean,
  department: string | undefined,
): WeightedTable<SessionEpisode> {
  if (h.host.role !== 'workstation' && h.host.role !== 'remote-desktop') return adminWork;
  if (elevated && (department === 'IT' || department === 'Engineering')) return engineeringWork;
  return deskWork;
}

/** One random episode on a random host at `timeMs`: user activity in an open session, or the host's own work. */
function runRandomEpisode(
  w: EventWriter,
  hosts: WeightedTable<HostActivity>,
  tables: Record<HostRole, WeightedTable<Episode>>,
  timeMs: number,
): void {
  const h = w.random.weighted(hosts);
  const at = Math.max(timeMs, h.host.bootMs + 90_000);
  const sessions = h.activeSessions(at);
  if (sessions.length > 0 && w.random.chance(0.6)) {
    const session = w.random.pick(sessions);
    const department = h.host.owner?.department;
    w.random.weighted(sessionWork(h, session.adminElevation === '%%1937', department))(w, h, session, at);
    return;
  }
  w.random.weighted(tables[h.host.role])(w, h, at);
}

/** Background rows in batches of at most `plan.batchSize`, `plan.count` in total. */
export function* backgroundEvents(plan: BackgroundPlan): Generator<SecurityEventRow[]> {
  const { catalog, count, batchSize } = plan;
  if (count <= 0) return;
  const random = new RandomSource(plan.seed, 'background');
  const w = new EventWriter(random, catalog.endMs - 1);
  const activities = catalog.hosts.map((h) => new HostActivity(h, plan.footprints.get(h.name) ?? noFootprint, random));
  const hosts = weightedTable(activities.map((a) => [a, hostWeights[a.host.role]] as const));
  const tables = episodeTables(catalog);
  const clock = new ActivityClock(catalog.startMs, catalog.endMs);
  const planner = new DayPlanner(catalog, activities, random);
  let emitted = 0;
  for (const h of activities) bootHost(w, h);
  while (emitted + w.rows.length < count) {
    const t = clock.timeAt((emitted + w.rows.length) / count);
    planner.runDue(w, t);
    runRandomEpisode(w, hosts, tables, t + random.int(0, 4_000));
    while (w.rows.length >= batchSize) {
      const batch = w.rows;
      w.rows = batch.splice(batchSize);
      batch.length = Math.min(batch.length, count - emitted);
      emitted += batch.length;
      yield batch;
      if (emitted >= count) return;
    }
  }
  // The last episode may overshoot: cut the tail so exactly `count` rows come out.
  const rest = w.rows.slice(0, count - emitted);
  for (let i = 0; i < rest.length; i += batchSize) yield rest.slice(i, i + batchSize);
}
