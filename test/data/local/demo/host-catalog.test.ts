import { describe, expect, it } from 'vitest';
import { createCatalog, hostNamed } from '../../../../src/data/local/demo/host-catalog.js';
import { RandomSource } from '../../../../src/data/local/demo/random-source.js';
import { systemPids } from '../../../../src/data/local/demo/system-processes.js';

const start = Date.UTC(2024, 4, 25);
const build = (hosts: number) => createCatalog(new RandomSource(11, 'catalog'), hosts, start, start + 7 * 86_400_000);

describe('createCatalog', () => {
  it('has the eight core hosts of contoso.local, each with its role and owner', () => {
    const catalog = build(8);
    expect(catalog.hosts.map((h) => h.name)).toEqual([
      'DC01',
      'WEB01',
      'SQL01',
      'FS01',
      'RDS01',
      'WKS-FIN-01',
      'WKS-ANA-01',
      'WKS-DEV-02',
    ]);
    expect(hostNamed(catalog, 'WKS-FIN-01').owner?.user.name).toBe('mlopez');
    expect(hostNamed(catalog, 'SQL01').processes.sqlServer?.account.name).toBe('svc_sql');
    expect(hostNamed(catalog, 'WEB01').processes.iisActivation).not.toBeNull();
    expect(hostNamed(catalog, 'DC01').fqdn).toBe('DC01.contoso.local');
    expect(() => hostNamed(catalog, 'NOPE')).toThrow();
  });

  it('gives domain accounts SIDs under one domain SID with distinct RIDs', () => {
    const catalog = build(8);
    expect(catalog.domain.sid).toMatch(/^S-1-5-21-\d+-\d+-\d+$/);
    const sids = [...catalog.people.map((p) => p.user.sid), ...catalog.hosts.map((h) => h.machine.sid)];
    expect(sids.every((sid) => sid.startsWith(`${catalog.domain.sid}-`))).toBe(true);
    expect(new Set(sids).size).toBe(sids.length);
    expect(catalog.people[0]?.user.sid).toBe(`${catalog.domain.sid}-1104`);
    expect(catalog.services.administrator.sid).toBe(`${catalog.domain.sid}-500`);
  });

  it('boots every host inside the range with distinct, ascending system PIDs', () => {
    for (const host of build(8).hosts) {
      const pids = systemPids(host.processes);
      expect(new Set(pids).size).toBe(pids.length);
      expect(pids.every((pid) => pid % 4 === 0)).toBe(true);
      expect(host.processes.services.pid).toBeLessThan(host.processes.monitoringHost.pid);
      expect(host.bootMs).toBeGreaterThanOrEqual(start);
      expect(host.processes.lsass.createdMs).toBeGreaterThan(host.bootMs);
    }
  });

  it('adds workstations with unique names, addresses and owners', () => {
    const catalog = build(40);
    expect(catalog.hosts).toHaveLength(40);
    for (const key of ['name', 'ip', 'sourceComputerId'] as const) {
      expect(new Set(catalog.hosts.map((h) => h[key])).size).toBe(40);
    }
    const owners = catalog.hosts.flatMap((h) => (h.owner ? [h.owner.user.name] : []));
    expect(new Set(owners).size).toBe(owners.length);
    expect(catalog.hosts.slice(8).every((h) => h.role === 'workstation' && /^WKS-[A-Z]+-\d\d$/.test(h.name))).toBe(
      true,
    );
  });
});
