/**
 * Slack slash command → acknowledgement, while 50 investigations run: the real Bolt app on the bot's express server
 * (this thread, nothing else on it), and in a worker thread — as Slack is another machine — the fake Slack Web API
 * and the client sending signed requests. Reports p50/p99 of the ack time of `/socbot help` probes sent every 100 ms
 * during the load, and of the 50 `/socbot investigate` commands themselves. Target: p99 ≤ 200 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { createSocbot } from '../src/app.js';
import { mountSlack } from '../src/channels/slack/mount-slack.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';
import {
  sendToSlackEvents,
  slashCommand,
  testSigningSecret,
  testToken,
} from '../test/channels/slack/slack-requests.js';
import { FakeSlackApi } from '../test/fakes/slack-api-server.js';
import { percentile } from './percentile.js';

export interface SlackAckBenchResult {
  probeP50Ms: number;
  probeP99Ms: number;
  investigateP99Ms: number;
  probes: number;
}

/** Messages between the bench (server side) and its worker (Slack's side). */
type ToWorker =
  | { type: 'commands'; base: string; commands: { text: string; channel: string }[] }
  | { type: 'probe'; base: string }
  | { type: 'stop' };
type FromWorker =
  | { type: 'ready'; apiUrl: string }
  | { type: 'acked'; ms: number[] }
  | { type: 'probed'; ms: number[]; messages: number; uploads: number };

function summary(label: string, samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  console.log(
    `${label}: ${samples.length} acks, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
  );
  return { p50, p99 };
}

// ---- Slack's side (worker thread) ----

/** A probe command every 100 ms: ten slash commands a second on top of the load, and each is answered too. */
const probeEveryMs = 100;

async function slackSide(): Promise<void> {
  const port = parentPort!;
  const fake = await FakeSlackApi.start({ token: testToken });
  let sent = 0;
  let probing = false;
  const timedAck = async (base: string, text: string, channel: string) => {
    sent += 1;
    const request = slashCommand(text, { user: 'U0BENCH', channel, responseUrl: fake.responseUrl(`bench-${sent}`) });
    const started = performance.now();
    const response = await sendToSlackEvents(base, request);
    await response.text();
    if (response.status !== 200) throw new Error(`ack failed with ${response.status}`);
    return performance.now() - started;
  };
  const reply = (message: FromWorker) => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'commands') {
      const acks = message.commands.map((c) => timedAck(message.base, c.text, c.channel));
      void Promise.all(acks).then((ms) => reply({ type: 'acked', ms }));
    } else if (message.type === 'probe') {
      probing = true;
      void (async () => {
        const ms: number[] = [];
        for (let n = 0; probing || ms.length < 100; n++) {
          ms.push(await timedAck(message.base, 'help', `C0PROBE${n}`));
          await sleep(probeEveryMs);
        }
        reply({ type: 'probed', ms, messages: fake.callsOf('chat.postMessage').length, uploads: fake.uploads.length });
        await fake.close();
      })();
    } else {
      probing = false;
    }
  });
  reply({ type: 'ready', apiUrl: fake.apiUrl });
}

// ---- the bot's side (main thread) ----

function startSlackSide(): { worker: Worker; next: <T extends FromWorker['type']>(type: T) => Promise<FromWorker> } {
  // Workers do not inherit tsx's loader: register it first, then load this very file.
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(code, { eval: true });
  const next = (type: FromWorker['type']) =>
    new Promise<FromWorker>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type !== type) return;
        worker.off('message', onMessage);
        resolve(message);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  return { worker, next };
}

/** Runs the benchmark and prints plain lines. */
export async function run(events = Number(process.env.BENCH_EVENTS ?? 100_000)): Promise<SlackAckBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'socbot-slack-bench-'));
  const log = createLogger('silent');
  const socbot = await createSocbot(loadConfig({ SOCBOT_DATA_DIR: dir, SOCBOT_DEMO_EVENTS: String(events) }), log, {
    bootstrapDemo: true,
  });
  const side = startSlackSide();
  const send = (message: ToWorker) => side.worker.postMessage(message);
  const ready = await side.next('ready');
  if (ready.type !== 'ready') throw new Error('the Slack side did not start');
  const app = createServer({
    answer: socbot.answer,
    health: socbot.health,
    images: socbot.images,
    audit: socbot.audit,
  });
  const slack = await mountSlack(app, {
    settings: {
      signingSecret: testSigningSecret,
      botToken: testToken,
      apiUrl: ready.apiUrl,
      rules: { tenants: [], teams: [], conversations: [], users: [] },
    },
    socbot,
    log,
    // Production pacing (1 message/s per channel) and compute slots; fast retries in case the fake hiccups.
    tuning: { retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 } },
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const top = (await socbot.answer('alerts last 30d top 50', { correlationId: 'bench' }))
      .find((s) => s.id === 'alerts-top')
      ?.blocks.find((b) => b.kind === 'table');
    const ids = top?.kind === 'table' ? top.rows.map((row) => row.id).filter((id): id is string => Boolean(id)) : [];
    if (ids.length === 0) throw new Error('the demo workspace has no alerts');
    // Warm-up: V8, DuckDB caches, fonts, chart rendering and Bolt's path are paid once, before timing.
    await socbot.images.attach(await socbot.answer(`investigate ${ids[0]}`, { correlationId: 'warm-up' }));
    send({ type: 'commands', base, commands: [{ text: 'help', channel: 'C0WARMUP' }] });
    await side.next('acked');
    await slack.idle();

    const started = performance.now();
    const commands = Array.from({ length: 50 }, (_, i) => ({
      text: `investigate ${ids[i % ids.length]}`,
      channel: `C0LOAD${i}`,
    }));
    const acked = side.next('acked');
    const probed = side.next('probed');
    send({ type: 'commands', base, commands });
    send({ type: 'probe', base });
    const loadAcks = await acked;
    // Probe for as long as the investigations run and post (at most 90 s): each is audited once fully posted.
    const investigationsAudited = async () =>
      (await socbot.audit.recent(10_000)).filter((entry) => entry.command.startsWith('investigate ')).length;
    let busy = true;
    for (const deadline = performance.now() + 90_000; busy && performance.now() < deadline; await sleep(500)) {
      busy = (await investigationsAudited()) < commands.length;
    }
    send({ type: 'stop' });
    const probes = await probed;
    if (loadAcks.type !== 'acked' || probes.type !== 'probed')
      throw new Error('unexpected message from the Slack side');
    const loadSeconds = (performance.now() - started) / 1000;
    const investigate = summary('slack ack of the 50 investigate commands', loadAcks.ms);
    const probe = summary('slack ack while 50 investigations run', probes.ms);
    console.log(
      `slack ack p99 ${probe.p99.toFixed(1)} ms (target ≤ 200 ms: ${probe.p99 <= 200 ? 'met' : 'NOT met'}), probed for ${loadSeconds.toFixed(1)} s on ${events} events, investigations ${busy ? 'NOT all done' : 'all done'}; ${probes.messages} messages and ${probes.uploads} images posted`,
    );
    return {
      probeP50Ms: probe.p50,
      probeP99Ms: probe.p99,
      investigateP99Ms: investigate.p99,
      probes: probes.ms.length,
    };
  } finally {
    await slack.idle();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await side.worker.terminate();
    await socbot.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!isMainThread) await slackSide();
else if (import.meta.url === `file://${process.argv[1]}`) await run();
