/**
 * Writes a demo workspace into a directory and prints its stories as JSON: benchmarks run it as a child process so
 * that generating (which leaves the allocator's high-water mark behind) does not count in what they measure.
 * `node --import tsx bench/generate-workspace.ts <dir> <events> <seed> <end ISO>`
 */
import { openWorkspace } from '../src/data/local/workspace.js';
import { type DemoWriteResult, writeDemoWorkspace } from '../src/data/local/write-demo-workspace.js';

const [dir, events, seed, end] = process.argv.slice(2);
if (!dir || !events || !seed || !end) throw new Error('usage: generate-workspace.ts <dir> <events> <seed> <end>');
const workspace = await openWorkspace(dir);
const result: DemoWriteResult = await writeDemoWorkspace(workspace, {
  events: Number(events),
  seed: Number(seed),
  end: new Date(end),
});
workspace.close();
process.stdout.write(JSON.stringify(result));
