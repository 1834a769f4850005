/**
 * `npm run bench`: every benchmark, one after another, printing plain numbers. Each bench file exports `run()`.
 * Pass names to run a subset: `npm run bench -- local-queries cluster`.
 */
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace('.bench.ts', ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

for (const name of benches) {
  console.log(`\n== ${name}`);
  const module = (await import(new URL(`./${name}.bench.ts`, dir).href)) as { run?: () => Promise<unknown> | unknown };
  if (typeof module.run !== 'function') {
    console.log(`(no run() exported by ${name}.bench.ts)`);
    continue;
  }
  await module.run();
}
