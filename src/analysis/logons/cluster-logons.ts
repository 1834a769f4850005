/**
 * Host logons clustered by account and logon type (msticpy's EventClustering notebook), and the alert's own
 * logon session (the Process-Alerts notebook's "Alert Logon Account" step).
 */
import type { SecurityEventRow } from '../../core/rows.js';
import { type ClusterEventsResult, clusterEvents } from '../cluster/cluster-events.js';
import { charOrdScore } from '../cluster/string-features.js';

/** The logon columns clustering reads. */
export type LogonClusterRow = Pick<SecurityEventRow, 'Account' | 'LogonType' | 'TimeGenerated'>;

/** The clustering features added to each logon. */
export interface LogonFeatures {
  /** charOrdScore(Account): similar account names get similar numbers. */
  AccountNum: number;
}

/** msticpy's `max_cluster_distance` for logons: only (nearly) identical account × logon type pairs cluster. */
const logonEps = 0.0001;

/**
 * Clusters logons on (AccountNum, LogonType), eps 0.0001, normalised: msticpy's output rows and per-row labels.
 * A missing LogonType counts as 0 (Unknown) and a missing Account as '' so such rows still cluster.
 * @example clusterLogons(hostLogons).rows.filter((r) => r.ClusterSize === 1) // the one-off logons
 */
export function clusterLogons<T extends LogonClusterRow>(
  rows: readonly T[],
): ClusterEventsResult<T & LogonFeatures & { LogonType: number }> {
  const features = rows.map((row) =>
    Object.assign({}, row, { AccountNum: charOrdScore(row.Account ?? ''), LogonType: row.LogonType ?? 0 }),
  );
  return clusterEvents(features, { columns: ['AccountNum', 'LogonType'], eps: logonEps, timeColumn: 'TimeGenerated' });
}

/** Result of {@link alertLogonSession}: why there is nothing to show, or the session's logons. */
export type AlertLogonSession<T> =
  | { status: 'no-logon-id' }
  | { status: 'system-session'; logonId: string }
  | { status: 'found'; logonId: string; logons: T[] }
  | { status: 'not-found'; logonId: string };

/** The system session (`0x3e7`, any case) or Linux's unset session (`-1`): shared by everything, not one logon. */
export function isSystemLogonId(logonId: string): boolean {
  return logonId.toLowerCase() === '0x3e7' || logonId === '-1';
}

/**
 * The logons (4624 rows) that opened the alert's logon session (`TargetLogonId == logonId`); the system session is
 * skipped, as the notebook does, because its "logon" is the machine's boot.
 * @example alertLogonSession(hostLogons, '0xfaac27') // { status: 'found', logonId: '0xfaac27', logons: [...] }
 */
export function alertLogonSession<T extends Pick<SecurityEventRow, 'TargetLogonId'>>(
  rows: readonly T[],
  logonId: string | null | undefined,
): AlertLogonSession<T> {
  if (!logonId) return { status: 'no-logon-id' };
  if (isSystemLogonId(logonId)) return { status: 'system-session', logonId };
  const logons = rows.filter((row) => row.TargetLogonId === logonId);
  return logons.length ? { status: 'found', logonId, logons } : { status: 'not-found', logonId };
}
