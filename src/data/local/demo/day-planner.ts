/**
 * The parts of a day that happen on a schedule rather than at random: people logging on at their desks or to
 * the remote-desktop server in the morning, admins visiting servers, the nightly backups and IIS recycle.
 * Planned a day at a time, run when the stream's clock passes them.
 */
import type { Episode } from './episode.js';
import type { EventWriter } from './event-writer.js';
import type { HostActivity } from './host-activity.js';
import type { DemoCatalog } from './host-catalog.js';
import type { Identity, Person } from './identities.js';
import type { RandomSource } from './random-source.js';
import { nightlyBackup, startIisWorker } from './server-episodes.js';
import { runLogonTasks, type SessionStart, startUserSession } from './user-sessions.js';

interface PlannedEpisode {
  readonly atMs: number;
  readonly run: (w: EventWriter) => void;
}

const dayMs = 86_400_000;
const hourMs = 3_600_000;
const minuteMs = 60_000;

/** People who administer with elevated tokens (IT and the analysts who are local admins). */
function isPowerUser(person: Person): boolean {
  return person.department === 'IT' || person.department === 'Analytics' || person.department === 'Engineering';
}

/** Queues each day's scheduled episodes and runs those that are due. */
export class DayPlanner {
  private queue: PlannedEpisode[] = [];
  private plannedUntil: number;
  private readonly backup: Episode;
  private readonly remoteWorkers: readonly Person[];
  private readonly admin: Identity;
  private readonly adminSource: HostActivity | undefined;

  constructor(
    private readonly catalog: DemoCatalog,
    private readonly hosts: readonly HostActivity[],
    private readonly random: RandomSource,
  ) {
    this.plannedUntil = Math.floor(catalog.startMs / dayMs) * dayMs;
    this.backup = nightlyBackup(catalog);
    const owners = new Set(catalog.hosts.flatMap((h) => (h.owner ? [h.owner.user.name] : [])));
    this.remoteWorkers = catalog.people.filter((p) => !owners.has(p.user.name));
    const itPerson = catalog.people.find((p) => p.admin !== null);
    this.admin = itPerson?.admin ?? catalog.services.administrator;
    this.adminSource = hosts.find((h) => h.host.owner?.user.name === itPerson?.user.name);
  }

  /** Runs every planned episode due by `timeMs`, planning further days as the clock reaches them. */
  runDue(w: EventWriter, timeMs: number): void {
    while (this.plannedUntil <= timeMs) {
      this.planDay(this.plannedUntil);
      this.plannedUntil += dayMs;
    }
    while (this.queue.length > 0 && (this.queue[0] as PlannedEpisode).atMs <= timeMs) {
      (this.queue.shift() as PlannedEpisode).run(w);
    }
  }

  private planDay(dayStart: number): void {
    const weekday = ![0, 6].includes(new Date(dayStart).getUTCDay());
    const planned: PlannedEpisode[] = [];
    for (const h of this.hosts) {
      if (h.host.owner) this.planDesk(planned, h, h.host.owner, dayStart, weekday);
      if (h.host.role === 'remote-desktop') this.planRemoteWork(planned, h, dayStart, weekday);
      if (h.host.role !== 'workstation' && h.host.role !== 'remote-desktop')
        this.planAdminVisit(planned, h, dayStart, weekday);
      if (h.host.role === 'sql-server' || h.host.role === 'file-server') {
        const at = dayStart + hourMs + this.random.int(0, 20 * minuteMs);
        planned.push({ atMs: at, run: (w) => this.backup(w, h, at) });
      }
      if (h.host.role === 'web-server') {
        const at = dayStart + 3 * hourMs + this.random.int(0, 50 * minuteMs);
        planned.push({ atMs: at, run: (w) => startIisWorker(w, h, at) });
      }
    }
    // Only what falls after the host booted and inside the data range is kept.
    const kept = planned.filter((p) => p.atMs >= this.catalog.startMs + 30 * minuteMs && p.atMs < this.catalog.endMs);
    this.queue = [...this.queue, ...kept].sort((a, b) => a.atMs - b.atMs);
  }

  private planSession(planned: PlannedEpisode[], h: HostActivity, start: SessionStart): void {
    planned.push({
      atMs: start.startMs,
      run: (w) => {
        const session = startUserSession(w, h, start);
        h.openSession(session);
        runLogonTasks(w, h, h.footprint.logonTasks, session);
      },
    });
  }

  private planDesk(
    planned: PlannedEpisode[],
    h: HostActivity,
    owner: Person,
    dayStart: number,
    weekday: boolean,
  ): void {
    if (!this.random.chance(weekday ? 0.92 : 0.15)) return;
    const startMs = dayStart + 7 * hourMs + this.random.int(0, 150 * minuteMs);
    const endMs = startMs + (weekday ? this.random.int(450, 600) : this.random.int(60, 180)) * minuteMs;
    if (h.hasStorySession(owner.user.name, startMs - 2 * hourMs, endMs)) return;
    this.planSession(planned, h, {
      user: owner.user,
      startMs,
      endMs,
      remote: false,
      sourceIp: '127.0.0.1',
      sourceName: h.host.name,
      adminElevation: isPowerUser(owner) ? '%%1937' : '%%1938',
      typoChance: 0.06,
    });
  }

  private planRemoteWork(planned: PlannedEpisode[], h: HostActivity, dayStart: number, weekday: boolean): void {
    this.remoteWorkers.forEach((person, i) => {
      if (!this.random.chance(weekday ? 0.6 : 0.05)) return;
      const startMs = dayStart + 7 * hourMs + this.random.int(30 * minuteMs, 180 * minuteMs);
      this.planSession(planned, h, {
        user: person.user,
        startMs,
        endMs: startMs + this.random.int(180 * minuteMs, 540 * minuteMs),
        remote: true,
        sourceIp: `10.20.0.${20 + i}`,
        sourceName: `LT-${person.user.name.toUpperCase()}`,
        adminElevation: '%%1938',
        typoChance: 0.05,
      });
    });
  }

  private planAdminVisit(planned: PlannedEpisode[], h: HostActivity, dayStart: number, weekday: boolean): void {
    if (!this.random.chance(weekday ? 0.45 : 0.05)) return;
    const startMs = dayStart + 9 * hourMs + this.random.int(0, 420 * minuteMs);
    this.planSession(planned, h, {
      user: this.admin,
      startMs,
      endMs: startMs + this.random.int(10 * minuteMs, 75 * minuteMs),
      remote: true,
      sourceIp: this.adminSource?.host.ip ?? '10.10.20.103',
      sourceName: this.adminSource?.host.name ?? 'WKS-DEV-02',
      adminElevation: '%%1937',
      typoChance: 0.03,
    });
  }
}
