/**
 * Process-tree build time on synthetic 4688 events: 10k, 100k and 1M events on one host, with PID reuse,
 * shared timestamps and orphans (parents outside the window). Run alone with
 * `node --import tsx bench/process-tree.bench.ts`, or call `run()`.
 */
import { pathToFileURL } from 'node:url';
import { alertProcessTree, buildProcessTree, treeSummary } from '../src/analysis/process-tree/index.js';
import type { ProcessEvent } from '../src/analysis/process-tree/process-event.js';

const images = [
  'C:\\Windows\\System32\\svchost.exe',
  'C:\\Windows\\System32\\cmd.exe',
  'C:\\Windows\\System32\\conhost.exe',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Windows\\System32\\whoami.exe',
  'C:\\Program Files\\Agent\\agent.exe',
];

const maxDepth = 8;

/**
 * `count` deterministic events: each picks a parent among the last 64 events unless that one is already
 * `maxDepth` deep (real trees are shallow); every 500th event is an orphan started by services.exe.
 */
export function syntheticEvents(count: number): ProcessEvent[] {
  const start = Date.parse('2024-03-01T00:00:00Z');
  const events: ProcessEvent[] = [];
  const depths: number[] = [];
  for (let i = 0; i < count; i += 1) {
    // PIDs cycle through 16k values, so large runs reuse every pid many times.
    const pid = `0x${(4 + ((i * 4) % 65536)).toString(16)}`;
    const pick = i % 500 === 0 || i === 0 ? -1 : i - 1 - ((i * 7919) % Math.min(i, 64));
    const parentAt = pick >= 0 && depths[pick]! < maxDepth ? pick : -1;
    const parent = parentAt >= 0 ? events[parentAt] : undefined;
    depths.push(parentAt >= 0 ? depths[parentAt]! + 1 : 0);
    events.push({
      // Every third event shares its millisecond with the one before.
      TimeGenerated: new Date(start + i * 10 - (i % 3 === 0 ? 10 : 0)),
      Computer: 'BENCH1',
      NewProcessId: pid,
      NewProcessName: images[i % images.length]!,
      ProcessId: parent?.NewProcessId ?? '0x4',
      ParentProcessName: parent?.NewProcessName ?? 'C:\\Windows\\System32\\services.exe',
      SubjectLogonId: i % 7 === 0 ? '0x3e7' : '0xabc',
      TargetLogonId: '0x0',
      CommandLine: `${images[i % images.length]} --run ${i}`,
      SubjectUserName: 'bench',
      SubjectUserSid: 'S-1-5-21-1-2-3-1001',
      Account: 'CONTOSO\\bench',
      EventID: 4688,
    });
  }
  return events;
}

function timed<T>(work: () => T): { result: T; ms: number } {
  const begin = performance.now();
  const result = work();
  return { result, ms: performance.now() - begin };
}

/** Prints (and returns) build and alert-tree times for 10k, 100k and 1M events. */
export function run(sizes: readonly number[] = [10_000, 100_000, 1_000_000]): string[] {
  const lines: string[] = [];
  for (const size of sizes) {
    const events = syntheticEvents(size);
    const build = timed(() => buildProcessTree(events));
    const middle = events[Math.floor(size / 2)]!;
    const alert = timed(() =>
      alertProcessTree(events, { processId: middle.NewProcessId!, time: middle.TimeGenerated }),
    );
    const summary = treeSummary(build.result);
    const line =
      `process-tree ${size.toLocaleString('en')} events: build ${build.ms.toFixed(0)} ms ` +
      `(${summary.Processes} processes, ${summary.RootProcesses} roots, depth ${summary.LargestTreeDepth}), ` +
      `alert tree ${alert.ms.toFixed(0)} ms`;
    console.log(line);
    lines.push(line);
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) run();
