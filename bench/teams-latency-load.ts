/**
 * The Teams side of the Teams latency bench, run in a worker thread: it POSTs `investigate` messages to the bot
 * and plays the Bot Framework connector the bot replies to. Keeping it off the bot's event loop measures what
 * Teams would see, not how long a busy bot takes to read its own fake's requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { channelThread, deliver, message } from '../test/channels/teams/teams-fixtures.js';
import { FakeBotConnector } from '../test/fakes/bot-connector-server.js';

/** What the bench hands the worker. */
export interface LoadPlan {
  botUrl: string;
  alertIds: string[];
  concurrency: number;
  durationMs: number;
}

/** What the worker reports back. */
export interface LoadResult {
  latenciesMs: number[];
  started: number;
  finished: number;
}

/** Keeps `concurrency` investigations running until the deadline; times each one's first progress reply. */
async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const connector = await FakeBotConnector.start();
  const posted = new Map<string, number>();
  const finishers = new Map<string, () => void>();
  const latenciesMs: number[] = [];
  connector.onCall((call) => {
    const start = posted.get(call.conversationId);
    // The first message in a thread is the progress message (typing indicators are not messages).
    if (start !== undefined && call.activity.type === 'message') {
      latenciesMs.push(call.at - start);
      posted.delete(call.conversationId);
    }
    if (call.kind === 'update' && call.activity.summary?.includes('finished')) finishers.get(call.conversationId)?.();
  });
  let started = 0;
  let finished = 0;
  let deadline = Number.POSITIVE_INFINITY;
  const investigate = async () => {
    const thread = channelThread(`bench-${started}`);
    const alertId = plan.alertIds[started % plan.alertIds.length]!;
    started += 1;
    const done = new Promise<void>((resolve) => finishers.set(thread.conversationId, resolve));
    posted.set(thread.conversationId, performance.now());
    const response = await deliver(plan.botUrl, message(connector.url, thread, `investigate ${alertId}`));
    if (response.status !== 200) throw new Error(`the bot answered ${response.status}`);
    await done;
    finishers.delete(thread.conversationId);
    finished += 1;
  };
  // Warm-up, not measured: the first investigation pays for compilation, DuckDB's caches and the image engines.
  await investigate();
  latenciesMs.length = 0;
  finished = 0;
  deadline = performance.now() + plan.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) await investigate();
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  await connector.close();
  return { latenciesMs, started, finished };
}

if (parentPort) {
  const port = parentPort;
  generateLoad(workerData as LoadPlan).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ error: String(error) }),
  );
}
