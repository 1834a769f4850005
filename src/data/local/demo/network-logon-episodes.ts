/**
 * Network logons (type 3) without processes: Kerberos to the domain controller and the file server, the
 * vulnerability scanner's NTLM sweeps, internet bots guessing names on exposed hosts, and users mistyping a
 * password when mapping a share.
 */
import type { Episode } from './episode.js';
import type { DemoCatalog } from './host-catalog.js';
import type { Identity } from './identities.js';
import { attackerWorkstation, publicIp } from './public-addresses.js';

/** An account and the address it usually comes from. */
interface Source {
  readonly identity: Identity;
  readonly ip: string;
}

/** The IP of the remote-desktop host, where people without a workstation work. */
function remoteDesktopIp(catalog: DemoCatalog): string {
  return catalog.hosts.find((h) => h.role === 'remote-desktop')?.ip ?? '10.10.1.50';
}

/** Who talks Kerberos to the DC: every computer account, every person, the service accounts. */
function domainSources(catalog: DemoCatalog): Source[] {
  const rdsIp = remoteDesktopIp(catalog);
  const ownIp = new Map(catalog.hosts.flatMap((h) => (h.owner ? [[h.owner.user.name, h.ip] as const] : [])));
  const sqlIp = catalog.hosts.find((h) => h.role === 'sql-server')?.ip ?? rdsIp;
  return [
    ...catalog.hosts.map((h) => ({ identity: h.machine, ip: h.ip })),
    ...catalog.people.map((p) => ({ identity: p.user, ip: ownIp.get(p.user.name) ?? rdsIp })),
    { identity: catalog.services.sql, ip: sqlIp },
    { identity: catalog.services.backup, ip: sqlIp },
  ];
}

/** A Kerberos network logon from a domain account to this host. */
export function kerberosLogons(catalog: DemoCatalog): Episode {
  const sources = domainSources(catalog);
  return (w, h, t) => {
    const source = w.random.pick(sources);
    w.logon(h, t, {
      type: 3,
      target: source.identity,
      logonProcess: 'Kerberos',
      authPackage: 'Kerberos',
      ip: source.ip === h.host.ip ? '::1' : source.ip,
      port: source.ip === h.host.ip ? '0' : String(w.random.int(49_152, 65_535)),
      workstation: '-',
      caller: null,
      elevated: source.identity.accountType === 'Machine',
    });
  };
}

/** People opening a file share: Kerberos from their desk, once in a while a wrong password first (NTLM). */
export function shareAccess(catalog: DemoCatalog): Episode {
  const people = domainSources(catalog).filter((s) => s.identity.accountType === 'User');
  return (w, h, t) => {
    const source = w.random.pick(people);
    if (w.random.chance(0.015)) {
      w.failedLogon(h, t - w.random.int(2_000, 9_000), {
        type: 3,
        target: source.identity,
        logonProcess: 'NtLmSsp ',
        authPackage: 'NTLM',
        ip: source.ip,
        port: '0',
        workstation: '-',
        caller: null,
        subStatus: '0xc000006a',
      });
    }
    w.logon(h, t, {
      type: 3,
      target: source.identity,
      logonProcess: 'Kerberos',
      authPackage: 'Kerberos',
      ip: source.ip,
      port: String(w.random.int(49_152, 65_535)),
      workstation: '-',
      caller: null,
      elevated: false,
    });
  };
}

/** The vulnerability scanner's authenticated check (NTLM from the scanner appliance). */
export function scannerLogon(catalog: DemoCatalog): Episode {
  return (w, h, t) => {
    w.logon(h, t, {
      type: 3,
      target: catalog.services.scanner,
      logonProcess: 'NtLmSsp ',
      authPackage: 'NTLM',
      ip: '10.10.1.250',
      port: String(w.random.int(40_000, 60_999)),
      workstation: 'NESSUS01',
      caller: null,
      elevated: true,
    });
  };
}

const botNames = ['administrator', 'admin', 'user', 'test', 'guest', 'scanner', 'backup', 'sql', 'ftp', 'support'];

/** Internet noise on an exposed host: one bot, one to three guesses at names that do not exist. */
export const internetBotGuesses: Episode = (w, h, t) => {
  const ip = publicIp(w.random);
  const workstation = attackerWorkstation(w.random);
  const guesses = w.random.int(1, 3);
  for (let i = 0; i < guesses; i++) {
    w.failedLogon(h, t + i * w.random.int(800, 4_000), {
      type: 3,
      target: { name: w.random.pick(botNames), domain: '-', sid: '', accountType: 'User' },
      logonProcess: 'NtLmSsp ',
      authPackage: 'NTLM',
      ip,
      port: '0',
      workstation,
      caller: null,
      subStatus: '0xc0000064',
    });
  }
};
