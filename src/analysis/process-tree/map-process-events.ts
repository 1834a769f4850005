/**
 * Turns rows with other column names (auditd, volatility pslist, raw JSON/CSV exports) into `ProcessEvent`s,
 * the way msticpy's `ProcSchema` maps columns onto its process-tree builder.
 */
import { type ProcessEvent, toDate, valueText } from './process-event.js';

/** Which source column feeds each ProcessEvent column; unmapped columns become null. */
export type ProcessColumnMap = Partial<Record<keyof ProcessEvent, string>>;

/** Identity mapping for rows that already use Sentinel's SecurityEvent column names. */
export const windowsEventColumns: ProcessColumnMap = {
  TimeGenerated: 'TimeGenerated',
  Computer: 'Computer',
  NewProcessId: 'NewProcessId',
  NewProcessName: 'NewProcessName',
  ProcessId: 'ProcessId',
  ParentProcessName: 'ParentProcessName',
  SubjectLogonId: 'SubjectLogonId',
  TargetLogonId: 'TargetLogonId',
  CommandLine: 'CommandLine',
  SubjectUserName: 'SubjectUserName',
  SubjectUserSid: 'SubjectUserSid',
  Account: 'Account',
  EventID: 'EventID',
};

/** msticpy's `LX_EVENT_SCH`: auditd process rows (exe, pid, ppid, ses, cmdline, acct, uid). */
export const auditdProcessColumns: ProcessColumnMap = {
  TimeGenerated: 'TimeGenerated',
  Computer: 'Computer',
  NewProcessName: 'exe',
  NewProcessId: 'pid',
  ProcessId: 'ppid',
  SubjectLogonId: 'ses',
  CommandLine: 'cmdline',
  SubjectUserName: 'acct',
  SubjectUserSid: 'uid',
};

/** auditd's process-execution event type (msticpy's Linux event filter). */
export const auditdExecEventType = 'SYSCALL_EXECVE';

/**
 * Maps records onto ProcessEvents. Ids and text become strings (numbers lose pandas' `.0`), times become
 * Dates; `eventId` fills EventID when it is not mapped (the rows are process creations by construction).
 */
export function mapProcessEvents(
  records: readonly Record<string, unknown>[],
  columns: ProcessColumnMap,
  options: { eventId?: number } = {},
): ProcessEvent[] {
  const pick = (record: Record<string, unknown>, column: keyof ProcessEvent): string | null => {
    const source = columns[column];
    return source === undefined ? null : valueText(record[source]);
  };
  return records.map((record) => {
    const eventIdColumn = columns.EventID;
    const eventId = eventIdColumn === undefined ? null : Number(record[eventIdColumn]);
    return {
      TimeGenerated: toDate(columns.TimeGenerated === undefined ? null : record[columns.TimeGenerated]),
      Computer: pick(record, 'Computer') ?? '',
      NewProcessId: pick(record, 'NewProcessId'),
      NewProcessName: pick(record, 'NewProcessName'),
      ProcessId: pick(record, 'ProcessId'),
      ParentProcessName: pick(record, 'ParentProcessName'),
      SubjectLogonId: pick(record, 'SubjectLogonId'),
      TargetLogonId: pick(record, 'TargetLogonId'),
      CommandLine: pick(record, 'CommandLine'),
      SubjectUserName: pick(record, 'SubjectUserName'),
      SubjectUserSid: pick(record, 'SubjectUserSid'),
      Account: pick(record, 'Account'),
      EventID: eventId !== null && Number.isFinite(eventId) ? eventId : (options.eventId ?? 4688),
    };
  });
}

/** auditd process rows (EventType SYSCALL_EXECVE only) as ProcessEvents, keeping `cwd` for the text view. */
export function auditdToProcessEvents(
  records: readonly Record<string, unknown>[],
): (ProcessEvent & { cwd: string | null })[] {
  const execs = records.filter((record) => record.EventType === undefined || record.EventType === auditdExecEventType);
  const events = mapProcessEvents(execs, auditdProcessColumns);
  return events.map((event, i) => ({ ...event, cwd: valueText(execs[i]?.cwd) }));
}
