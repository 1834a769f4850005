/**
 * Short human names for entities, as msticpy names the nodes of its alert graph
 * (`security_alert_graph._get_name_and_description`): `host: WIN1.contoso.com`, `process: c:\x\ftp.exe [0x1580]`.
 */
import { type Entity, type EntitySet, fileFullPath, linkedProperties, textProp } from './entity.js';

/** `<type>: <value>`, or the bare type when there is no value. */
function labelled(type: string, value: string | null): string {
  return value ? `${type}: ${value}` : type;
}

/** The image path of a process entity (its `ImageFile`'s full path). */
export function processImagePath(process: Entity, set: EntitySet): string | null {
  const image = linkedProperties(set, process.properties.ImageFile);
  return image ? fileFullPath(image) : null;
}

/** The image file name of a process entity (its `ImageFile`'s `Name`). */
export function processImageName(process: Entity, set: EntitySet): string | null {
  const image = linkedProperties(set, process.properties.ImageFile);
  return image ? textProp(image, 'Name') : null;
}

/** A host's `HostName.DnsDomain`, or its HostName when it has no DNS domain (msticpy `Host.fqdn`). */
export function hostFqdn(host: Entity): string | null {
  const name = textProp(host.properties, 'HostName');
  const dnsDomain = textProp(host.properties, 'DnsDomain');
  return name && dnsDomain ? `${name}.${dnsDomain}` : name;
}

// msticpy: `HostName.DnsDomain`, else `NTDomain/HostName`, else `HostName`.
function hostLabel(host: Entity): string | null {
  const name = textProp(host.properties, 'HostName');
  const ntDomain = textProp(host.properties, 'NTDomain');
  if (!name || textProp(host.properties, 'DnsDomain') || !ntDomain) return hostFqdn(host);
  return `${ntDomain}/${name}`;
}

// msticpy: `NTDomain\Name` (domain only when non-empty), falling back to AadUserId, DisplayName, "unknown".
function accountLabel(account: Entity): string {
  const props = account.properties;
  const name = textProp(props, 'Name') ?? textProp(props, 'AadUserId') ?? textProp(props, 'DisplayName');
  if (!name) return 'unknown';
  const domain = textProp(props, 'NTDomain');
  return domain ? `${domain}\\${name}` : name;
}

/**
 * A short human name for an entity: msticpy's graph node name. One deliberate difference: where msticpy prints
 * Python's `None` for a missing `Name` (`registry-value: None`), socbot shows the bare type (`registry-value`).
 */
export function describeEntity(entity: Entity, set: EntitySet): string {
  const props = entity.properties;
  switch (entity.type) {
    case 'host':
      return labelled('host', hostLabel(entity));
    case 'account':
      return `account: ${accountLabel(entity)}`;
    case 'host-logon-session':
      return 'host-logon-session';
    case 'process': {
      const pid = textProp(props, 'ProcessId') ?? 'PID unknown';
      return `process: ${processImagePath(entity, set) ?? 'unknown'} [${pid}]`;
    }
    case 'file':
      return labelled('file', fileFullPath(props));
    case 'ip':
      return labelled('ip', textProp(props, 'Address'));
    case 'dns':
      return labelled('dns', textProp(props, 'DomainName'));
    default:
      return labelled(entity.type, textProp(props, 'Name'));
  }
}
