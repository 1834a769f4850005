/** Cycle detection in a directed graph given as edges, iterative (no recursion) and linear in its size. */

/** The first cycle found, as ids from its start back to it (`['1', '2', '1']`); `null` when there is none. */
export function findCycle(ids: readonly string[], edges: readonly { from: string; to: string }[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const targets = next.get(from);
    if (targets) targets.push(to);
    else next.set(from, [to]);
  }
  // 'open' = on the current path, 'done' = fully explored.
  const state = new Map<string, 'open' | 'done'>();
  for (const start of ids) {
    if (state.has(start)) continue;
    const path: { id: string; nextIndex: number }[] = [{ id: start, nextIndex: 0 }];
    state.set(start, 'open');
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const target = next.get(top.id)?.[top.nextIndex];
      if (target === undefined) {
        state.set(top.id, 'done');
        path.pop();
        continue;
      }
      top.nextIndex += 1;
      const seen = state.get(target);
      if (seen === 'open') {
        const ids = path.map((step) => step.id);
        return [...ids.slice(ids.indexOf(target)), target];
      }
      if (seen === undefined) {
        state.set(target, 'open');
        path.push({ id: target, nextIndex: 0 });
      }
    }
  }
  return null;
}
