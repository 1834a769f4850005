/**
 * Alert entities: the `Entities` column of a SecurityAlert, with `$id` / `$ref` references resolved into
 * plain, acyclic, JSON-serialisable data (msticpy-facts §b). A property that pointed at another entity holds an
 * `EntityRef`; look it up with `resolveRef`.
 */

/** A reference to another entity of the same alert, by its `$id`. */
export interface EntityRef {
  readonly ref: string;
}

/** A nested object without its own `$id` (e.g. an IP's `Location`), kept as data. */
export interface EntityRecord {
  [key: string]: EntityValue;
}

/** A property value: scalars, references, lists and nested records (never cycles). */
export type EntityValue = string | number | boolean | null | EntityRef | EntityValue[] | EntityRecord;

/** One entity of an alert (host, account, process, file, ip…). */
export interface Entity {
  /** The entity's `$id` in the alert's Entities JSON. */
  id: string;
  /** Canonical lowercase type (`host`, `ip`, `host-logon-session`, `registry-key`…), msticpy's aliases applied. */
  type: string;
  /**
   * Every source property except `$id` and `Type` (msticpy keeps only its schema's properties for known types;
   * socbot keeps all, so nothing is lost). Files also get a derived `FullPath`, as msticpy's File does.
   */
  properties: Record<string, EntityValue>;
}

/** A reference from one entity's property to another entity (`process --ImageFile--> file`). */
export interface EntityEdge {
  from: string;
  to: string;
  property: string;
}

/** Anything holding an alert's entities (an `Alert` is one). */
export interface EntitySet {
  readonly entities: readonly Entity[];
}

// msticpy's Entity.ENTITY_NAME_MAP (msticpy/datamodel/entities/__init__.py), keys lowercased, mapped to one
// canonical spelling per class so that `ipaddress` and `ip` count as the same type. User/Machine are msticpy's
// aliases of Account/Host.
const canonicalTypes = new Map<string, string>([
  ['account', 'account'],
  ['user', 'account'],
  ['alert', 'alert'],
  ['alerts', 'alert'],
  ['azure-resource', 'azure-resource'],
  ['azureresource', 'azure-resource'],
  ['cloud-application', 'cloud-application'],
  ['cloudapplication', 'cloud-application'],
  ['cloud-logon-session', 'cloud-logon-session'],
  ['cloudlogonsession', 'cloud-logon-session'],
  ['dns', 'dns'],
  ['dnsresolve', 'dns'],
  ['file', 'file'],
  ['filehash', 'filehash'],
  ['geolocation', 'geolocation'],
  ['location', 'geolocation'],
  ['host', 'host'],
  ['machine', 'host'],
  ['host-logon-session', 'host-logon-session'],
  ['hostlogonsession', 'host-logon-session'],
  ['incident', 'incident'],
  ['iotdevice', 'iot-device'],
  ['ip', 'ip'],
  ['ipaddress', 'ip'],
  ['mail-cluster', 'mail-cluster'],
  ['mailcluster', 'mail-cluster'],
  ['mail-message', 'mail-message'],
  ['mailmessage', 'mail-message'],
  ['mailbox', 'mailbox'],
  ['mailboxconfiguration', 'mailbox-configuration'],
  ['malware', 'malware'],
  ['network-connection', 'network-connection'],
  ['networkconnection', 'network-connection'],
  ['oauthapplication', 'oauth-application'],
  ['process', 'process'],
  ['registry-key', 'registry-key'],
  ['registrykey', 'registry-key'],
  ['registry-value', 'registry-value'],
  ['registryvalue', 'registry-value'],
  ['security-group', 'security-group'],
  ['securitygroup', 'security-group'],
  ['serviceprincipal', 'service-principal'],
  ['submissionmail', 'submission-mail'],
  ['threatintelligence', 'threat-intelligence'],
  ['url', 'url'],
  ['unknown', 'unknown'],
]);

const maxTypeLength = 64;

/** The canonical type for a source `Type` (case-insensitive, msticpy aliases); unknown types stay lowercased. */
export function canonicalEntityType(type: unknown): string {
  if (typeof type !== 'string') return 'unknown';
  const key = type.trim().toLowerCase().slice(0, maxTypeLength);
  return canonicalTypes.get(key) ?? (key === '' ? 'unknown' : key);
}

/** True for a reference value. A source object that is exactly `{ "ref": "<text>" }` looks the same (harmless). */
export function isEntityRef(value: unknown): value is EntityRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'ref' && typeof (value as { ref?: unknown }).ref === 'string';
}

// Built lazily per entities array: `Alert` stays plain data, yet lookups are O(1) (entities are never mutated).
const indexes = new WeakMap<readonly Entity[], ReadonlyMap<string, Entity>>();

/** The entity with this `$id`, if the alert has one. */
export function entityById(set: EntitySet, id: string): Entity | undefined {
  let index = indexes.get(set.entities);
  if (!index) {
    index = new Map(set.entities.map((entity) => [entity.id, entity]));
    indexes.set(set.entities, index);
  }
  return index.get(id);
}

/** The entity a reference points at; `undefined` when it points nowhere (the alert has a warning then). */
export function resolveRef(set: EntitySet, ref: EntityRef): Entity | undefined {
  return entityById(set, ref.ref);
}

/** The entities of one type, in alert order; `type` may be any alias (`ipaddress`, `registryvalue`). */
export function entitiesOfType(set: EntitySet, type: string): Entity[] {
  const wanted = canonicalEntityType(type);
  return set.entities.filter((entity) => entity.type === wanted);
}

/** A property as non-empty text (numbers are stringified); `null` for absent, empty or non-scalar values. */
export function textProp(properties: Readonly<Record<string, EntityValue>>, key: string): string | null {
  if (!Object.hasOwn(properties, key)) return null;
  const value = properties[key];
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** The properties behind a value: a reference's target entity, or a nested record; `null` otherwise. */
export function linkedProperties(set: EntitySet, value: EntityValue | undefined): Record<string, EntityValue> | null {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  if (isEntityRef(value)) return resolveRef(set, value)?.properties ?? null;
  return value;
}

/** The entity a property refers to (only references, not nested records). */
export function linkedEntity(set: EntitySet, value: EntityValue | undefined): Entity | undefined {
  return isEntityRef(value) ? resolveRef(set, value) : undefined;
}

/**
 * A file's full path: `FullPath`, else `Directory` + separator + `Name` (msticpy's File: `/` when the directory
 * has one, else `\`). Unlike msticpy, no second separator is added when the directory already ends with one.
 */
export function fileFullPath(properties: Readonly<Record<string, EntityValue>>): string | null {
  const fullPath = textProp(properties, 'FullPath');
  if (fullPath) return fullPath;
  const name = textProp(properties, 'Name');
  if (!name) return null;
  const directory = textProp(properties, 'Directory');
  if (!directory) return name;
  const separator = directory.includes('/') ? '/' : '\\';
  return directory.endsWith(separator) ? directory + name : directory + separator + name;
}
