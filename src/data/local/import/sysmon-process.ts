/**
 * Sysmon EventID 1 (process create) → a 4688-shaped SecurityEvent row.
 *
 * Decision: Sentinel would store Sysmon in the `Event` table, which socbot does not read. The process tree and
 * clustering only look at EventID 4688, so a Sysmon 1 becomes an EventID 4688 row, marked as Sysmon's by
 * `EventSourceName = 'Microsoft-Windows-Sysmon'` and its Channel. It is a fallback: when the same file has the
 * Security 4688 of the same process, the Sysmon row is dropped as a duplicate (see `sysmon-twins.ts`).
 */
import { emptySecurityEvent, type SecurityEventRow } from '../../../core/rows.js';
import { decimalToHexId, toText } from './cell-values.js';
import { accountType, activityText, stripBraces } from './event-derived.js';
import type { SourceRecord } from './import-types.js';

/** The marker a Sysmon-derived row carries in EventSourceName. */
export const sysmonSourceName = 'Microsoft-Windows-Sysmon';
const sysmonChannel = 'Microsoft-Windows-Sysmon/Operational';

/** True for events of the Sysmon channel (any EventID). */
export function isSysmonEvent(record: SourceRecord): boolean {
  const channel = typeof record.Channel === 'string' ? record.Channel.toLowerCase() : '';
  return channel === sysmonChannel.toLowerCase() || record.SourceName === sysmonSourceName;
}

// Sysmon reports the integrity level by name; Security 4688 writes the mandatory label SID.
const mandatoryLabels: Readonly<Record<string, string>> = {
  untrusted: 'S-1-16-0',
  low: 'S-1-16-4096',
  medium: 'S-1-16-8192',
  high: 'S-1-16-12288',
  system: 'S-1-16-16384',
};

/** `DOMAIN\user` → its two halves; a bare name has no domain. */
function splitUser(user: string | null): { domain: string | null; name: string | null } {
  if (!user) return { domain: null, name: null };
  const slash = user.indexOf('\\');
  return slash < 0 ? { domain: null, name: user } : { domain: user.slice(0, slash), name: user.slice(slash + 1) };
}

/** Builds the 4688-shaped row of a Sysmon 1 event; ids become Windows' hex (`4824` → `0x12d8`). */
export function sysmonProcessRow(record: SourceRecord, computer: string, time: Date): SecurityEventRow {
  const row = emptySecurityEvent({ TimeGenerated: time, Computer: computer, EventID: 4688 });
  const user = toText(record.User);
  const { domain, name } = splitUser(user);
  row.Channel = sysmonChannel;
  row.EventSourceName = sysmonSourceName;
  row.Activity = activityText(4688, null);
  row.Account = user;
  row.AccountType = accountType(name);
  row.SubjectUserName = name;
  row.SubjectDomainName = domain;
  row.SubjectLogonId = toText(record.LogonId);
  row.LogonGuid = stripBraces(toText(record.LogonGuid));
  row.NewProcessName = toText(record.Image);
  row.NewProcessId = decimalToHexId(record.ProcessId, 'ProcessId');
  row.ProcessId = decimalToHexId(record.ParentProcessId, 'ParentProcessId');
  row.ParentProcessName = toText(record.ParentImage);
  row.CommandLine = toText(record.CommandLine);
  row.MandatoryLabel = mandatoryLabels[String(record.IntegrityLevel).toLowerCase()] ?? null;
  return row;
}
