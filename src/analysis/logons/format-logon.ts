/**
 * One logon event as the lines msticpy's `display_logon_data` shows (`nbdisplay._fmt_single_row`), kept as
 * structured lines so every renderer can lay them out; `logonLinesToHtml` gives msticpy's exact strings.
 */
import type { SecurityEventRow } from '../../core/rows.js';
import { logonTypeName } from './logon-types.js';
import { explainSid } from './well-known-sids.js';

/** The logon columns the display reads (`audit_user` only for Linux logons). */
export type LogonDisplayRow = Pick<
  SecurityEventRow,
  | 'TimeGenerated'
  | 'TargetUserName'
  | 'TargetDomainName'
  | 'LogonType'
  | 'TargetUserSid'
  | 'TargetLogonId'
  | 'SubjectUserName'
  | 'SubjectDomainName'
  | 'LogonProcessName'
  | 'AuthenticationPackageName'
  | 'IpAddress'
  | 'WorkstationName'
  | 'Status'
> & { audit_user?: string | null };

/** A line of the logon display: a labelled value, an indented note (SID explanations), or an empty line. */
export type LogonLine =
  | { kind: 'field'; label: string; value: string }
  | { kind: 'note'; text: string }
  | { kind: 'break' };

/** Options of {@link formatLogon}. */
export interface FormatLogonOptions {
  /** Windows (default) adds the logon type and SID notes; Linux adds the audit user instead. */
  osFamily?: 'Windows' | 'Linux';
}

/** Label of the session line msticpy builds but never shows. */
export const sessionIdLabel = 'Session id';

/** A Date as pandas prints a naive Timestamp: `2019-02-12 04:56:34.307000`, no fraction when it is zero. */
export function formatPandasTimestamp(time: Date): string {
  const iso = time.toISOString(); // 2019-02-12T04:56:34.307Z
  const ms = time.getUTCMilliseconds();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms ? `.${iso.slice(20, 23)}000` : ''}`;
}

// msticpy prints a missing value as `None`/`nan`; an empty string says "no value" without Python's words.
const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

const field = (label: string, value: string): LogonLine => ({ kind: 'field', label, value });

function sessionLine(logonId: string | null): LogonLine {
  const isSystem = logonId === '0x3e7' || logonId === '-1';
  return field(sessionIdLabel, isSystem ? `${logonId} (system logon session)` : text(logonId));
}

/**
 * The display lines of one logon, in msticpy's order.
 *
 * Deliberate difference from msticpy (msticpy-facts §j.9): msticpy builds a "Session id" line and never adds it;
 * here it is shown, after the SID lines (where msticpy builds it). Every other line is msticpy's.
 * @example formatLogon(row).filter((l) => l.kind === 'field').map((l) => l.label) // ['Account', 'Account Domain', …]
 */
export function formatLogon(row: LogonDisplayRow, options: FormatLogonOptions = {}): LogonLine[] {
  const windows = (options.osFamily ?? 'Windows') === 'Windows';
  const lines: LogonLine[] = [
    field('Account', text(row.TargetUserName)),
    field('Account Domain', text(row.TargetDomainName)),
    field('Logon Time', formatPandasTimestamp(row.TimeGenerated)),
  ];
  if (windows) lines.push(field('Logon type', `${text(row.LogonType)}(${logonTypeName(row.LogonType)})`));
  lines.push(field('User Id/SID', text(row.TargetUserSid)));
  if (windows) lines.push(...explainSid(row.TargetUserSid).map((note): LogonLine => ({ kind: 'note', text: note })));
  else lines.push(field('Audit user', text(row.audit_user)));
  lines.push(sessionLine(row.TargetLogonId), { kind: 'break' });
  const domain = row.SubjectDomainName;
  lines.push(
    field('Subject (source) account', domain ? `${domain}/${text(row.SubjectUserName)}` : text(row.SubjectUserName)),
    field('Logon process', text(row.LogonProcessName)),
    field('Authentication', text(row.AuthenticationPackageName)),
    field('Source IpAddress', text(row.IpAddress)),
    field('Source Host', text(row.WorkstationName)),
    field('Logon status', text(row.Status)),
    { kind: 'break' },
  );
  return lines;
}

/** msticpy's HTML strings for the lines (`<b>Label: </b>value`, `&nbsp;&nbsp;note`, `''`); values are not escaped. */
export function logonLinesToHtml(lines: readonly LogonLine[]): string[] {
  return lines.map((line) => {
    if (line.kind === 'field') return `<b>${line.label}: </b>${line.value}`;
    return line.kind === 'note' ? `&nbsp;&nbsp;${line.text}` : '';
  });
}

/** Plain text lines (`Label: value`, two-space indented notes, empty lines) for text channels. */
export function logonLinesToText(lines: readonly LogonLine[]): string[] {
  return lines.map((line) => {
    if (line.kind === 'field') return `${line.label}: ${line.value}`;
    return line.kind === 'note' ? `  ${line.text}` : '';
  });
}
