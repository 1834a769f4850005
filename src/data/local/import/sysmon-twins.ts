/**
 * Security 4688 and Sysmon 1 often record the same process creation. Keeping both would show every process twice
 * in a tree, so the Sysmon row is dropped when a Security 4688 twin exists, and the twin takes Sysmon's `UtcTime`
 * (the one trustworthy clock in these captures; Logstash's `@timestamp` is ingest time, 1–2 s late).
 */
import type { SecurityEventRow } from '../../../core/rows.js';
import { sysmonSourceName } from './sysmon-process.js';

// Twins are written within milliseconds; the slack covers ingest delay and imperfect local-time corrections.
const twinWindowMs = 5 * 60_000;

function imageKey(row: SecurityEventRow): string {
  return `${row.Computer.toLowerCase()}|${(row.NewProcessName ?? '').toLowerCase()}`;
}

/** Security 4688 rows indexed by host+image+pid, and by host+image+logon for Sysmon exports that lack ProcessId. */
class SecurityIndex {
  private readonly byPid = new Map<string, SecurityEventRow[]>();
  private readonly byLogon = new Map<string, SecurityEventRow[]>();
  readonly matched = new Set<SecurityEventRow>();

  add(row: SecurityEventRow): void {
    const base = imageKey(row);
    if (row.NewProcessId) push(this.byPid, `${base}|${row.NewProcessId.toLowerCase()}`, row);
    for (const logon of new Set([row.SubjectLogonId, row.TargetLogonId])) {
      if (logon) push(this.byLogon, `${base}|${logon.toLowerCase()}`, row);
    }
  }

  /** The unmatched Security twin of a Sysmon row, if any. */
  twinOf(sysmon: SecurityEventRow): SecurityEventRow | undefined {
    const base = imageKey(sysmon);
    const candidates = sysmon.NewProcessId
      ? this.byPid.get(`${base}|${sysmon.NewProcessId.toLowerCase()}`)
      : this.byLogon.get(`${base}|${(sysmon.SubjectLogonId ?? '').toLowerCase()}`);
    return candidates?.find((row) => !this.matched.has(row) && closeInTime(row, sysmon));
  }
}

function push(map: Map<string, SecurityEventRow[]>, key: string, row: SecurityEventRow): void {
  const bucket = map.get(key);
  if (bucket) bucket.push(row);
  else map.set(key, [row]);
}

function closeInTime(a: SecurityEventRow, b: SecurityEventRow): boolean {
  return Math.abs(a.TimeGenerated.getTime() - b.TimeGenerated.getTime()) <= twinWindowMs;
}

function isSysmonRow(row: SecurityEventRow): boolean {
  return row.EventSourceName === sysmonSourceName;
}

/**
 * Removes Sysmon-derived 4688 rows that duplicate a Security 4688 of the same file (same host and image, and same
 * pid — or, when the Sysmon export lacks ProcessId, same logon session — within minutes). Runs after the time
 * correction. Returns the rows kept and how many were dropped.
 */
export function dropSysmonTwins(rows: readonly SecurityEventRow[]): { rows: SecurityEventRow[]; dropped: number } {
  const index = new SecurityIndex();
  for (const row of rows) if (row.EventID === 4688 && !isSysmonRow(row)) index.add(row);
  const kept: SecurityEventRow[] = [];
  for (const row of rows) {
    const twin = isSysmonRow(row) ? index.twinOf(row) : undefined;
    if (!twin) {
      kept.push(row);
      continue;
    }
    index.matched.add(twin);
    twin.TimeGenerated = row.TimeGenerated;
    // Without command-line auditing a 4688 has no CommandLine; Sysmon always has it.
    twin.CommandLine ??= row.CommandLine;
  }
  return { rows: kept, dropped: rows.length - kept.length };
}
