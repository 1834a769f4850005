/**
 * The alert-centred process tree the bot shows (msticpy `get_process_tree`, §a.2): the alert's process and
 * its grandparent, parent, siblings, children and grandchildren, each with msticpy's NodeRole and Level.
 *
 * Deliberate differences from msticpy's query, all because PIDs are reused on a busy host:
 * - relatives are tied by time as well as pid: a child must start within its parent's lifetime (from the
 *   parent's creation to the next creation of the same pid), and a parent is the latest earlier process
 *   with that pid; names must agree when both are known (child's ParentProcessName vs parent's image).
 *   msticpy matches pids alone, so `process_tree.csv` lists as ftp.exe's "child" a win32calc.exe that was
 *   started 2.6 s *before* ftp.exe by an earlier powershell.exe with the same pid 0x1580;
 * - siblings are the parent's other children, so an earlier sibling that had the source's pid is kept
 *   (msticpy drops every sibling whose pid equals the source's);
 * - the grandparent is searched with the parent's logon id and creation time (msticpy bug §j.2 uses the
 *   source's, so it misses a grandparent in another session).
 */
import { countUpTo, type EventIndex, indexEvents, pidLifetime, startedBy, type TimedEvent } from './event-index.js';
import {
  effectiveLogonId,
  idKey,
  imageMatches,
  imagesConflict,
  type ProcessEvent,
  sameId,
  systemSessionIds,
  timeMs,
} from './process-event.js';

/** msticpy's roles; a grandparent is a `parent` at Level 2, a grandchild a `child` at Level 2. */
export type NodeRole = 'source' | 'parent' | 'child' | 'sibling';

/** One process of the alert tree. */
export interface AlertTreeRow<E extends ProcessEvent = ProcessEvent> {
  NodeRole: NodeRole;
  /** Hops from the source: 0 source, 1 parent / child / sibling, 2 grandparent / grandchild. */
  Level: number;
  event: E;
  /** Id of this row within the view, and of its parent's row (null when the parent is not in the view). */
  key: string;
  parentKey: string | null;
}

/** The alert's process as the alert describes it. */
export interface AlertProcessSource {
  processId: string | number;
  /** Image: a full path, or a file name matched against the image's file name (case-insensitive). */
  processName?: string | null;
  /** The alert's logon session: processes in it are preferred when several match. */
  logonId?: string | null;
  /** The alert time: the process created nearest to it is chosen (else the latest, like msticpy). */
  time?: Date | string | null;
}

/** Result of `alertProcessTree`: the rows in time order, or why there are none. */
export type AlertProcessTree<E extends ProcessEvent = ProcessEvent> =
  | { found: true; source: E; rows: AlertTreeRow<E>[] }
  | { found: false; reason: string };

/** Options of `alertProcessTree`. */
export interface AlertProcessTreeOptions {
  /** Sessions whose grandchildren are left out (msticpy's `system_session_id`). Default `0x3e7` and `-1`. */
  systemSessions?: readonly string[];
}

/** Picks the source: pid and image match, same logon session preferred, nearest to the alert time. */
function locateSource<E extends ProcessEvent>(
  index: EventIndex<E>,
  source: AlertProcessSource,
): TimedEvent<E> | undefined {
  const key = idKey(source.processId);
  const byPid = key === null ? [] : (index.byPid.get(key) ?? []);
  const wanted = source.processName?.trim();
  const matching = wanted ? byPid.filter((item) => imageMatches(item.event.NewProcessName, wanted)) : [...byPid];
  const inSession = matching.filter(
    (item) => sameId(item.event.SubjectLogonId, source.logonId) || sameId(item.event.TargetLogonId, source.logonId),
  );
  const pool = inSession.length > 0 ? inSession : matching;
  const at = source.time === null || source.time === undefined ? Number.NaN : timeMs(source.time);
  if (!Number.isFinite(at)) return pool[pool.length - 1];
  // Later wins a tie: reduce keeps the last of equally near events because the list is time-sorted.
  return pool.reduce<TimedEvent<E> | undefined>(
    (best, item) => (best && Math.abs(best.time - at) < Math.abs(item.time - at) ? best : item),
    undefined,
  );
}

/**
 * The parent of `child`: the latest process created with the child's ProcessId at or before the child,
 * if its image and session agree — msticpy's parent rule (`SubjectLogonId` or `TargetLogonId` equal to the
 * child's SubjectLogonId), evaluated with the child's own logon id and time.
 */
function parentOf<E extends ProcessEvent>(index: EventIndex<E>, child: TimedEvent<E>): TimedEvent<E> | undefined {
  const key = idKey(child.event.ProcessId);
  const creations = (key === null ? undefined : index.byPid.get(key)) ?? [];
  let at = countUpTo(creations, child.time) - 1;
  if (at >= 0 && creations[at]!.event === child.event) at -= 1;
  const parent = creations[at];
  if (!parent || imagesConflict(parent.event.NewProcessName, child.event.ParentProcessName)) return undefined;
  const session = child.event.SubjectLogonId;
  const sessionKnown = idKey(session) !== null;
  const inSession = sameId(parent.event.SubjectLogonId, session) || sameId(parent.event.TargetLogonId, session);
  return !sessionKnown || inSession ? parent : undefined;
}

/** Processes `parent` started during its lifetime, in the parent's session (msticpy's child rule). */
function childrenOf<E extends ProcessEvent>(index: EventIndex<E>, parent: TimedEvent<E>): TimedEvent<E>[] {
  const lifetime = pidLifetime(index, parent.event.NewProcessId, parent.time);
  const sessions = [parent.event.SubjectLogonId, effectiveLogonId(parent.event)];
  return startedBy(index, parent.event.NewProcessId, { start: parent.time, end: lifetime.end }).filter(
    (item) =>
      item.event !== parent.event &&
      !imagesConflict(item.event.ParentProcessName, parent.event.NewProcessName) &&
      (idKey(item.event.SubjectLogonId) === null || sessions.some((s) => sameId(item.event.SubjectLogonId, s))),
  );
}

/** The source's siblings: the parent's other children, or (no parent in the data) same parent pid, name and session. */
function siblingsOf<E extends ProcessEvent>(
  index: EventIndex<E>,
  source: TimedEvent<E>,
  parent: TimedEvent<E> | undefined,
): TimedEvent<E>[] {
  if (parent) return childrenOf(index, parent).filter((item) => item.event !== source.event);
  const lifetime = pidLifetime(index, source.event.ProcessId, source.time);
  return startedBy(index, source.event.ProcessId, lifetime).filter(
    (item) =>
      item.event !== source.event &&
      !imagesConflict(item.event.ParentProcessName, source.event.ParentProcessName) &&
      (idKey(item.event.SubjectLogonId) === null ||
        idKey(source.event.SubjectLogonId) === null ||
        sameId(item.event.SubjectLogonId, source.event.SubjectLogonId)),
  );
}

interface Placed<E extends ProcessEvent> {
  item: TimedEvent<E>;
  role: NodeRole;
  level: number;
  parent: TimedEvent<E> | undefined;
}

/** Rows in time order (ties keep role order), each pointing at its parent's row. */
function toRows<E extends ProcessEvent>(placed: readonly Placed<E>[]): AlertTreeRow<E>[] {
  const ordered = [...placed].sort((a, b) => a.item.time - b.item.time);
  const keys = new Map(ordered.map((p, i) => [p.item.event, `p${i}`]));
  return ordered.map((p) => ({
    NodeRole: p.role,
    Level: p.level,
    event: p.item.event,
    key: keys.get(p.item.event)!,
    parentKey: p.parent ? (keys.get(p.parent.event) ?? null) : null,
  }));
}

/**
 * The process tree around an alert's process, from the host's process events in the alert window: source,
 * parent and grandparent, siblings, children and grandchildren (not those in a system session, as msticpy).
 * Returns `found: false` with a reason when the source process is not in the events.
 */
export function alertProcessTree<E extends ProcessEvent>(
  events: readonly E[],
  source: AlertProcessSource,
  options: AlertProcessTreeOptions = {},
): AlertProcessTree<E> {
  const index = indexEvents(events);
  const found = locateSource(index, source);
  if (!found) {
    const name = source.processName ? ` (${source.processName})` : '';
    return { found: false, reason: `No process ${source.processId}${name} among ${events.length} process events.` };
  }
  const system = options.systemSessions ?? systemSessionIds;
  const parent = parentOf(index, found);
  // Fix of msticpy §j.2: the grandparent is looked up from the parent (its logon id and time), not the source.
  const grandparent = parent ? parentOf(index, parent) : undefined;
  const children = childrenOf(index, found);
  const placed: Placed<E>[] = [];
  if (grandparent) placed.push({ item: grandparent, role: 'parent', level: 2, parent: undefined });
  if (parent) placed.push({ item: parent, role: 'parent', level: 1, parent: grandparent });
  placed.push({ item: found, role: 'source', level: 0, parent });
  for (const item of siblingsOf(index, found, parent)) placed.push({ item, role: 'sibling', level: 1, parent });
  for (const child of children) {
    placed.push({ item: child, role: 'child', level: 1, parent: found });
    for (const item of childrenOf(index, child)) {
      if (system.some((s) => sameId(item.event.SubjectLogonId, s))) continue;
      placed.push({ item, role: 'child', level: 2, parent: child });
    }
  }
  return { found: true, source: found.event, rows: toRows(placed) };
}
