/**
 * Step 2 of the tree build (msticpy `_merge_parent_by_time`, a pandas `merge_asof`): each process's parent is
 * the latest earlier-or-equal event whose (NewProcessId, image) is the child's (ProcessId, ParentProcessName).
 * Linux matches on the pid alone. Logon ids are not part of the match.
 *
 * Cost: one map from match key to a time-sorted list, and a binary search per event — O(n log n).
 */
import type { CleanEvent } from './clean-events.js';
import type { ProcessEvent, ProcessSchema } from './process-event.js';

/** Position of the last entry of `positions` whose time is at or before `time`, or -1. */
function lastAtOrBefore(positions: readonly number[], times: Float64Array, time: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (times[positions[mid]!]! <= time) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * For each cleaned (time-sorted) event, the index of its parent event, or -1 when the parent is not in the
 * data. An event is never its own parent (a pid equal to its ppid would otherwise loop).
 */
export function matchParents<E extends ProcessEvent>(
  events: readonly CleanEvent<E>[],
  schema: ProcessSchema,
): Int32Array {
  const times = Float64Array.from(events, (event) => event.time);
  // pid → image → positions; Linux files everything under one image so the pid alone decides.
  const byPid = new Map<string, Map<string, number[]>>();
  const imageOf = (name: string) => (schema === 'linux' ? '' : name);
  events.forEach((event, i) => {
    if (event.pidKey === null) return;
    let byImage = byPid.get(event.pidKey);
    if (!byImage) {
      byImage = new Map();
      byPid.set(event.pidKey, byImage);
    }
    const list = byImage.get(imageOf(event.nameLc));
    if (list) list.push(i);
    else byImage.set(imageOf(event.nameLc), [i]);
  });
  const parents = new Int32Array(events.length).fill(-1);
  events.forEach((event, i) => {
    if (event.ppidKey === null) return;
    const candidates = byPid.get(event.ppidKey)?.get(imageOf(event.parentNameLc));
    if (!candidates) return;
    let at = lastAtOrBefore(candidates, times, event.time);
    if (at >= 0 && candidates[at] === i) at -= 1;
    if (at >= 0) parents[i] = candidates[at]!;
  });
  return parents;
}
