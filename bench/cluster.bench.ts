/**
 * Clustering benchmark: process features + msticpy's notebook clustering (commandlineTokensFull, pathScore,
 * isSystemSession; eps 0.0001) on 10k / 100k / 1M synthetic process events. Target: 1M events in ≤ 2 s.
 * Run alone with `node --import tsx bench/cluster.bench.ts`, or call `run()`.
 */
import { pathToFileURL } from 'node:url';
import { clusterEvents } from '../src/analysis/cluster/cluster-events.js';
import { addProcessFeatures, type ProcessFeatureInput } from '../src/analysis/cluster/process-features.js';

/** mulberry32: deterministic, so every run clusters the same events. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const folders = [
  'C:\\Windows\\System32',
  'C:\\Windows\\SysWOW64',
  'C:\\Windows',
  'C:\\Program Files\\Microsoft Monitoring Agent\\Agent',
  'C:\\Program Files\\Microsoft Monitoring Agent\\Agent\\Health Service State\\CT_602681692\\NativeDSC',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application',
  'C:\\Program Files\\Windows Defender',
  'C:\\Users\\alice\\AppData\\Local\\Temp',
  'C:\\Users\\bob\\AppData\\Roaming\\Microsoft\\Teams\\current',
  'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.2301.6-0',
];
const images = [
  'svchost',
  'conhost',
  'cmd',
  'powershell',
  'wmiprvse',
  'taskhostw',
  'rundll32',
  'MsMpEng',
  'chrome',
  'Teams',
  'MonitoringHost',
  'ASMHost',
  'reg',
  'net',
  'sc',
  'schtasks',
  'ftp',
  'whoami',
  'tasklist',
  'setup',
];
const words = [
  '-k',
  'netsvcs',
  '-p',
  '/c',
  '/s',
  '-ForceV1',
  '0xffffffff',
  'GetInventory',
  '--type=renderer',
  '-Embedding',
  'query',
  'HKLM\\Software\\Microsoft',
  'C:\\Windows\\Temp\\x.log',
  '/f',
  '--no-sandbox',
  '"%TEMP%"',
];

interface SyntheticEvent extends ProcessFeatureInput {
  TimeGenerated: Date;
}

/** A process "template": the same image run the same way, as most host events are. */
function makeTemplate(next: () => number): { path: string; commandLine: string } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const suffix = next() < 0.3 ? `_${Math.floor(next() * 1000)}` : '';
  const path = `${pick(folders)}\\${pick(images)}${suffix}.exe`;
  // Token counts skewed towards short command lines, with a long tail (0 … ~60 arguments).
  const argCount = Math.floor(next() ** 2 * 60);
  const args = Array.from({ length: argCount }, () => pick(words));
  return { path, commandLine: [`"${path}"`, ...args].join(' ') };
}

/** `count` events: Zipf-like reuse of 3 000 templates, 3 % one-off command lines, 70 % in the system session. */
export function syntheticProcessEvents(count: number, seed = 42): SyntheticEvent[] {
  const next = random(seed);
  const templates = Array.from({ length: 3000 }, () => makeTemplate(next));
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const template = templates[Math.floor(next() ** 3 * templates.length)]!;
    const oneOff = next() < 0.03;
    return {
      NewProcessName: template.path,
      CommandLine: oneOff
        ? `${template.commandLine} /id:${Math.floor(next() * 1e9).toString(16)}`
        : template.commandLine,
      SubjectLogonId: next() < 0.7 ? '0x3e7' : `0x${Math.floor(next() * 0xffffff).toString(16)}`,
      TimeGenerated: new Date(start + i * 86),
    };
  });
}

/**
 * A stress case, not a realistic one: feature rows drawn independently (tokens 0–199, path score 1 000–29 999,
 * 70 % system), so most of the 1M vectors are distinct and the grid cannot lean on duplicates.
 */
function distinctFeatureRows(count: number, seed = 7) {
  const next = random(seed);
  return Array.from({ length: count }, () => ({
    commandlineTokensFull: Math.floor(next() * 200),
    pathScore: 1000 + Math.floor(next() * 29_000),
    isSystemSession: next() < 0.7,
    TimeGenerated: null,
  }));
}

/** Times feature extraction and clustering for each size; prints and returns one line per size. */
export function run(sizes: readonly number[] = [10_000, 100_000, 1_000_000]): string[] {
  const lines: string[] = [];
  const report = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  for (const size of sizes) {
    const events = syntheticProcessEvents(size);
    const t0 = performance.now();
    const withFeatures = addProcessFeatures(events, { pathSeparator: '\\' });
    const t1 = performance.now();
    const result = clusterEvents(withFeatures, {
      columns: ['commandlineTokensFull', 'pathScore', 'isSystemSession'],
      eps: 0.0001,
    });
    const t2 = performance.now();
    const noise = result.rows.length - result.clusterCount;
    report(
      `cluster ${size} events: features ${(t1 - t0).toFixed(0)} ms, clustering ${(t2 - t1).toFixed(0)} ms, ` +
        `total ${(t2 - t0).toFixed(0)} ms; ${result.clusterCount} clusters, ${noise} noise rows`,
    );
  }
  const stress = distinctFeatureRows(Math.max(...sizes));
  const t0 = performance.now();
  const result = clusterEvents(stress, {
    columns: ['commandlineTokensFull', 'pathScore', 'isSystemSession'],
    eps: 0.0001,
  });
  report(
    `cluster ${stress.length} mostly distinct feature rows (stress): clustering ${(performance.now() - t0).toFixed(0)} ms; ` +
      `${result.clusterCount} clusters, ${result.rows.length - result.clusterCount} noise rows`,
  );
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) run();
