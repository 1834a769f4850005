import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphSpec } from '../../../src/core/section.js';
import { graphToDot } from '../../../src/render/graphs/graph-to-dot.js';
import { dotToSvg, renderDotPng, svgPixelSize } from '../../../src/render/graphs/render-dot-png.js';
import { renderGraphPng } from '../../../src/render/graphs/render-graph-png.js';
import { sharedReferenceDir } from '../../helpers/shared-data.js';
import { decodePng, inkCount, pixelAt, saveArtifact } from '../images/png-inspect.js';
import { svgCounts, svgTexts } from './svg-inspect.js';

const casesFile = `${sharedReferenceDir}msticpy-cases/security_alert_cases.json`;

interface AlertGraphCase {
  name: string;
  nodes: string[];
  edges: [string, string][];
}

function msticpyGraphs(): AlertGraphCase[] {
  const parsed: unknown = JSON.parse(readFileSync(casesFile, 'utf8'));
  const cases = Reflect.get(parsed as object, 'cases') as { id: string; observed: { alert_graph: AlertGraphCase } }[];
  return cases.map((c) => ({ name: c.id, nodes: c.observed.alert_graph.nodes, edges: c.observed.alert_graph.edges }));
}

/** msticpy names nodes `type: description` (or just the type); the alert node is the alert type. */
function asGraphSpec(graph: AlertGraphCase, alertName: string): GraphSpec {
  return {
    title: `Entities of ${alertName}`,
    nodes: graph.nodes.map((name) => {
      const kind = name === alertName ? 'alert' : (name.split(':')[0] ?? name);
      return { id: name, label: name, kind, ...(kind === 'alert' ? { highlight: true } : {}) };
    }),
    edges: graph.edges.map(([from, to]) => ({ from, to })),
  };
}

function star(leaves: number, label: (i: number) => string): GraphSpec {
  const nodes: GraphSpec['nodes'] = [
    { id: 'alert', label: 'Suspicious process executed', kind: 'alert', highlight: true },
  ];
  const edges: GraphSpec['edges'] = [];
  for (let i = 0; i < leaves; i += 1) {
    const kind = ['process', 'file', 'account', 'ip', 'host'][i % 5]!;
    nodes.push({ id: `e${i}`, label: label(i), kind });
    edges.push({ from: i < 8 ? 'alert' : `e${i % 8}`, to: `e${i}` });
  }
  return { title: `Graph of ${leaves + 1} nodes`, nodes, edges };
}

describe.skipIf(!existsSync(casesFile))('msticpy alert graphs (security_alert_cases.json) rendered', () => {
  const graphs = existsSync(casesFile) ? msticpyGraphs() : [];

  it.each(graphs.map((g) => [g.name, g] as const))('%s: every msticpy node and edge is drawn', async (name, graph) => {
    const alertName = graph.edges[0]![0];
    const spec = asGraphSpec(graph, alertName);
    const svg = await dotToSvg(graphToDot(spec));
    expect(svgCounts(svg)).toEqual({ nodes: graph.nodes.length, edges: graph.edges.length });
    // Labels show exactly as msticpy names them (Windows paths keep their backslashes).
    const texts = svgTexts(svg);
    for (const node of graph.nodes) {
      // Up to 48 characters a label is shown whole; longer paths are cut in the middle, keeping the file name.
      if (node.length <= 48) expect(texts).toContain(node);
      else expect(texts.some((text) => text.startsWith(node.slice(0, 5)) && text.endsWith(node.slice(-12)))).toBe(true);
    }
    const png = await renderGraphPng(spec);
    saveArtifact(`graph-msticpy-${name}`, png);
    const pixels = await decodePng(png);
    expect(Math.max(pixels.width, pixels.height)).toBeLessThanOrEqual(1024);
    expect(inkCount(pixels)).toBeGreaterThan(2000);
  });
});

describe('renderDotPng', () => {
  it('draws text with the bundled font: labels put ink on a white background', async () => {
    const unscaled = { maxZoom: 1, maxSide: 4096 };
    const words = await decodePng(
      await renderGraphPng(
        star(4, () => 'WWWWWWWWWWWW'),
        unscaled,
      ),
    );
    const blank = await decodePng(
      await renderGraphPng(
        star(4, () => ''),
        unscaled,
      ),
    );
    saveArtifact('graph-text-check', await renderGraphPng(star(4, () => 'WWWWWWWWWWWW')));
    expect(pixelAt(words, 1, 1)).toEqual([255, 255, 255, 255]);
    // Graphviz measured the text (wider nodes) and the renderer drew its glyphs (much more ink).
    expect(words.width).toBeGreaterThan(blank.width);
    expect(inkCount(words)).toBeGreaterThan(inkCount(blank) + 1500);
  });

  it('renders the same picture with resvg and with Skia', async () => {
    const dot = graphToDot(star(10, (i) => `process: c:\\windows\\system32\\proc${i}.exe`));
    const [skia, resvg] = [await renderDotPng(dot), await renderDotPng(dot, { engine: 'resvg' })];
    saveArtifact('graph-engine-skia', skia);
    saveArtifact('graph-engine-resvg', resvg);
    const [ps, pr] = [await decodePng(skia), await decodePng(resvg)];
    expect(Math.abs(ps.width - pr.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(ps.height - pr.height)).toBeLessThanOrEqual(1);
    const [inkSkia, inkResvg] = [inkCount(ps), inkCount(pr)];
    expect(inkResvg).toBeGreaterThan(2000);
    expect(Math.abs(inkSkia - inkResvg) / inkResvg).toBeLessThan(0.15);
  });

  it('fits a 200-node graph within 1024 px on its longest side, and enlarges small graphs at most 2×', async () => {
    const big = await decodePng(await renderGraphPng(star(199, (i) => `file: c:\\temp\\dropped-${i}.dll`)));
    expect(Math.max(big.width, big.height)).toBeLessThanOrEqual(1024);
    const dot = graphToDot({ title: 'T', nodes: [{ id: 'h', label: 'host: WIN1', kind: 'host' }], edges: [] });
    const size = svgPixelSize(await dotToSvg(dot))!;
    const small = await decodePng(await renderDotPng(dot));
    expect(size.width * 2).toBeLessThan(1024);
    expect(Math.abs(small.width - size.width * 2)).toBeLessThanOrEqual(1);
  });

  it('rejects DOT syntax errors instead of drawing something else', async () => {
    await expect(renderDotPng('digraph { a -> ')).rejects.toThrow();
  });
});

describe('renderGraphPng', () => {
  it('draws an entity graph and a process tree for people to look at', async () => {
    const entity: GraphSpec = {
      title: 'Entities of Detected suspicious use of FTP -s Switch',
      nodes: [
        { id: 'a', label: 'Detected suspicious use of FTP -s Switch', kind: 'alert', highlight: true },
        { id: 'h', label: 'host: MSTICALERTSWIN1', kind: 'host' },
        { id: 'u', label: 'account: MSTICAlertsWin1\\MSTICAdmin', kind: 'account' },
        { id: 's', label: 'host-logon-session: 0x1e821b5', kind: 'host-logon-session' },
        { id: 'p', label: 'process: c:\\diagnostics\\usertmp\\ftp.exe [0x1580]', kind: 'process' },
        { id: 'f', label: 'file: c:\\diagnostics\\usertmp\\ftp.exe', kind: 'file' },
        { id: 'i', label: 'ip: 10.0.0.4', kind: 'ip' },
        { id: 'r', label: 'Suspicious logon(R) ×3', kind: 'related-alert' },
      ],
      edges: [
        { from: 'a', to: 'h' },
        { from: 'a', to: 's' },
        { from: 'u', to: 's', label: 'Account' },
        { from: 'a', to: 'p' },
        { from: 'p', to: 'f', label: 'ImageFile' },
        { from: 'a', to: 'i' },
        { from: 'h', to: 'r', label: 'related' },
      ],
    };
    saveArtifact('graph-entity', await renderGraphPng(entity));
    const tree: GraphSpec = {
      title: 'Process tree of cmd.exe PID 0xbc8',
      nodes: [
        { id: 'gp', label: 'services.exe\nPID 0x2a0', kind: 'parent' },
        { id: 'p', label: 'svchost.exe\nPID 0x3b0', kind: 'parent' },
        { id: 's', label: 'cmd.exe\nPID 0xbc8', kind: 'source', highlight: true },
        ...[0, 1, 2].map((i) => ({
          id: `sib${i}`,
          label: `conhost.exe\nPID 0x${(256 + i).toString(16)}`,
          kind: 'sibling',
        })),
        ...[0, 1].map((i) => ({ id: `c${i}`, label: `ftp.exe\nPID 0x${(4096 + i).toString(16)}`, kind: 'child' })),
        { id: 'more', label: '… 12 more', kind: 'collapsed' },
      ],
      edges: [
        { from: 'gp', to: 'p' },
        { from: 'p', to: 's' },
        ...[0, 1, 2].map((i) => ({ from: 'p', to: `sib${i}` })),
        ...[0, 1].map((i) => ({ from: 's', to: `c${i}` })),
        { from: 'p', to: 'more' },
      ],
    };
    const png = await renderGraphPng(tree);
    saveArtifact('graph-process-tree', png);
    const pixels = await decodePng(png);
    expect(inkCount(pixels)).toBeGreaterThan(5000);
  });

  it('draws hostile labels without breaking the layout', async () => {
    const labels = [
      'C:\\new\\Node\\G\\ftp.exe',
      '"]; injected [label="pwned"]',
      '<B>markup</B> {a|b} & "q"',
      'two\nlines',
      'emoji 🚨 \u202Egpj.exe',
      'z'.repeat(10_240),
    ];
    const graph: GraphSpec = {
      title: 'Hostile labels',
      nodes: labels.map((label, i) => ({ id: `n${i}`, label, kind: i === 0 ? 'alert' : 'file', highlight: i === 0 })),
      edges: labels.slice(1).map((label, i) => ({ from: 'n0', to: `n${i + 1}`, label })),
    };
    const png = await renderGraphPng(graph);
    saveArtifact('graph-hostile-labels', png);
    const pixels = await decodePng(png);
    expect(Math.max(pixels.width, pixels.height)).toBeLessThanOrEqual(1024);
    expect(inkCount(pixels)).toBeGreaterThan(3000);
  });
});
