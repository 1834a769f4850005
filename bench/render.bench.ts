/**
 * Image rendering benchmark: p50/p95 per chart PNG (bar, stacked bar, timeline with 2k events, line, box) and per
 * graph PNG of 20 and 200 nodes, after a warm-up. Targets: ≤ 30 ms per chart, ≤ 150 ms per 200-node graph.
 * Also prints the two alternatives that were measured and not chosen: devicePixelRatio 2 and the resvg engine.
 * Run alone with `node --import tsx bench/render.bench.ts`, or call `run()`.
 */
import { pathToFileURL } from 'node:url';
import type { ChartSpec, GraphSpec } from '../src/core/section.js';
import { type RenderChartOptions, renderChartPng } from '../src/render/charts/render-chart-png.js';
import type { RenderDotOptions } from '../src/render/graphs/render-dot-png.js';
import { renderGraphPng } from '../src/render/graphs/render-graph-png.js';
import { percentile } from './percentile.js';

const start = Date.UTC(2019, 1, 9, 5, 0);
const at = (minute: number) => new Date(start + minute * 60_000);

const charts: Record<string, ChartSpec> = {
  bar: {
    type: 'bar',
    title: 'Alerts by type',
    horizontal: true,
    labels: Array.from({ length: 12 }, (_, i) => `Suspicious activity number ${i} on a host`),
    series: [{ name: 'Alerts', values: Array.from({ length: 12 }, (_, i) => 40 - i * 3) }],
  },
  'stacked-bar': {
    type: 'bar',
    title: 'Logons by account and logon type',
    horizontal: true,
    stacked: true,
    labels: ['NT AUTHORITY\\SYSTEM', 'CONTOSO\\alice', 'CONTOSO\\bob', 'WORKGROUP\\admin', 'CONTOSO\\svc-sql'],
    series: ['Interactive', 'Network', 'Service', 'RemoteInteractive'].map((name, s) => ({
      name,
      values: [5, 3, 8, 1, 9].map((v) => (v * (s + 1)) % 13),
    })),
  },
  'timeline-2k': {
    type: 'timeline',
    title: 'Distinct host processes',
    series: Array.from({ length: 10 }, (_, s) => ({
      name: `process-${s}.exe`,
      points: Array.from({ length: 200 }, (_, i) => ({ at: at((i * 7 + s * 13) % 1440), label: '' })),
    })),
    marker: { at: at(700), label: 'Alert time' },
  },
  line: {
    type: 'line',
    title: 'Number of logons by type',
    series: ['Network', 'Interactive', 'Service'].map((name, s) => ({
      name,
      points: Array.from({ length: 144 }, (_, i) => ({ at: at(i * 10), value: (i * (s + 3)) % 17 })),
    })),
  },
  box: {
    type: 'box',
    title: 'Variability of Commandline Tokens',
    labels: Array.from({ length: 10 }, (_, i) => `process-${i}.exe`),
    series: ['system', 'user'].map((name, s) => ({
      name,
      samples: Array.from({ length: 10 }, (_, i) => Array.from({ length: 50 }, (_, k) => (k * (i + 1) + s * 7) % 31)),
    })),
  },
};

/** A tree-ish entity graph: the alert, 8 entities on it, the rest hanging off those. */
function graph(nodes: number): GraphSpec {
  const spec: GraphSpec = {
    title: `Graph of ${nodes} nodes`,
    nodes: [{ id: 'alert', label: 'Suspicious process executed', kind: 'alert', highlight: true }],
    edges: [],
  };
  for (let i = 1; i < nodes; i += 1) {
    const kind = ['process', 'file', 'account', 'ip', 'host'][i % 5]!;
    spec.nodes.push({ id: `e${i}`, label: `${kind}: c:\\windows\\system32\\binary-${i}.exe`, kind });
    spec.edges.push({ from: i <= 8 ? 'alert' : `e${1 + (i % 8)}`, to: `e${i}` });
  }
  return spec;
}

async function measure(name: string, runs: number, render: () => Promise<Buffer>): Promise<string> {
  for (let i = 0; i < 3; i += 1) await render();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    bytes = (await render()).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const line = `${name.padEnd(28)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  (${runs} runs, ${Math.round(bytes / 1024)} KB)`;
  console.log(line);
  return line;
}

/** Runs the benchmark and prints one line per case. */
export async function run(): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, spec] of Object.entries(charts)) {
    lines.push(await measure(`chart ${name}`, 30, () => renderChartPng(spec)));
  }
  const crisp: RenderChartOptions = { devicePixelRatio: 2 };
  lines.push(await measure('chart bar (dpr 2, not used)', 10, () => renderChartPng(charts.bar!, crisp)));
  for (const nodes of [20, 200]) {
    const spec = graph(nodes);
    lines.push(await measure(`graph ${nodes} nodes`, nodes > 100 ? 15 : 30, () => renderGraphPng(spec)));
  }
  const resvg: RenderDotOptions = { engine: 'resvg' };
  lines.push(await measure('graph 200 (resvg, not used)', 5, () => renderGraphPng(graph(200), resvg)));
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
