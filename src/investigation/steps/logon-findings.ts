/**
 * Verdict signals from logons (DESIGN §2 step 11, beyond the notebook): an account logging on in a way it otherwise
 * does not, logons from public addresses, and failed-logon patterns (password spray, brute force) with a success
 * from the same address afterwards.
 */

import { parseIpAddress } from '../../analysis/iocs/ip-address.js';
import { isGlobalIp } from '../../analysis/iocs/ip-scope.js';
import { logonTypeName } from '../../analysis/logons/logon-types.js';
import type { SecurityEventRow } from '../../core/rows.js';
import { formatTime } from '../../core/time-window.js';
import type { Finding, StepId } from '../step.js';
import { counted, groupBy } from './step-blocks.js';

type LogonRow = Pick<
  SecurityEventRow,
  'Account' | 'TargetUserName' | 'TargetDomainName' | 'TargetUserSid' | 'LogonType' | 'IpAddress' | 'TimeGenerated'
> &
  Partial<Pick<SecurityEventRow, 'TargetLogonId'>>;

/** Logon types run at the machine itself, and those that come over the network. */
const localTypes = new Set([2, 4, 5, 7, 11]);
const remoteTypes = new Set([3, 8, 9, 10]);
/**
 * One address failing against this many accounts is a spray; this many failures, brute force. Fewer is what any
 * internet-facing host sees all day (scanners trying admin/test/user): summarised, not raised one by one.
 */
export const sprayAccounts = 5;
export const bruteForceFailures = 10;

/**
 * The account a logon is for: `Account`, else `DOMAIN\user` from the target columns. Windows writes `-` for an
 * unknown domain (failed logons of names that do not exist), which says nothing: `-\wembli` reads `wembli`.
 */
export function logonAccount(row: LogonRow): string | null {
  // `#NAME?` is what Excel leaves of a `-\user` cell in exports that went through it.
  const account = row.Account && row.Account !== '#NAME?' ? row.Account : targetAccount(row);
  return account ? account.replace(/^-\\/, '') : null;
}

function targetAccount(row: LogonRow): string | null {
  if (!row.TargetUserName) return null;
  return row.TargetDomainName ? `${row.TargetDomainName}\\${row.TargetUserName}` : row.TargetUserName;
}

/** SYSTEM, LOCAL/NETWORK SERVICE, anonymous, window-manager / font-driver and machine accounts: not people. */
export function isServiceIdentity(row: LogonRow): boolean {
  const sid = row.TargetUserSid ?? '';
  if (['S-1-5-18', 'S-1-5-19', 'S-1-5-20', 'S-1-5-7'].includes(sid)) return true;
  if (sid.startsWith('S-1-5-90-') || sid.startsWith('S-1-5-96-')) return true;
  return (logonAccount(row) ?? '').endsWith('$');
}

/** The source address of a logon when it names a remote machine (not `-`, empty or loopback). */
export function sourceAddress(row: Pick<SecurityEventRow, 'IpAddress'>): string | null {
  const ip = row.IpAddress?.trim();
  if (!ip || ip === '-' || ip === '::1' || ip.startsWith('127.')) return null;
  return ip;
}

const typeLabel = (type: number) => `${logonTypeName(type)} (${type})`;

/**
 * Accounts that log on over the network (Network, NetworkCleartext, NewCredentials, RemoteInteractive) less often
 * than at the machine: the remote logons stand out.
 */
export function unusualLogonTypeFindings(rows: readonly LogonRow[], alertLogonId: string | null): Finding[] {
  const people = rows.filter((row) => !isServiceIdentity(row) && row.LogonType !== null);
  return groupBy(people, logonAccount).flatMap(([account, logons]) => {
    const local = logons.filter((row) => localTypes.has(row.LogonType!));
    const remote = logons.filter((row) => remoteTypes.has(row.LogonType!));
    if (local.length === 0 || remote.length === 0 || remote.length >= local.length) return [];
    const usual = groupBy(local, (row) => typeLabel(row.LogonType!))
      .map(([type, group]) => `${type} ×${group.length}`)
      .join(', ');
    return groupBy(remote, (row) => typeLabel(row.LogonType!)).map(([type, group]): Finding => {
      const isAlertSession = group.some((row) => alertLogonId !== null && row.TargetLogonId === alertLogonId);
      return {
        leaning: 'malicious',
        reason: `${account} logged on as ${type} ${counted(group.length, 'time')}, but otherwise logs on ${usual}${isAlertSession ? ' — one of them is the alert session' : ''}.`,
        evidence: group
          .slice(0, 5)
          .map((row) => `${formatTime(row.TimeGenerated)} from ${sourceAddress(row) ?? 'local'}`)
          .join('; '),
        stepId: 'host-logons',
      };
    });
  });
}

/** True for a public (global) IP address. */
export function isPublicAddress(text: string): boolean {
  const ip = parseIpAddress(text);
  return ip !== null && isGlobalIp(ip);
}

/** Logons from public addresses, one finding per address. */
export function externalLogonFindings(rows: readonly LogonRow[], stepId: StepId = 'host-logons'): Finding[] {
  const external = rows.filter((row) => {
    const ip = sourceAddress(row);
    return ip !== null && isPublicAddress(ip);
  });
  return groupBy(external, sourceAddress)
    .slice(0, 5)
    .map(([ip, group]) => ({
      leaning: 'malicious',
      reason: `${counted(group.length, 'logon')} came from the public address ${ip}.`,
      evidence: [...new Set(group.map((row) => `${logonAccount(row) ?? '?'} · ${typeLabel(row.LogonType ?? 0)}`))]
        .slice(0, 5)
        .join('; '),
      stepId,
    }));
}

/** Failed logons from one address: how many, against which accounts, from when. */
export interface FailureSource {
  ip: string;
  failures: LogonRow[];
  accounts: string[];
  first: Date;
}

/** Failed logons grouped by remote source address, most failures first. */
export function failureSources(failures: readonly LogonRow[]): FailureSource[] {
  return groupBy(failures, sourceAddress).map(([ip, group]) => ({
    ip,
    failures: group,
    accounts: [...new Set(group.map((row) => logonAccount(row) ?? '?'))],
    first: new Date(group.reduce((min, row) => Math.min(min, row.TimeGenerated.getTime()), Number.POSITIVE_INFINITY)),
  }));
}

/**
 * Password spray (one address, several accounts) and brute force (one address, many failures), each with the
 * successful logon from that address that followed, if any.
 */
export function failedLogonFindings(failures: readonly LogonRow[], successes: readonly LogonRow[]): Finding[] {
  const findings: Finding[] = [];
  // Indexed once: a spray from many addresses must not rescan every successful logon per address.
  const successesFrom = new Map(groupBy(successes, sourceAddress));
  let quietSources = 0;
  let quietFailures = 0;
  for (const source of failureSources(failures)) {
    const spray = source.accounts.length >= sprayAccounts;
    const bruteForce = source.failures.length >= bruteForceFailures;
    const found = successesFrom.get(source.ip)?.find((row) => row.TimeGenerated >= source.first);
    // A success after a few failures is someone mistyping a password, unless it came from the internet.
    const success = spray || bruteForce || isPublicAddress(source.ip) ? found : undefined;
    if (!spray && !bruteForce && !success) {
      quietSources += 1;
      quietFailures += source.failures.length;
      continue;
    }
    const kind = spray ? 'Password spray' : bruteForce ? 'Brute force' : 'Failed logons from a public address';
    findings.push({
      leaning: spray || bruteForce ? 'malicious' : 'info',
      reason: `${kind}: ${source.ip} failed ${counted(source.failures.length, 'time')} against ${counted(source.accounts.length, 'account')}.`,
      evidence: source.accounts.slice(0, 10).join(', '),
      stepId: 'failed-logons',
    });
    if (success) {
      findings.push({
        leaning: 'malicious',
        reason: `After those failures, a logon from ${source.ip} succeeded: ${logonAccount(success) ?? '?'} at ${formatTime(success.TimeGenerated)}.`,
        evidence: `${typeLabel(success.LogonType ?? 0)} logon, session ${success.TargetLogonId ?? '?'}`,
        stepId: 'failed-logons',
      });
    }
  }
  if (quietSources > 0) {
    findings.push({
      leaning: 'info',
      reason: `${counted(quietSources, 'other address', 'other addresses')} failed a few times each (${counted(quietFailures, 'failure')} in all): typos and background scanning, none followed by a success from the internet.`,
      evidence: `fewer than ${sprayAccounts} accounts and ${bruteForceFailures} failures per address`,
      stepId: 'failed-logons',
    });
  }
  return findings;
}
