/**
 * The notebook's host-logon summaries: logon counts per Account × logon type, and logons per type over time.
 * Both join LogonType to the name table, so logon types missing from the table are dropped (pandas inner merge).
 */
import type { SecurityEventRow } from '../../core/rows.js';
import { isKnownLogonType, logonTypeNames } from './logon-types.js';

/** The logon columns the summaries read. */
export type LogonSummaryRow = Pick<SecurityEventRow, 'Account' | 'LogonType' | 'TimeGenerated'>;

/** Account × logon-type counts; missing combinations are 0. */
export interface LogonCountTable {
  /** Logon type names present in the data, sorted (pandas sorts the unstacked columns). */
  logonTypes: string[];
  /** One row per account, sorted by account. */
  rows: { account: string; counts: Record<string, number> }[];
}

/** Logons of one type per time bucket. */
export interface LogonTypeSeries {
  logonType: string;
  /** Every bucket from the type's first to its last logon, empty buckets included (pandas `resample`). */
  buckets: { start: Date; count: number }[];
}

const dayMs = 86_400_000;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The notebook's "logon types by Account" table: count of logons per account and logon type name.
 * @example logonCountsByAccountAndType(logons).rows[0] // { account: 'NT AUTHORITY\\SYSTEM', counts: { Service: 15, … } }
 */
export function logonCountsByAccountAndType(
  rows: readonly Pick<SecurityEventRow, 'Account' | 'LogonType'>[],
): LogonCountTable {
  const counts = new Map<string, Map<string, number>>();
  const types = new Set<string>();
  for (const row of rows) {
    // pandas drops rows whose group key is missing, and the inner merge drops unnamed logon types.
    if (row.Account === null || !isKnownLogonType(row.LogonType)) continue;
    const type = logonTypeNames[row.LogonType]!;
    types.add(type);
    const perType = counts.get(row.Account) ?? new Map<string, number>();
    perType.set(type, (perType.get(type) ?? 0) + 1);
    counts.set(row.Account, perType);
  }
  const logonTypes = [...types].sort(byText);
  return {
    logonTypes,
    rows: [...counts.keys()].sort(byText).map((account) => ({
      account,
      counts: Object.fromEntries(logonTypes.map((type) => [type, counts.get(account)?.get(type) ?? 0])),
    })),
  };
}

/**
 * The notebook's "Number of logons by type" data: per logon type name, logons per `bucketMinutes` bucket.
 * Buckets are aligned to UTC midnight of the type's first logon (pandas' default `origin='start_day'`).
 * @example logonsOverTime(logons, 10)[0] // { logonType: 'Interactive', buckets: [{ start, count: 2 }] }
 */
export function logonsOverTime(rows: readonly LogonSummaryRow[], bucketMinutes = 10): LogonTypeSeries[] {
  const bucketMs = bucketMinutes * 60_000;
  const timesByType = new Map<string, number[]>();
  for (const row of rows) {
    if (!isKnownLogonType(row.LogonType)) continue;
    const type = logonTypeNames[row.LogonType]!;
    const times = timesByType.get(type) ?? [];
    times.push(row.TimeGenerated.getTime());
    timesByType.set(type, times);
  }
  return [...timesByType.keys()].sort(byText).map((logonType) => {
    const times = timesByType.get(logonType)!;
    // A loop, not Math.min(...times): spreading 100k+ arguments overflows the stack.
    const first = times.reduce((min, t) => Math.min(min, t));
    const last = times.reduce((max, t) => Math.max(max, t));
    const origin = Math.floor(first / dayMs) * dayMs;
    const bucketOf = (time: number) => Math.floor((time - origin) / bucketMs);
    const counts = new Array<number>(bucketOf(last) - bucketOf(first) + 1).fill(0);
    for (const time of times) counts[bucketOf(time) - bucketOf(first)]!++;
    return {
      logonType,
      buckets: counts.map((count, k) => ({ start: new Date(origin + (bucketOf(first) + k) * bucketMs), count })),
    };
  });
}
