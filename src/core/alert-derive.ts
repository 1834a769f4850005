/**
 * What msticpy's SecurityAlert derives from the entities (msticpy-facts §b "Derived properties"): the primary
 * host, account and process, the account's qualified name, the logon id, and the OS family.
 */
import { type Entity, type EntitySet, linkedProperties, textProp } from './entity.js';

/** The OS family of an alert's host and its path separator. */
export type OsFamily = 'Windows' | 'Linux';

/** The first entity of a (canonical) type, as msticpy's `primary_host` / `primary_account`. */
export function firstOfType(set: EntitySet, type: string): Entity | null {
  return set.entities.find((entity) => entity.type === type) ?? null;
}

/**
 * msticpy's `primary_process`: the only process; else the first whose `ParentProcess` is one of the alert's
 * processes (compared by ProcessId, as msticpy does); else the first process.
 */
export function primaryProcessOf(set: EntitySet): Entity | null {
  const processes = set.entities.filter((entity) => entity.type === 'process');
  if (processes.length <= 1) return processes[0] ?? null;
  const processIds = new Set(processes.map((process) => textProp(process.properties, 'ProcessId')));
  const child = processes.find((process) => {
    const parent = linkedProperties(set, process.properties.ParentProcess);
    return parent !== null && processIds.has(textProp(parent, 'ProcessId'));
  });
  return child ?? processes[0]!;
}

/**
 * msticpy's `Account.qualified_name`: `NTDomain\Name`, else `Name@UPNSuffix`, else `<Host.HostName>\Name`,
 * else `Name`. `null` for an account without a name.
 */
export function qualifiedAccountName(account: Entity, set: EntitySet): string | null {
  const props = account.properties;
  const name = textProp(props, 'Name');
  if (!name) return null;
  const ntDomain = textProp(props, 'NTDomain');
  if (ntDomain) return `${ntDomain}\\${name}`;
  const upnSuffix = textProp(props, 'UPNSuffix');
  if (upnSuffix) return `${name}@${upnSuffix}`;
  const host = linkedProperties(set, props.Host);
  const hostName = host ? textProp(host, 'HostName') : null;
  return hostName ? `${hostName}\\${name}` : name;
}

/**
 * msticpy's `get_logon_id()`: the `SessionId` of the first host-logon-session; else the `LogonId` of the first
 * account that has that property (present but empty → `null`); else `null`.
 */
export function logonIdOf(set: EntitySet): string | null {
  const session = firstOfType(set, 'host-logon-session');
  if (session) return textProp(session.properties, 'SessionId');
  const account = set.entities.find(
    (entity) => entity.type === 'account' && Object.hasOwn(entity.properties, 'LogonId'),
  );
  return account ? textProp(account.properties, 'LogonId') : null;
}

function hasSlashDirectory(properties: Readonly<Record<string, unknown>> | null): boolean {
  const directory = properties?.Directory;
  return typeof directory === 'string' && directory.includes('/');
}

/**
 * msticpy's intended `_find_os_family`: when entities state an `OSFamily`, Linux if one says Linux; otherwise
 * Linux when a file directory (or, without files, a process image directory) contains `/`; else Windows.
 *
 * Deliberate difference (msticpy-facts §j.3): msticpy 3.0.2 compares its parsed OSFamily enum with the string
 * "Linux", which never matches, and every File/Host then carries a default OSFamily — so it reports Windows for
 * every alert, Linux ones included. socbot looks only at OSFamily values present in the data, and compares
 * them case-insensitively.
 */
export function osFamilyOf(set: EntitySet): OsFamily {
  const stated = set.entities
    .map((entity) => textProp(entity.properties, 'OSFamily'))
    .filter((family): family is string => family !== null);
  if (stated.length > 0) return stated.some((family) => family.toLowerCase() === 'linux') ? 'Linux' : 'Windows';
  const files = set.entities.filter((entity) => entity.type === 'file');
  if (files.length > 0) return files.some((file) => hasSlashDirectory(file.properties)) ? 'Linux' : 'Windows';
  const images = set.entities
    .filter((entity) => entity.type === 'process')
    .map((process) => linkedProperties(set, process.properties.ImageFile));
  return images.some(hasSlashDirectory) ? 'Linux' : 'Windows';
}

/** The path separator of an OS family. */
export function pathSeparatorOf(family: OsFamily): '\\' | '/' {
  return family === 'Linux' ? '/' : '\\';
}
