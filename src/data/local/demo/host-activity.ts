/**
 * A host's changing state while background activity streams: which PIDs are in use, the next logon id, the
 * user sessions that are open, the current IIS worker. Memory stays bounded by the host, not the event count.
 *
 * PIDs are multiples of 4 drawn at random and reused over time like Windows does, except those of running
 * long-lived processes, of every planted story process (so a story's PID is unique on its host all week), and the
 * last few hundred handed out (so a short-lived process never shares its PID with one still running).
 */
import type { HostIds } from './event-writer.js';
import type { DemoHost } from './host-catalog.js';
import type { Identity } from './identities.js';
import { hexId, type ProcessRef, type TokenElevation } from './process-ref.js';
import type { RandomSource } from './random-source.js';
import { systemPids } from './system-processes.js';

/** An interactive or remote-desktop session and its shell. */
export interface UserSession {
  readonly logonId: string;
  readonly user: Identity;
  /** explorer.exe of the session: parent of what the user starts. */
  readonly shell: ProcessRef;
  readonly endMs: number;
  /** Token of programs the user runs as administrator (`%%1937`), or the limited token. */
  readonly adminElevation: TokenElevation;
  readonly remote: boolean;
}

/** A scheduled task planted by a story that runs at every interactive logon from `sinceMs` on. */
export interface LogonTask {
  readonly hostName: string;
  readonly sinceMs: number;
  readonly image: string;
  readonly commandLine: string;
}

/** What stories leave on a host for background activity to respect. */
export interface HostFootprint {
  readonly pids: ReadonlySet<number>;
  readonly logonIds: ReadonlySet<string>;
  /** Story sessions that background activity may also use (a victim's ordinary workday). */
  readonly sessions: readonly UserSession[];
  readonly logonTasks: readonly LogonTask[];
}

const minPid = 0x40;
const pidSlots = (0x3ffc - minPid) / 4 + 1;
const recentPidCount = 512;

/** Runtime state of one host. */
export class HostActivity implements HostIds {
  readonly sessions: UserSession[];
  /** The IIS worker process and its app-pool session (web servers, after boot). */
  iisWorker: ProcessRef | null = null;
  private readonly reserved: Set<number>;
  private readonly held = new Set<number>();
  private readonly recent = new Int32Array(recentPidCount).fill(-1);
  private recentAt = 0;
  private readonly recentSet = new Set<number>();
  private nextLogon: number;

  constructor(
    readonly host: DemoHost,
    readonly footprint: HostFootprint,
    random: RandomSource,
  ) {
    this.reserved = new Set([...systemPids(host.processes), ...footprint.pids]);
    this.sessions = [...footprint.sessions];
    this.nextLogon = random.int(0x3c000, 0x9f000);
  }

  /** A PID not running now and not handed out recently. */
  allocatePid(random: RandomSource): number {
    let pid = minPid + 4 * Math.floor(random.float() * pidSlots);
    while (this.reserved.has(pid) || this.held.has(pid) || this.recentSet.has(pid)) {
      pid = minPid + 4 * Math.floor(random.float() * pidSlots);
    }
    // A ring of the last PIDs handed out: the oldest leaves the set as the newest enters.
    this.recentSet.delete(this.recent[this.recentAt] as number);
    this.recent[this.recentAt] = pid;
    this.recentAt = (this.recentAt + 1) % recentPidCount;
    this.recentSet.add(pid);
    return pid;
  }

  /** Logon ids only grow, as Windows LUIDs do; story ids are skipped. */
  allocateLogonId(random: RandomSource): string {
    let id: string;
    do {
      this.nextLogon += random.int(0x10, 0x400);
      id = hexId(this.nextLogon);
    } while (this.footprint.logonIds.has(id));
    return id;
  }

  /** Keeps a long-lived process's PID out of circulation until `release`. */
  hold(pid: number): void {
    this.held.add(pid);
  }

  release(pid: number): void {
    this.held.delete(pid);
  }

  /** Adds a session opened by background activity. */
  openSession(session: UserSession): void {
    this.hold(session.shell.pid);
    this.sessions.push(session);
  }

  /** Sessions whose shell is up at `timeMs`; ended ones are dropped (their explorer PID freed). */
  activeSessions(timeMs: number): UserSession[] {
    const active: UserSession[] = [];
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const session = this.sessions[i] as UserSession;
      if (session.endMs < timeMs) {
        this.sessions.splice(i, 1);
        this.release(session.shell.pid);
      } else if (session.shell.createdMs + 2_000 <= timeMs) {
        active.push(session);
      }
    }
    return active;
  }

  /** True when a story already planted a session for `userName` overlapping `[fromMs, toMs]`. */
  hasStorySession(userName: string, fromMs: number, toMs: number): boolean {
    return this.footprint.sessions.some(
      (s) => s.user.name === userName && s.shell.createdMs <= toMs && s.endMs >= fromMs,
    );
  }
}
