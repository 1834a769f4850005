/**
 * Writes a generated demo workspace into the embedded store, and creates one on first start.
 */
import { securityEventColumns } from '../../core/rows.js';
import type { Logger } from '../../logger.js';
import { bulkLoad } from './bulk-load.js';
import { type DemoOptions, generateDemoWorkspace } from './demo/generate-demo-workspace.js';
import { appendRows, countRows, readMeta, type Workspace, writeMeta } from './workspace.js';

export interface DemoWriteResult {
  alerts: number;
  events: number;
  seconds: number;
  stories: { name: string; alertId: string; host: string; summary: string }[];
}

/** Generates the demo data and appends it; `onProgress` hears the running event count. */
export async function writeDemoWorkspace(
  workspace: Workspace,
  options: DemoOptions,
  onProgress: (events: number) => void = () => undefined,
): Promise<DemoWriteResult> {
  const started = performance.now();
  const demo = generateDemoWorkspace(options);
  const { connection } = workspace;
  await appendRows(connection, 'SecurityAlert', demo.alerts);
  let generated = 0;
  const batches = function* () {
    for (const batch of demo.events()) {
      yield batch;
      generated += batch.length;
      onProgress(generated);
    }
  };
  const events = await bulkLoad(connection, 'SecurityEvent', securityEventColumns, batches());
  await writeMeta(
    connection,
    'demo',
    JSON.stringify({
      events: options.events,
      seed: options.seed,
      end: options.end.toISOString(),
      stories: demo.stories,
    }),
  );
  // A checkpoint folds the write-ahead log into the file, so the next start opens fast.
  await connection.run('CHECKPOINT');
  return { alerts: demo.alerts.length, events, seconds: (performance.now() - started) / 1000, stories: demo.stories };
}

/** On first start (an empty workspace never initialised), generates the demo so `npm start` has data to show. */
export async function ensureDemoWorkspace(
  workspace: Workspace,
  options: Omit<DemoOptions, 'end'> & { end?: Date },
  log: Logger,
): Promise<void> {
  const counts = await countRows(workspace.connection);
  if (counts.SecurityAlert > 0 || counts.SecurityEvent > 0 || (await readMeta(workspace.connection, 'demo'))) return;
  // The demo ends at the current hour, so `alerts` shows recent alerts out of the box.
  const end = options.end ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  log.info({ events: options.events, seed: options.seed }, 'empty workspace: generating the demo workspace');
  const result = await writeDemoWorkspace(workspace, { ...options, end });
  log.info(
    { alerts: result.alerts, events: result.events, seconds: result.seconds.toFixed(1) },
    'demo workspace ready',
  );
}
