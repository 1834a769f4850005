/**
 * Local provider latency: generates a demo workspace of N events (1M by default) in a temporary directory,
 * then times each named query (p50/p95 over repeated runs) with parameters taken from a planted attack story.
 * Target: every named query ≤ 100 ms on 1M events; generating 1M events ≤ 20 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAlert } from '../src/core/alert.js';
import type { QueryName, QueryParams } from '../src/data/catalog.js';
import { createLocalProvider } from '../src/data/local/local-provider.js';
import { openWorkspace } from '../src/data/local/workspace.js';
import { writeDemoWorkspace } from '../src/data/local/write-demo-workspace.js';
import { percentile } from './percentile.js';

export interface QueryBenchResult {
  events: number;
  generateSeconds: number;
  eventsPerSecond: number;
  queries: { name: QueryName; rows: number; p50: number; p95: number }[];
}

/** Runs the benchmark and prints plain lines. */
export async function run(events = Number(process.env.BENCH_EVENTS ?? 1_000_000)): Promise<QueryBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'socbot-bench-'));
  const workspace = await openWorkspace(dir);
  try {
    const end = new Date('2026-01-31T12:00:00Z');
    const written = await writeDemoWorkspace(workspace, { events, seed: 1, end });
    const eventsPerSecond = Math.round(written.events / written.seconds);
    console.log(
      `generate+write ${written.events} events: ${written.seconds.toFixed(1)} s, ${Math.round(eventsPerSecond / 1000)}k events/s`,
    );
    const provider = createLocalProvider(workspace);
    const story = written.stories.find((s) => /miner/i.test(s.name)) ?? written.stories[0];
    if (!story) throw new Error('the demo planted no story');
    const alertRow = (await provider.run('get_alert', { system_alert_id: story.alertId })).rows[0];
    if (!alertRow) throw new Error(`story alert ${story.alertId} not found`);
    const alert = parseAlert(alertRow);
    const at = alert.timeGenerated ?? end;
    const host = alert.hostName ?? story.host;
    const hour = 3_600_000;
    const day = 24 * hour;
    const around = (before: number, after: number) => ({
      start: new Date(at.getTime() - before),
      end: new Date(at.getTime() + after),
    });
    const params: { [Q in QueryName]: QueryParams<Q> } = {
      list_alerts: { ...around(7 * day, day) },
      list_alerts_counts: { ...around(7 * day, day) },
      get_alert: { system_alert_id: story.alertId },
      list_related_alerts: {
        ...around(5 * day, day),
        host_name: host,
        account_name: alert.accountQualifiedName ?? undefined,
        process_name: alert.processFilePath ?? undefined,
      },
      list_host_processes: { ...around(hour, 10 * 60_000), host_name: host },
      get_process_parent: {
        ...around(hour, 10 * 60_000),
        host_name: host,
        process_id: alert.processId ?? '0x0',
        process_name: alert.processFilePath ?? '',
        logon_session_id: alert.logonId ?? '0x0',
      },
      list_processes_in_session: {
        ...around(hour, 10 * 60_000),
        host_name: host,
        logon_session_id: alert.logonId ?? '0x0',
      },
      list_hosts_matching_commandline: {
        ...around(5 * day, day),
        process_name: alert.processName ?? '',
        commandline: alert.commandLine ?? '',
        exclude_host: host,
      },
      get_host_logon: { ...around(day, 0), host_name: host, logon_session_id: alert.logonId ?? '0x0' },
      list_host_logons: { ...around(day, 0), host_name: host },
      list_host_logon_failures: { ...around(day, 0), host_name: host },
    };
    const queries: QueryBenchResult['queries'] = [];
    for (const name of Object.keys(params) as QueryName[]) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < 12; i++) {
        const started = performance.now();
        const result = await provider.run(name, params[name] as never);
        if (i >= 2) times.push(performance.now() - started); // the first runs warm DuckDB's caches
        rows = result.rows.length;
      }
      times.sort((a, b) => a - b);
      const entry = { name, rows, p50: percentile(times, 50), p95: percentile(times, 95) };
      queries.push(entry);
      console.log(
        `query ${name} on ${written.events} events: p50 ${entry.p50.toFixed(1)} ms, p95 ${entry.p95.toFixed(1)} ms (${rows} rows)`,
      );
    }
    await provider.close();
    return { events: written.events, generateSeconds: written.seconds, eventsPerSecond, queries };
  } finally {
    workspace.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
