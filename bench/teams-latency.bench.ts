/**
 * Teams under load: the time from POSTing a message (`investigate <id>`) to the bot's `/api/messages` until its
 * first progress reply reaches the Bot Framework connector (a loopback fake), while 50 investigations are in flight
 * (50 clients, each sending its next `investigate` when the previous one has answered in full; the first 50 arrive
 * at once). Everything is real but the connector: express, the Agents SDK adapter, the socbot core on a demo
 * workspace. The Teams side (client and connector) runs in a worker thread, as Teams runs elsewhere; one warm-up
 * investigation goes first. Target: p99 ≤ 500 ms.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import express from 'express';
import { createSocbot } from '../src/app.js';
import { mountTeams } from '../src/channels/teams/mount-teams.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { percentile } from './percentile.js';
import type { LoadPlan, LoadResult } from './teams-latency-load.js';

export interface TeamsLatencyResult {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  completed: number;
}

/** Runs the Teams side (client and fake connector) in a worker thread, as Teams runs on other machines. */
function runLoadWorker(plan: LoadPlan): Promise<LoadResult> {
  const url = new URL('./teams-latency-load.ts', import.meta.url).href;
  // Workers do not inherit tsx's loader: register it, then import the TypeScript module.
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  const worker = new Worker(source, { eval: true, workerData: plan });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: LoadResult | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
  });
}

/** Runs the benchmark and prints plain lines. */
export async function run(
  events = Number(process.env.BENCH_EVENTS ?? 200_000),
  concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50),
  durationMs = Number(process.env.BENCH_DURATION_MS ?? 20_000),
): Promise<TeamsLatencyResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'socbot-teams-bench-'));
  const log = createLogger('silent');
  const socbot = await createSocbot(loadConfig({ SOCBOT_DATA_DIR: dataDir, SOCBOT_DEMO_EVENTS: String(events) }), log, {
    bootstrapDemo: true,
  });
  const app = express();
  const teams = mountTeams(app, {
    socbot,
    settings: { rules: { tenants: [], teams: [], conversations: [], users: [] } },
    log,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const alerts = await socbot.answer('alerts last 30d top 20', { correlationId: 'bench' });
    const alertIds = alerts.flatMap((s) => s.actions).flatMap((a) => /^investigate (\S+)$/.exec(a.command)?.[1] ?? []);
    if (alertIds.length === 0) throw new Error('the demo workspace has no alert to investigate');
    const plan: LoadPlan = {
      botUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      alertIds,
      concurrency,
      durationMs,
    };
    const load = await runLoadWorker(plan);
    await teams.idle();

    const sorted = [...load.latenciesMs].sort((a, b) => a - b);
    const result: TeamsLatencyResult = {
      samples: sorted.length,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.at(-1) ?? Number.NaN,
      completed: load.finished,
    };
    console.log(
      `teams message → first progress reply, ${concurrency} investigations in flight, ${events} events: ` +
        `p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms, max ${result.maxMs.toFixed(0)} ms ` +
        `(${result.samples} samples; ${result.completed} investigations answered in full; target p99 ≤ 500 ms)`,
    );
    return result;
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await socbot.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
