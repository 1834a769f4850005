/**
 * Why a logon failed, in words: the NTSTATUS codes Windows writes into 4625 Status / SubStatus (Microsoft's
 * "4625(F): An account failed to log on" reference), and the `%%NNNN` message ids of FailureReason.
 */
import type { SecurityEventRow } from '../../core/rows.js';

/** NTSTATUS codes of failed logons, lower-case hex. */
const statusText: Readonly<Record<string, string>> = {
  '0xc000005e': 'no logon servers available',
  '0xc0000064': 'user name does not exist',
  '0xc000006a': 'wrong password',
  '0xc000006d': 'bad user name or password',
  '0xc000006e': 'account restriction',
  '0xc000006f': 'outside allowed logon hours',
  '0xc0000070': 'workstation not allowed',
  '0xc0000071': 'password expired',
  '0xc0000072': 'account disabled',
  '0xc00000dc': 'server in the wrong state',
  '0xc0000133': 'clocks out of sync',
  '0xc000015b': 'logon type not granted',
  '0xc000018c': 'trust relationship failed',
  '0xc0000192': 'Netlogon service not started',
  '0xc0000193': 'account expired',
  '0xc0000224': 'must change password at next logon',
  '0xc0000225': 'Windows bug (not a risk)',
  '0xc0000234': 'account locked out',
  '0xc00002ee': 'an error occurred during logon',
  '0xc0000413': 'authentication firewall: not allowed',
};

/** FailureReason message ids as raw exports carry them. */
const messageText: Readonly<Record<string, string>> = {
  '%%2304': 'an error occurred during logon',
  '%%2305': 'user not allowed to log on at this computer',
  '%%2307': 'account locked out',
  '%%2308': 'outside allowed logon hours',
  '%%2309': 'password expired',
  '%%2310': 'account disabled',
  '%%2311': 'account expired',
  '%%2312': 'logon type not granted',
  '%%2313': 'unknown user name or bad password',
};

function describeStatus(code: string | null): string | null {
  if (!code) return null;
  return statusText[code.trim().toLowerCase()] ?? null;
}

/**
 * The failure reason of a 4625 in words: the SubStatus (more precise) or Status code, else FailureReason.
 * @example failureReason({ Status: '0xc000006d', SubStatus: '0xc0000064', FailureReason: '%%2313' }) // 'user name does not exist'
 */
export function failureReason(row: Pick<SecurityEventRow, 'Status' | 'SubStatus' | 'FailureReason'>): string {
  const reason = row.FailureReason?.trim();
  return describeStatus(row.SubStatus) ?? describeStatus(row.Status) ?? (reason ? (messageText[reason] ?? reason) : '');
}

/** Status / SubStatus codes as one cell: `0xc000006d / 0xc0000064`. */
export function statusCodes(row: Pick<SecurityEventRow, 'Status' | 'SubStatus'>): string {
  return [row.Status, row.SubStatus].filter((code) => code && code !== '0x0').join(' / ');
}
