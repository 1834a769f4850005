/**
 * Who exists in the demo domain: well-known Windows principals, the domain's people and service accounts.
 *
 * Names and SIDs follow Windows: domain accounts are `S-1-5-21-<domain>-<rid>` with RIDs from 1104 up (as a fresh
 * domain hands them out), local accounts use the machine's own `S-1-5-21-…` prefix, services run as SYSTEM
 * (S-1-5-18, logon `0x3e7`), NETWORK SERVICE (S-1-5-20, `0x3e4`) or LOCAL SERVICE (S-1-5-19, `0x3e5`).
 */
import type { RandomSource } from './random-source.js';

/** A security principal as a 4624's Target* columns name it. */
export interface Identity {
  /** `TargetUserName`: `mlopez`, `SYSTEM`, `WEB01$`. */
  readonly name: string;
  /** `TargetDomainName`: `CONTOSO`, `NT AUTHORITY`, or the host name for local accounts. */
  readonly domain: string;
  readonly sid: string;
  /** Sentinel's AccountType. */
  readonly accountType: 'User' | 'Machine';
}

/** The Active Directory domain every host belongs to. */
export interface DemoDomain {
  readonly netbios: string;
  readonly dns: string;
  readonly sid: string;
}

/** A person of the company: their everyday account and, for IT staff, a separate admin account. */
export interface Person {
  readonly user: Identity;
  readonly displayName: string;
  readonly department: string;
  readonly admin: Identity | null;
}

/** Fixed logon ids of the built-in sessions. */
export const systemLogonId = '0x3e7';
export const networkServiceLogonId = '0x3e4';
export const localServiceLogonId = '0x3e5';

export const systemIdentity: Identity = {
  name: 'SYSTEM',
  domain: 'NT AUTHORITY',
  sid: 'S-1-5-18',
  accountType: 'Machine',
};
export const localServiceIdentity: Identity = {
  name: 'LOCAL SERVICE',
  domain: 'NT AUTHORITY',
  sid: 'S-1-5-19',
  accountType: 'Machine',
};
export const networkServiceIdentity: Identity = {
  name: 'NETWORK SERVICE',
  domain: 'NT AUTHORITY',
  sid: 'S-1-5-20',
  accountType: 'Machine',
};
/** The null SID Windows writes for "nobody" (Subject of a network logon, Target of a failed one). */
export const nullSid = 'S-1-0-0';
export const windowManagerIdentity: Identity = {
  name: 'DWM-1',
  domain: 'Window Manager',
  sid: 'S-1-5-90-0-1',
  accountType: 'User',
};
export const fontDriverIdentity: Identity = {
  name: 'UMFD-0',
  domain: 'Font Driver Host',
  sid: 'S-1-5-96-0-0',
  accountType: 'User',
};
/** IIS's DefaultAppPool virtual account (the SID is a hash of the pool name, the same on every server). */
export const defaultAppPoolIdentity: Identity = {
  name: 'DefaultAppPool',
  domain: 'IIS APPPOOL',
  sid: 'S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415',
  accountType: 'User',
};

/** True for the built-in principals whose 4688 Subject shows the machine account instead. */
export function isMachineContext(identity: Identity): boolean {
  return identity.sid === systemIdentity.sid || identity.sid === networkServiceIdentity.sid;
}

/** The people every demo workspace has; stories refer to them by user name. */
const cast = [
  ['mlopez', 'Maria Lopez', 'Finance', false],
  ['dkim', 'Daniel Kim', 'Analytics', false],
  ['rgarcia', 'Rosa Garcia', 'IT', true],
  ['sjohnson', 'Sarah Johnson', 'Sales', false],
  ['tnguyen', 'Tuan Nguyen', 'Operations', false],
  ['apatel', 'Anil Patel', 'Finance', false],
  ['lwilson', 'Laura Wilson', 'HR', false],
  ['bmartin', 'Ben Martin', 'Legal', false],
  ['cwhite', 'Chloe White', 'Marketing', false],
  ['ejones', 'Ethan Jones', 'Engineering', false],
] as const;

const firstNames = ['Olivia', 'Noah', 'Emma', 'Liam', 'Ava', 'Lucas', 'Mia', 'Amir', 'Sofia', 'Kenji', 'Zara', 'Omar'];
const lastNames = ['Schmidt', 'Okafor', 'Rossi', 'Novak', 'Silva', 'Haddad', 'Berg', 'Tanaka', 'Dubois', 'Walsh'];
const departments = ['HR', 'Sales', 'Marketing', 'Operations', 'Legal', 'Engineering', 'Finance', 'Support'];

/** Random domain SID prefix `S-1-5-21-a-b-c`, as `dcpromo` creates one. */
export function createDomain(random: RandomSource): DemoDomain {
  const part = () => random.int(100_000_000, 4_294_967_295);
  return { netbios: 'CONTOSO', dns: 'contoso.local', sid: `S-1-5-21-${part()}-${part()}-${part()}` };
}

/** A domain account with the given RID. */
export function domainAccount(domain: DemoDomain, name: string, rid: number): Identity {
  const accountType = name.endsWith('$') ? 'Machine' : 'User';
  return { name, domain: domain.netbios, sid: `${domain.sid}-${rid}`, accountType };
}

/** The domain's people: the fixed cast, then `extra` generated employees for additional workstations. */
export function createPeople(domain: DemoDomain, random: RandomSource, extra: number): Person[] {
  let rid = 1104;
  const people: Person[] = cast.map(([name, displayName, department, isAdmin], i) => ({
    user: domainAccount(domain, name, rid++),
    displayName,
    department,
    admin: isAdmin ? domainAccount(domain, `adm.${name}`, 1201 + i) : null,
  }));
  const taken = new Set(people.map((p) => p.user.name));
  for (let i = 0; i < extra; i++) {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    let name = `${first[0]}${last}`.toLowerCase();
    for (let n = 2; taken.has(name); n++) name = `${first[0]}${last}${n}`.toLowerCase();
    taken.add(name);
    people.push({
      user: domainAccount(domain, name, rid++),
      displayName: `${first} ${last}`,
      department: random.pick(departments),
      admin: null,
    });
  }
  return people;
}

/** The service accounts, by role. */
export interface ServiceAccounts {
  readonly sql: Identity;
  readonly backup: Identity;
  readonly scanner: Identity;
  readonly administrator: Identity;
}

/** Service accounts get RIDs in their own block, as an admin creating them later would. */
export function createServiceAccounts(domain: DemoDomain): ServiceAccounts {
  return {
    sql: domainAccount(domain, 'svc_sql', 1301),
    backup: domainAccount(domain, 'svc_backup', 1302),
    scanner: domainAccount(domain, 'svc_scan', 1303),
    administrator: domainAccount(domain, 'Administrator', 500),
  };
}
