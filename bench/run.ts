/**
 * `npm run bench`: every benchmark, one after another, printing plain numbers. Each bench file exports `run()`.
 * Pass names to run a subset: `npm run bench -- local-queries cluster`.
 *
 * Each benchmark runs in a process of its own, so the memory one reports is not what an earlier one left behind.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace('.bench.ts', ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n== ${name}`);
  const url = new URL(`./${name}.bench.ts`, dir).href;
  const script = `const m = await import(${JSON.stringify(url)});
if (typeof m.run !== 'function') console.log('(no run() exported by ${name}.bench.ts)');
else await m.run();`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: 'inherit',
  });
  if (child.status !== 0) {
    failed += 1;
    console.log(`(${name} failed: exit ${child.status ?? child.signal})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
