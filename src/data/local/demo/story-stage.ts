/**
 * Where attack stories are planted: their events, alerts and descriptions, and the footprint they leave for the
 * background stream (PIDs and logon ids it must not reuse, victims' sessions it may fill with ordinary work,
 * scheduled tasks it must keep running).
 */
import type { SecurityEventRow, StoredSecurityAlert } from '../../../core/rows.js';
import { ascProcessAlert, type ProcessAlertFacts } from './asc-alert.js';
import { EventWriter, type HostIds } from './event-writer.js';
import type { HostFootprint, LogonTask, UserSession } from './host-activity.js';
import { type DemoCatalog, type DemoHost, hostNamed } from './host-catalog.js';
import type { Identity } from './identities.js';
import { hexId, type TokenElevation } from './process-ref.js';
import type { RandomSource } from './random-source.js';
import { systemPids } from './system-processes.js';
import { startUserSession } from './user-sessions.js';

/** What was planted, for tests and the README. */
export interface PlantedStory {
  readonly name: string;
  readonly alertId: string;
  /** The `Computer` value of the story's events. */
  readonly host: string;
  readonly summary: string;
}

/** Where a remote-desktop session comes from. */
export interface RdpSource {
  readonly ip: string;
  readonly name: string;
}

const dayMs = 86_400_000;
const hourMs = 3_600_000;
const minuteMs = 60_000;

/** A story's view of one host: PIDs and logon ids unique on the host for the whole week. */
class StoryHostIds implements HostIds {
  readonly pids = new Set<number>();
  readonly logonIds = new Set<string>();
  private readonly systemPids: Set<number>;

  constructor(readonly host: DemoHost) {
    this.systemPids = new Set(systemPids(host.processes));
  }

  allocatePid(random: RandomSource): number {
    let pid = 0x400 + 4 * random.int(0, 0xf00);
    while (this.systemPids.has(pid) || this.pids.has(pid)) pid = 0x400 + 4 * random.int(0, 0xf00);
    this.pids.add(pid);
    return pid;
  }

  allocateLogonId(random: RandomSource): string {
    let id = hexId(random.int(0x100000, 0x3ffffff));
    while (this.logonIds.has(id)) id = hexId(random.int(0x100000, 0x3ffffff));
    this.logonIds.add(id);
    return id;
  }
}

/** The stage every story writes to. */
export class StoryStage {
  readonly writer: EventWriter;
  readonly alerts: StoredSecurityAlert[] = [];
  readonly stories: PlantedStory[] = [];
  private readonly ids = new Map<string, StoryHostIds>();
  private readonly sessions = new Map<string, UserSession[]>();
  private readonly logonTasks: LogonTask[] = [];

  constructor(
    readonly catalog: DemoCatalog,
    readonly random: RandomSource,
  ) {
    this.writer = new EventWriter(random, catalog.endMs - 1);
  }

  /** The story events written so far. */
  get events(): SecurityEventRow[] {
    return this.writer.rows;
  }

  /** PID and logon-id source for the host named `name`. */
  on(name: string): StoryHostIds {
    let ids = this.ids.get(name);
    if (!ids) {
      ids = new StoryHostIds(hostNamed(this.catalog, name));
      this.ids.set(name, ids);
    }
    return ids;
  }

  /**
   * UTC midnight of the latest day on which a story that is over by `endHour` (hours after that midnight, may
   * pass 24) still ends half an hour before the data does; `daysBack` days earlier when asked.
   */
  latestDay(endHour: number, daysBack = 0): number {
    const latest = Math.floor((this.catalog.endMs - 30 * minuteMs - endHour * hourMs) / dayMs) * dayMs;
    return latest - daysBack * dayMs;
  }

  /** True when a story running `fromHour`–`endHour` on its latest day starts within the last 23 hours. */
  fitsLastDay(fromHour: number, endHour: number): boolean {
    return this.latestDay(endHour) + fromHour * hourMs >= this.catalog.endMs - 23 * hourMs;
  }

  /** A time on `dayStart` between `fromHour` and `toHour` (UTC). */
  timeOn(dayStart: number, fromHour: number, toHour: number): number {
    return dayStart + fromHour * hourMs + this.random.int(0, (toHour - fromHour) * hourMs);
  }

  /** Lets background activity use a victim's session for their ordinary work. */
  share(hostName: string, session: UserSession): void {
    const list = this.sessions.get(hostName) ?? [];
    list.push(session);
    this.sessions.set(hostName, list);
  }

  /** Keeps a planted logon-triggered task running on later logons. */
  addLogonTask(task: LogonTask): void {
    this.logonTasks.push(task);
  }

  /** A victim's ordinary day at their desk: a console logon of 8–9 hours that background work also fills. */
  deskSession(ids: HostIds, user: Identity, logonAt: number, adminElevation: TokenElevation): UserSession {
    const session = startUserSession(this.writer, ids, {
      user,
      startMs: logonAt,
      endMs: logonAt + this.random.int(8, 9) * hourMs,
      remote: false,
      sourceIp: '127.0.0.1',
      sourceName: ids.host.name,
      adminElevation,
      typoChance: 0,
    });
    this.share(ids.host.name, session);
    return session;
  }

  /** An administrator's remote-desktop session from `source` (its address and the client's machine name). */
  remoteSession(ids: HostIds, user: Identity, logonAt: number, lengthMs: number, source: RdpSource): UserSession {
    return startUserSession(this.writer, ids, {
      user,
      startMs: logonAt,
      endMs: logonAt + lengthMs,
      remote: true,
      sourceIp: source.ip,
      sourceName: source.name,
      adminElevation: '%%1937',
      typoChance: 0,
    });
  }

  /** Records a process alert (ASC's shape) about `facts.process` on `facts.host`. */
  recordProcessAlert(facts: ProcessAlertFacts, story: Omit<PlantedStory, 'alertId' | 'host'>): void {
    this.record(ascProcessAlert(this.catalog, this.random, facts), { ...story, host: facts.host.fqdn });
  }

  /** Records an alert and what it is about. */
  record(alert: StoredSecurityAlert, story: Omit<PlantedStory, 'alertId'>): void {
    this.alerts.push(alert);
    this.stories.push({ ...story, alertId: alert.SystemAlertId });
  }

  /** The footprint per host name, for the background stream. */
  footprints(): Map<string, HostFootprint> {
    const result = new Map<string, HostFootprint>();
    for (const host of this.catalog.hosts) {
      const ids = this.ids.get(host.name);
      result.set(host.name, {
        pids: ids?.pids ?? new Set(),
        logonIds: ids?.logonIds ?? new Set(),
        sessions: this.sessions.get(host.name) ?? [],
        logonTasks: this.logonTasks.filter((t) => t.hostName === host.name),
      });
    }
    return result;
  }
}
