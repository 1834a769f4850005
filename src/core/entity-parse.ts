/**
 * Entities JSON → `Entity[]` + reference edges, following msticpy's `SecurityAlert._extract_entities` and
 * `_resolve_entity_refs` (msticpy-facts §b): entities keyed by `$id` in order of first appearance, nested objects
 * with their own `$id` become entities too, `{"$ref": id}` becomes an `EntityRef`. Bounded in depth, count and
 * work, so hostile input costs little and never overflows the stack.
 */
import {
  canonicalEntityType,
  type Entity,
  type EntityEdge,
  type EntityValue,
  fileFullPath,
  isEntityRef,
} from './entity.js';
import { findCycle } from './find-cycle.js';
import { isJsonObject, type Warn } from './json-cell.js';

/** Limits on one alert's entities; real alerts stay far below them. */
export const entityLimits = { maxEntities: 2_000, maxDepth: 12, maxValues: 100_000, maxIdLength: 200 } as const;

/** The entities of one alert and the references between them. */
export interface ParsedEntities {
  entities: Entity[];
  edges: EntityEdge[];
}

interface ParseState {
  /** Insertion order is msticpy's entity order. */
  byId: Map<string, Entity>;
  /** The source object of each id: meeting the same object again (a JS cycle) is a reference, not a duplicate. */
  sources: Map<string, object>;
  valuesLeft: number;
  valuesCut: boolean;
  tooDeep: boolean;
  tooMany: number;
  duplicateIds: string[];
}

// Held by `Entity.id` and `Entity.type` instead of `properties`; nested records keep every key.
const entityKeys: ReadonlySet<string> = new Set(['$id', 'Type']);
const noKeys: ReadonlySet<string> = new Set();

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '' && value.length <= entityLimits.maxIdLength) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function scalarOf(value: unknown): EntityValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return String(value);
    default:
      return undefined;
  }
}

function entityValueOf(raw: unknown, state: ParseState, depth: number): EntityValue | undefined {
  if (state.valuesLeft <= 0) {
    state.valuesCut = true;
    return undefined;
  }
  state.valuesLeft -= 1;
  if (raw === null) return null;
  if (typeof raw !== 'object') return scalarOf(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString();
  if (depth > entityLimits.maxDepth) {
    state.tooDeep = true;
    return undefined;
  }
  if (Array.isArray(raw)) {
    const items: EntityValue[] = [];
    for (const item of raw) {
      const value = entityValueOf(item, state, depth + 1);
      if (value !== undefined) items.push(value);
    }
    return items;
  }
  const record = raw as Record<string, unknown>;
  const id = idOf(record.$id);
  if (id !== undefined) {
    addEntity(record, id, state, depth);
    return { ref: id };
  }
  const ref = idOf(record.$ref);
  if (ref !== undefined) return { ref };
  return propertiesOf(record, state, depth, noKeys);
}

function propertiesOf(
  raw: Record<string, unknown>,
  state: ParseState,
  depth: number,
  skipped: ReadonlySet<string>,
): Record<string, EntityValue> {
  const entries: [string, EntityValue][] = [];
  for (const [key, rawValue] of Object.entries(raw)) {
    if (skipped.has(key)) continue;
    const value = entityValueOf(rawValue, state, depth + 1);
    if (value !== undefined) entries.push([key, value]);
  }
  // fromEntries defines own properties, so a key like "__proto__" stays data.
  return Object.fromEntries(entries);
}

function addEntity(raw: Record<string, unknown>, id: string, state: ParseState, depth: number): void {
  if (state.byId.has(id)) {
    // msticpy keeps the entity already registered under an id; so do we, but say so.
    if (state.sources.get(id) !== raw) state.duplicateIds.push(id);
    return;
  }
  if (state.byId.size >= entityLimits.maxEntities) {
    state.tooMany += 1;
    return;
  }
  const entity: Entity = { id, type: canonicalEntityType(raw.Type), properties: {} };
  // Registered before its properties are read: msticpy lists an entity before the nested ones it carries.
  state.byId.set(id, entity);
  state.sources.set(id, raw);
  entity.properties = propertiesOf(raw, state, depth, entityKeys);
  if (entity.type === 'file' && !Object.hasOwn(entity.properties, 'FullPath')) {
    const fullPath = fileFullPath(entity.properties);
    if (fullPath) entity.properties.FullPath = fullPath;
  }
}

function referenceEdges(byId: ReadonlyMap<string, Entity>, missing: Set<string>): EntityEdge[] {
  const edges: EntityEdge[] = [];
  const link = (from: string, value: EntityValue, property: string) => {
    if (!isEntityRef(value)) return;
    if (byId.has(value.ref)) edges.push({ from, to: value.ref, property });
    else missing.add(value.ref);
  };
  // Like msticpy, references are followed in direct properties and in lists of references.
  for (const entity of byId.values()) {
    for (const [property, value] of Object.entries(entity.properties)) {
      if (Array.isArray(value)) for (const item of value) link(entity.id, item, property);
      else link(entity.id, value, property);
    }
  }
  return edges;
}

function listed(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

function warnAboutState(state: ParseState, warn: Warn): void {
  if (state.duplicateIds.length > 0) {
    warn(`Entities: duplicate $id ${listed(state.duplicateIds)}; the first entity with each id is kept.`);
  }
  if (state.tooMany > 0) {
    warn(`Entities: more than ${entityLimits.maxEntities} entities; ${state.tooMany} more were ignored.`);
  }
  if (state.tooDeep) warn(`Entities: values nested deeper than ${entityLimits.maxDepth} levels were cut.`);
  if (state.valuesCut) warn(`Entities: more than ${entityLimits.maxValues} values; the rest were ignored.`);
}

/** Parses the items of an alert's Entities array; what is dropped or odd is reported through `warn`. */
export function parseEntities(items: readonly unknown[], warn: Warn): ParsedEntities {
  const state: ParseState = {
    byId: new Map(),
    sources: new Map(),
    valuesLeft: entityLimits.maxValues,
    valuesCut: false,
    tooDeep: false,
    tooMany: 0,
    duplicateIds: [],
  };
  const notObjects: number[] = [];
  const withoutId: string[] = [];
  const bareRefs: string[] = [];
  for (const [index, item] of items.entries()) {
    if (!isJsonObject(item)) {
      notObjects.push(index);
      continue;
    }
    const id = idOf(item.$id);
    const ref = idOf(item.$ref);
    if (id !== undefined) addEntity(item, id, state, 0);
    // A bare {"$ref": id} item repeats an entity listed elsewhere: nothing is lost when it is skipped.
    else if (ref !== undefined) bareRefs.push(ref);
    else withoutId.push(canonicalEntityType(item.Type));
  }
  if (notObjects.length > 0) {
    warn(`Entities: items that are not objects were ignored (index ${listed(notObjects.map(String))}).`);
  }
  if (withoutId.length > 0) {
    // msticpy drops these silently (msticpy-facts §j.4); socbot drops them too but says so.
    warn(`Entities: ${withoutId.length} entities without $id were dropped (${listed(withoutId)}).`);
  }
  warnAboutState(state, warn);
  const missing = new Set<string>();
  const edges = referenceEdges(state.byId, missing);
  for (const ref of bareRefs) if (!state.byId.has(ref)) missing.add(ref);
  if (missing.size > 0) warn(`Entities: $ref to missing entity ${listed([...missing])}; left unresolved.`);
  const cycle = findCycle([...state.byId.keys()], edges);
  if (cycle) warn(`Entities: references form a cycle (${cycle.join(' → ')}).`);
  return { entities: [...state.byId.values()], edges };
}
