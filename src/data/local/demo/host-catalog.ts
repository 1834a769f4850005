/**
 * The demo workspace's estate: one AD domain, its servers and workstations, people and service accounts, and the
 * Azure/Log Analytics ids the rows carry. Built once per seed; immutable afterwards.
 */
import {
  createDomain,
  createPeople,
  createServiceAccounts,
  type DemoDomain,
  domainAccount,
  type Identity,
  type Person,
  type ServiceAccounts,
} from './identities.js';
import { hexId } from './process-ref.js';
import type { RandomSource } from './random-source.js';
import { createSystemProcesses, type HostRole, type SystemProcesses } from './system-processes.js';

/** A Windows host of the demo domain. */
export interface DemoHost {
  /** NetBIOS name, upper case: `WEB01`. */
  readonly name: string;
  /** `Computer` column value: `WEB01.contoso.local`. */
  readonly fqdn: string;
  readonly role: HostRole;
  readonly ip: string;
  readonly osVersion: string;
  readonly tenantId: string;
  readonly sourceComputerId: string;
  readonly resourceId: string;
  /** The computer account (`WEB01$`): how SYSTEM appears as a 4688 subject and in Kerberos logons. */
  readonly machine: Identity;
  readonly domainName: string;
  /** The person who sits at this workstation; null for servers. */
  readonly owner: Person | null;
  readonly bootMs: number;
  readonly processes: SystemProcesses;
  /** The SQL Server service's logon session (SQL servers only). */
  readonly sqlServiceLogonId: string | null;
}

/** Everything fixed about the demo estate. */
export interface DemoCatalog {
  readonly tenantId: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly domain: DemoDomain;
  readonly people: readonly Person[];
  readonly services: ServiceAccounts;
  readonly hosts: readonly DemoHost[];
  readonly startMs: number;
  readonly endMs: number;
}

/** The hosts every demo has; stories are planted on them by name. */
export const coreHostCount = 8;

const coreHosts: readonly (readonly [string, HostRole, string, string | null])[] = [
  ['DC01', 'domain-controller', 'Windows Server 2022 Datacenter', null],
  ['WEB01', 'web-server', 'Windows Server 2019 Datacenter', null],
  ['SQL01', 'sql-server', 'Windows Server 2019 Datacenter', null],
  ['FS01', 'file-server', 'Windows Server 2022 Datacenter', null],
  ['RDS01', 'remote-desktop', 'Windows Server 2022 Datacenter', null],
  ['WKS-FIN-01', 'workstation', 'Windows 11 Enterprise 23H2', 'mlopez'],
  ['WKS-ANA-01', 'workstation', 'Windows 11 Enterprise 23H2', 'dkim'],
  ['WKS-DEV-02', 'workstation', 'Windows 11 Enterprise 23H2', 'rgarcia'],
];

const departmentCodes: Record<string, string> = {
  HR: 'HR',
  Sales: 'SAL',
  Marketing: 'MKT',
  Operations: 'OPS',
  Legal: 'LEG',
  Engineering: 'ENG',
  Finance: 'FIN',
  Support: 'SUP',
  Analytics: 'ANA',
  IT: 'IT',
};

interface HostDraft {
  name: string;
  role: HostRole;
  os: string;
  ip: string;
  owner: Person | null;
}

/** Core hosts, then one extra workstation per additional host for people who have none yet. */
function draftHosts(hostCount: number, people: readonly Person[]): HostDraft[] {
  const byName = new Map(people.map((p) => [p.user.name, p]));
  const drafts: HostDraft[] = coreHosts.map(([name, role, os, owner], i) => ({
    name,
    role,
    os,
    ip: role === 'workstation' ? `10.10.20.${101 + i - 5}` : `10.10.1.${10 * (i + 1)}`,
    owner: owner ? (byName.get(owner) ?? null) : null,
  }));
  const owned = new Set(coreHosts.map((h) => h[3]));
  const perDepartment = new Map<string, number>();
  const candidates = people.filter((p) => !owned.has(p.user.name));
  for (let i = 0; i < hostCount - coreHostCount; i++) {
    const owner = candidates[i] as Person;
    const code = departmentCodes[owner.department] ?? 'GEN';
    const n = (perDepartment.get(code) ?? 1) + 1;
    perDepartment.set(code, n);
    const ipIndex = 104 + i;
    drafts.push({
      name: `WKS-${code}-${String(n).padStart(2, '0')}`,
      role: 'workstation',
      os: 'Windows 11 Enterprise 23H2',
      ip: `10.10.${20 + Math.floor(ipIndex / 250)}.${(ipIndex % 250) + 1}`,
      owner,
    });
  }
  return drafts;
}

/** Builds the estate for `hostCount` hosts (≥ 8) whose data spans `[startMs, endMs]`. */
export function createCatalog(random: RandomSource, hostCount: number, startMs: number, endMs: number): DemoCatalog {
  const tenantId = random.guid();
  const subscriptionId = random.guid();
  const domain = createDomain(random);
  const services = createServiceAccounts(domain);
  // The first seven people without a core workstation work on RDS01; extra workstations go to them first.
  const people = createPeople(domain, random, Math.max(0, hostCount - coreHostCount - 7));
  const drafts = draftHosts(hostCount, people);
  const hosts = drafts.map((draft, i): DemoHost => {
    const bootMs = startMs + 60_000 * (i % 20) + random.int(0, 50_000);
    const sqlServiceLogonId = draft.role === 'sql-server' ? hexId(random.int(0x9000, 0xf000)) : null;
    const processes = createSystemProcesses(
      {
        role: draft.role,
        bootMs,
        sqlService: sqlServiceLogonId ? { account: services.sql, logonId: sqlServiceLogonId } : null,
      },
      random,
    );
    const group = draft.role === 'workstation' ? 'CONTOSO-ENDPOINTS' : 'CONTOSO-PROD';
    const provider =
      draft.role === 'workstation' ? 'Microsoft.HybridCompute/machines' : 'Microsoft.Compute/virtualMachines';
    return {
      name: draft.name,
      fqdn: `${draft.name}.${domain.dns}`,
      role: draft.role,
      ip: draft.ip,
      osVersion: draft.os,
      tenantId,
      sourceComputerId: random.guid(),
      resourceId: `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/${provider}/${draft.name}`,
      machine: domainAccount(domain, `${draft.name}$`, 1000 + i + 1),
      domainName: domain.netbios,
      owner: draft.owner,
      bootMs,
      processes,
      sqlServiceLogonId,
    };
  });
  return {
    tenantId,
    subscriptionId,
    resourceGroup: 'CONTOSO-SOC',
    domain,
    people,
    services,
    hosts,
    startMs,
    endMs,
  };
}

/** The host with that NetBIOS name; throws for names the catalog does not have (a programming error). */
export function hostNamed(catalog: DemoCatalog, name: string): DemoHost {
  const host = catalog.hosts.find((h) => h.name === name);
  if (!host) throw new Error(`demo catalog has no host ${name}`);
  return host;
}

/** The person with that user name; throws when absent (a programming error). */
export function personNamed(catalog: DemoCatalog, userName: string): Person {
  const person = catalog.people.find((p) => p.user.name === userName);
  if (!person) throw new Error(`demo catalog has no person ${userName}`);
  return person;
}
