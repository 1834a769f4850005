/**
 * A user's session from its first event: the 4624 (after an occasional mistyped password), winlogon starting
 * userinit and the shell, the per-session helpers Windows starts, and any logon-triggered scheduled tasks.
 * Background activity and stories share this, so a story's victim logs on exactly like everyone else.
 */
import type { EventWriter, HostIds, RunAs } from './event-writer.js';
import type { LogonTask, UserSession } from './host-activity.js';
import type { Identity } from './identities.js';
import type { ProcessRef, TokenElevation } from './process-ref.js';
import { sys32 } from './windows-paths.js';

/** How a session starts. */
export interface SessionStart {
  readonly user: Identity;
  readonly startMs: number;
  readonly endMs: number;
  /** Remote desktop (type 10) from `sourceIp`/`sourceName`, or console (type 2). */
  readonly remote: boolean;
  readonly sourceIp: string;
  readonly sourceName: string;
  /** Elevation of programs the user runs as administrator. */
  readonly adminElevation: TokenElevation;
  /** Probability of a mistyped password before the logon. */
  readonly typoChance: number;
  /** Logon id to use (stories reserve theirs); a fresh one when absent. */
  readonly logonId?: string;
}

/** Writes the logon and session start-up; returns the session (its shell is explorer.exe). */
export function startUserSession(w: EventWriter, ids: HostIds, start: SessionStart): UserSession {
  const { host } = ids;
  const { winlogon, dcomLaunch, schedule, termService } = host.processes;
  const t = start.startMs;
  const facts = {
    type: start.remote ? 10 : 2,
    target: start.user,
    logonProcess: 'User32 ',
    authPackage: 'Negotiate',
    ip: start.remote ? start.sourceIp : '127.0.0.1',
    port: '0',
    workstation: start.remote ? start.sourceName : host.name,
    caller: winlogon,
  } as const;
  if (w.random.chance(start.typoChance)) {
    w.failedLogon(ids, t - w.random.int(3_000, 15_000), { ...facts, subStatus: '0xc000006a' });
  }
  const logonId = start.logonId ?? ids.allocateLogonId(w.random);
  w.logonWithId(ids, t, logonId, { ...facts, elevated: start.adminElevation === '%%1937' });
  const runAs: RunAs = { account: start.user, logonId, elevation: '%%1938' };
  const userinit = w.spawn(
    ids,
    winlogon,
    t + w.random.int(200, 900),
    `${sys32}\\userinit.exe`,
    'C:\\Windows\\system32\\userinit.exe',
    runAs,
  );
  const shell = w.spawn(
    ids,
    userinit,
    userinit.createdMs + w.random.int(300, 1_500),
    'C:\\Windows\\explorer.exe',
    'C:\\Windows\\Explorer.EXE',
  );
  const helpersAt = shell.createdMs + 100;
  w.spawn(ids, host.processes.netsvcs, helpersAt, `${sys32}\\sihost.exe`, 'sihost.exe', runAs);
  w.spawn(
    ids,
    schedule,
    helpersAt + 40,
    `${sys32}\\taskhostw.exe`,
    'taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E}',
    runAs,
  );
  w.spawn(
    ids,
    dcomLaunch,
    helpersAt + 700,
    `${sys32}\\RuntimeBroker.exe`,
    'C:\\Windows\\System32\\RuntimeBroker.exe -Embedding',
    runAs,
  );
  if (start.remote) {
    w.spawn(ids, termService, helpersAt + 300, `${sys32}\\rdpclip.exe`, 'rdpclip', runAs);
  } else {
    w.spawn(
      ids,
      shell,
      helpersAt + 2_500,
      `${sys32}\\SecurityHealthSystray.exe`,
      '"C:\\Windows\\System32\\SecurityHealthSystray.exe" ',
    );
    w.spawn(
      ids,
      shell,
      helpersAt + 3_100,
      `C:\\Users\\${start.user.name}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe`,
      `"C:\\Users\\${start.user.name}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /background`,
    );
  }
  return {
    logonId,
    user: start.user,
    shell,
    endMs: start.endMs,
    adminElevation: start.adminElevation,
    remote: start.remote,
  };
}

/** The user opens a command prompt (as administrator when `asAdmin`), which brings its console host. */
export function openCommandPrompt(
  w: EventWriter,
  ids: HostIds,
  session: UserSession,
  timeMs: number,
  asAdmin: boolean,
): ProcessRef {
  const runAs: RunAs | undefined = asAdmin
    ? { account: session.user, logonId: session.logonId, elevation: '%%1937' }
    : undefined;
  const cmd = w.spawn(ids, session.shell, timeMs, `${sys32}\\cmd.exe`, '"C:\\Windows\\system32\\cmd.exe" ', runAs);
  w.conhost(ids, cmd, timeMs + 30);
  return cmd;
}

/** Runs the logon-triggered tasks a story planted on this host (Task Scheduler starts them as SYSTEM). */
export function runLogonTasks(
  w: EventWriter,
  ids: HostIds,
  tasks: readonly LogonTask[],
  session: UserSession,
): ProcessRef[] {
  const runs: ProcessRef[] = [];
  for (const task of tasks) {
    if (task.hostName !== ids.host.name || session.shell.createdMs < task.sinceMs) continue;
    const at = session.shell.createdMs + w.random.int(4_000, 12_000);
    const run = w.spawn(ids, ids.host.processes.schedule, at, task.image, task.commandLine);
    w.conhost(ids, run, at + 30);
    runs.push(run);
  }
  return runs;
}
