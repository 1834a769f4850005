/**
 * Test helpers for the demo generator: collect rows, index 4688s, resolve an alert's `$ref` entities.
 */
import type { SecurityEventRow } from '../../../../src/core/rows.js';
import type { DemoWorkspace } from '../../../../src/data/local/demo/generate-demo-workspace.js';

export type Entity = Record<string, unknown> & { $id: string; Type: string };

/** Every row of every batch. */
export function allRows(workspace: DemoWorkspace): SecurityEventRow[] {
  const rows: SecurityEventRow[] = [];
  for (const batch of workspace.events()) rows.push(...batch);
  return rows;
}

/** The session a process runs in: its Target session when created in another context, else its creator's. */
export function effectiveSession(row: SecurityEventRow): string | null {
  return row.TargetLogonId && row.TargetLogonId !== '0x0' ? row.TargetLogonId : row.SubjectLogonId;
}

/** Parses `Entities` and replaces every `{"$ref": id}` by the entity it names. */
export function resolveEntities(json: string): Entity[] {
  const entities = JSON.parse(json) as Entity[];
  const byId = new Map(entities.map((e) => [e.$id, e]));
  for (const entity of entities) {
    for (const [key, value] of Object.entries(entity)) {
      if (value && typeof value === 'object' && '$ref' in value) {
        const target = byId.get(String((value as { $ref: unknown }).$ref));
        if (!target) throw new Error(`dangling $ref ${JSON.stringify(value)} in ${entity.$id}.${key}`);
        entity[key] = target;
      }
    }
  }
  return entities;
}

/** 4688 rows keyed by `Computer|NewProcessId`. */
export function processIndex(rows: readonly SecurityEventRow[]): Map<string, SecurityEventRow[]> {
  const index = new Map<string, SecurityEventRow[]>();
  for (const row of rows) {
    if (row.EventID !== 4688) continue;
    const key = `${row.Computer}|${row.NewProcessId}`;
    const list = index.get(key) ?? [];
    list.push(row);
    index.set(key, list);
  }
  return index;
}

/** The creation event of `child`'s parent as msticpy's tree query finds it: same PID and session, latest before. */
export function findParent(index: Map<string, SecurityEventRow[]>, child: SecurityEventRow): SecurityEventRow | null {
  let best: SecurityEventRow | null = null;
  for (const candidate of index.get(`${child.Computer}|${child.ProcessId}`) ?? []) {
    if (candidate.TimeGenerated > child.TimeGenerated) continue;
    if (effectiveSession(candidate) !== child.SubjectLogonId) continue;
    if (!best || candidate.TimeGenerated >= best.TimeGenerated) best = candidate;
  }
  return best;
}
