/**
 * Time-sorted lookups of process events by their own pid and by their parent's pid, for the alert-centred
 * tree. Built once in O(n log n); each lookup is a map get plus a binary search.
 */
import { idKey, type ProcessEvent, timeMs } from './process-event.js';

/** An event with its time read once. */
export interface TimedEvent<E extends ProcessEvent> {
  event: E;
  time: number;
}

/** Events grouped by NewProcessId and by ProcessId (canonical ids), each list in time order. */
export interface EventIndex<E extends ProcessEvent> {
  byPid: ReadonlyMap<string, readonly TimedEvent<E>[]>;
  byParentPid: ReadonlyMap<string, readonly TimedEvent<E>[]>;
}

function push<E extends ProcessEvent>(
  map: Map<string, TimedEvent<E>[]>,
  key: string | null,
  item: TimedEvent<E>,
): void {
  if (key === null) return;
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Indexes events with a valid time; others cannot be placed in a tree and are left out. */
export function indexEvents<E extends ProcessEvent>(events: readonly E[]): EventIndex<E> {
  const timed = events
    .map((event) => ({ event, time: timeMs(event.TimeGenerated) }))
    .filter((item) => Number.isFinite(item.time))
    .sort((a, b) => a.time - b.time);
  const byPid = new Map<string, TimedEvent<E>[]>();
  const byParentPid = new Map<string, TimedEvent<E>[]>();
  for (const item of timed) {
    push(byPid, idKey(item.event.NewProcessId), item);
    push(byParentPid, idKey(item.event.ProcessId), item);
  }
  return { byPid, byParentPid };
}

/** Number of entries with time ≤ `time` (or < `time` when `strict`): the insertion point of a binary search. */
export function countUpTo(list: readonly TimedEvent<ProcessEvent>[], time: number, options: { strict?: boolean } = {}) {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = list[mid]!.time;
    if (options.strict ? at < time : at <= time) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * When a pid was alive around `time`: from its latest creation at or before `time` to its next creation
 * after it. A pid is reused only after its process ended, so no event outside this span can belong to it.
 */
export function pidLifetime<E extends ProcessEvent>(
  index: EventIndex<E>,
  pid: unknown,
  time: number,
): { start: number; end: number } {
  const key = idKey(pid);
  const creations = key === null ? [] : (index.byPid.get(key) ?? []);
  const upTo = countUpTo(creations, time);
  return {
    start: upTo > 0 ? creations[upTo - 1]!.time : Number.NEGATIVE_INFINITY,
    end: upTo < creations.length ? creations[upTo]!.time : Number.POSITIVE_INFINITY,
  };
}

/** Events started by `pid` within [start, end), in time order. */
export function startedBy<E extends ProcessEvent>(
  index: EventIndex<E>,
  pid: unknown,
  span: { start: number; end: number },
): TimedEvent<E>[] {
  const key = idKey(pid);
  const list = key === null ? [] : (index.byParentPid.get(key) ?? []);
  const from = countUpTo(list, span.start, { strict: true });
  const to = countUpTo(list, span.end, { strict: true });
  return list.slice(from, to);
}
