/**
 * SecurityEvent columns Sentinel derives from the event data (Account, AccountType, Activity, LogonTypeName), so
 * rows built from raw events or sparse exports read like rows the workspace stores.
 */

import { sentinelLogonTypeName } from '../../../core/logon-types.js';
import type { SecurityEventRow } from '../../../core/rows.js';

/** The event ids socbot reads: process creation, logon, failed logon. */
export const usedEventIds: ReadonlySet<number> = new Set([4688, 4624, 4625]);

const activityTexts: Readonly<Record<number, string>> = {
  4688: 'A new process has been created.',
  4624: 'An account was successfully logged on.',
  4625: 'An account failed to log on.',
};

/** Sentinel's Activity: `"<EventID> - <first line of the rendered message>"`. */
export function activityText(eventId: number, message: string | null): string {
  const firstLine = message?.split(/\r?\n/, 1)[0]?.trim();
  return `${eventId} - ${firstLine || (activityTexts[eventId] ?? '')}`.trimEnd();
}

/** Sentinel's LogonTypeName (`"3 - Network"`); null for types Windows does not name. */
export const logonTypeName = sentinelLogonTypeName;

const machineAccounts = new Set(['SYSTEM', 'LOCAL SERVICE', 'NETWORK SERVICE']);

/** Sentinel's AccountType: "Machine" for computer accounts (`NAME$`) and the built-in service accounts. */
export function accountType(userName: string | null): string | null {
  if (!userName || userName === '-') return null;
  return userName.endsWith('$') || machineAccounts.has(userName.toUpperCase()) ? 'Machine' : 'User';
}

/** `DOMAIN\user`, as Sentinel writes Account; null without a user name. */
export function qualifiedAccount(domain: string | null, user: string | null): string | null {
  if (!user) return null;
  return domain ? `${domain}\\${user}` : user;
}

/** `{guid}` → `guid`: Sentinel stores LogonGuid without braces. */
export function stripBraces(guid: string | null): string | null {
  return guid === null ? null : guid.replace(/^\{(.*)\}$/, '$1');
}

// Excel turns the text `-\user` into a formula and saves `#NAME?`: the value is lost and must be rebuilt.
const spreadsheetErrors = new Set(['#NAME?', '#VALUE!', '#REF!']);

function usable(value: string | null): string | null {
  return value !== null && spreadsheetErrors.has(value) ? null : value;
}

/**
 * Fills the derived columns a source lacked (or lost to a spreadsheet round trip). Account is the subject for
 * process creation and the target for logons, as Sentinel does.
 */
export function fillDerivedColumns(row: SecurityEventRow, message: string | null = null): SecurityEventRow {
  const isLogon = row.EventID === 4624 || row.EventID === 4625;
  const targetAccount = qualifiedAccount(row.TargetDomainName, row.TargetUserName);
  row.TargetAccount = usable(row.TargetAccount) ?? (isLogon ? targetAccount : null);
  const account = isLogon ? targetAccount : qualifiedAccount(row.SubjectDomainName, row.SubjectUserName);
  row.Account = usable(row.Account) ?? account;
  row.AccountType ??= accountType(isLogon ? row.TargetUserName : row.SubjectUserName);
  row.Activity ??= activityText(row.EventID, message);
  row.LogonTypeName ??= logonTypeName(row.LogonType);
  return row;
}
