/**
 * `investigate` end to end (every step, no threat intel) on a generated workspace of 1M events: total time, time to
 * the first answered step, and resident memory. Targets: ≤ 2 s end to end, first section ≤ 300 ms, RSS < 500 MB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalProvider } from '../src/data/local/local-provider.js';
import { openWorkspace } from '../src/data/local/workspace.js';
import { writeDemoWorkspace } from '../src/data/local/write-demo-workspace.js';
import { investigate } from '../src/investigation/commands/investigate.js';
import { createLogger } from '../src/logger.js';

export interface InvestigateBenchResult {
  story: string;
  totalMs: number;
  firstSectionMs: number;
  sections: number;
}

/** Runs the benchmark and prints plain lines. */
export async function run(events = Number(process.env.BENCH_EVENTS ?? 1_000_000)): Promise<InvestigateBenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'socbot-bench-'));
  const end = new Date('2026-01-31T12:00:00Z');
  const generating = await openWorkspace(dir);
  const demo = await writeDemoWorkspace(generating, { events, seed: 5, end });
  generating.close();
  // Reopen, as the server does after a restart: memory then reflects serving, not generating.
  const workspace = await openWorkspace(dir);
  const results: InvestigateBenchResult[] = [];
  try {
    const provider = createLocalProvider(workspace);
    const log = createLogger('silent');
    // Warm-up: the first investigation pays for DuckDB's caches and V8's compilation.
    const first = demo.stories[0];
    if (first) await investigate(first.alertId, { data: provider, now: () => end, log, correlationId: 'warm-up' });
    let peakRss = process.memoryUsage().rss;
    for (const story of demo.stories) {
      const started = performance.now();
      let firstSectionMs = Number.NaN;
      const sections = await investigate(
        story.alertId,
        { data: provider, now: () => end, log, correlationId: story.name },
        (event) => {
          if (event.type === 'finished' && Number.isNaN(firstSectionMs)) firstSectionMs = performance.now() - started;
        },
      );
      const totalMs = performance.now() - started;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      results.push({ story: story.name, totalMs, firstSectionMs, sections: sections.length });
      console.log(
        `investigate ${story.name} on ${demo.events} events: ${totalMs.toFixed(0)} ms total, first section ${firstSectionMs.toFixed(0)} ms, ${sections.length} sections`,
      );
    }
    console.log(`investigate peak RSS: ${Math.round(peakRss / 1024 / 1024)} MB`);
    await provider.close();
    return results;
  } finally {
    workspace.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
