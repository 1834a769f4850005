/**
 * How fast the demo generator is, without the database: generates 100k and 1M background events and reports
 * events per second. Run with `node --import tsx bench/generate-demo.bench.ts`; a bench runner calls `run()`.
 */
import { pathToFileURL } from 'node:url';
import { generateDemoWorkspace } from '../src/data/local/demo/generate-demo-workspace.js';

/** One measured generation. */
export interface GenerateDemoResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Peak heap growth while generating, in MB: stays flat because only one batch is alive. */
  heapMb: number;
}

const end = new Date('2024-06-01T00:00:00Z');

function measure(events: number): GenerateDemoResult {
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const started = performance.now();
  const workspace = generateDemoWorkspace({ events, seed: 42, end });
  let rows = 0;
  for (const batch of workspace.events()) {
    rows += batch.length;
    if (rows % 100_000 < batch.length) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    events: rows,
    seconds,
    eventsPerSecond: rows / seconds,
    heapMb: (heapPeak - heapBefore) / 1_048_576,
  };
}

/** Generates each size once and prints one plain line per size; returns the measurements. */
export function run(sizes: readonly number[] = [100_000, 1_000_000]): GenerateDemoResult[] {
  measure(20_000); // warm-up: JIT and module loading are not what this measures
  return sizes.map((size) => {
    const result = measure(size);
    console.log(
      `generate ${size} events: ${result.seconds.toFixed(1)} s, ${Math.round(result.eventsPerSecond / 1000)}k events/s, heap +${Math.round(result.heapMb)} MB`,
    );
    return result;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) run();
