/**
 * Builds a SecurityAlert `Entities` array the way Azure Security Center writes it: each entity has a `$id`, and
 * references between them are `{"$ref": "<id>"}` (process → image file, account, parent process, host; logon
 * session → host, account). Repeated entities (the host, an account) are written once and referenced.
 */
import type { DemoHost } from './host-catalog.js';
import type { Identity } from './identities.js';
import { directoryOf, fileNameOf, hexId, type ProcessRef } from './process-ref.js';

/** A reference to an entity already in the list. */
export interface EntityRef {
  readonly $ref: string;
}

type Entity = Record<string, unknown>;

/** ASC writes times with seven fractional digits. */
export function ascTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '0000Z');
}

/** An alert's entity list under construction; the alert's host comes first, as in ASC alerts. */
export class AlertEntities {
  private readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, EntityRef>();
  // ASC numbers the alert's own objects first; entity ids start at 4 in every alert it writes.
  private nextId = 4;
  /** The alert's host, with its DNS domain so `HostName.DnsDomain` is the events' `Computer`. */
  readonly host: EntityRef;

  constructor(private readonly demoHost: DemoHost) {
    this.host = this.add(`host:${demoHost.name}`, {
      DnsDomain: demoHost.fqdn.slice(demoHost.name.length + 1),
      NTDomain: demoHost.domainName,
      HostName: demoHost.name,
      NetBiosName: demoHost.name,
      AzureID: demoHost.resourceId,
      OMSAgentID: demoHost.sourceComputerId,
      OSFamily: 'Windows',
      OSVersion: demoHost.osVersion,
      IsDomainJoined: true,
      Type: 'host',
    });
  }

  private add(key: string, entity: Entity): EntityRef {
    const known = this.byKey.get(key);
    if (known) return known;
    const id = String(this.nextId++);
    this.entities.push({ $id: id, ...entity });
    const ref = { $ref: id };
    this.byKey.set(key, ref);
    return ref;
  }

  /** An account; with `logonId` it names the session the alert's activity ran in. */
  account(identity: Identity, logonId?: string): EntityRef {
    return this.add(`account:${identity.sid}:${logonId ?? ''}`, {
      Name: identity.name,
      NTDomain: identity.domain,
      Host: this.host,
      Sid: identity.sid,
      IsDomainJoined: identity.domain === this.demoHost.domainName,
      ...(logonId ? { LogonId: logonId } : {}),
      Type: 'account',
    });
  }

  /** A file by full path; ASC lower-cases directory and name. */
  file(path: string): EntityRef {
    const lower = path.toLowerCase();
    return this.add(`file:${lower}`, { Directory: directoryOf(lower), Name: fileNameOf(lower), Type: 'file' });
  }

  /** A process, its image file, and the links to its account and parent. */
  process(process: ProcessRef, links: { account?: EntityRef; parent?: EntityRef } = {}): EntityRef {
    const image = this.file(process.image);
    return this.add(`process:${process.pid}:${process.createdMs}`, {
      ProcessId: hexId(process.pid),
      CommandLine: process.commandLine,
      ElevationToken: process.elevation === '%%1937' ? 'Full' : 'Default',
      CreationTimeUtc: ascTime(process.createdMs),
      ImageFile: image,
      ...(links.account ? { Account: links.account } : {}),
      ...(links.parent ? { ParentProcess: links.parent } : {}),
      Host: this.host,
      Type: 'process',
    });
  }

  /** The logon session the activity happened in. */
  logonSession(sessionId: string, startMs: number, endMs: number, account: EntityRef): EntityRef {
    return this.add(`session:${sessionId}`, {
      SessionId: sessionId,
      StartTimeUtc: ascTime(startMs),
      EndTimeUtc: ascTime(endMs),
      Type: 'host-logon-session',
      Host: this.host,
      Account: account,
    });
  }

  /** An IP address. */
  ip(address: string): EntityRef {
    return this.add(`ip:${address}`, { Address: address, Type: 'ip' });
  }

  /** A URL. */
  url(url: string): EntityRef {
    return this.add(`url:${url}`, { Url: url, Type: 'url' });
  }

  /** The `Entities` column text. */
  toJson(): string {
    return JSON.stringify(this.entities);
  }
}
