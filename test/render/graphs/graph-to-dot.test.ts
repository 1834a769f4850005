import { describe, expect, it } from 'vitest';
import type { GraphSpec } from '../../../src/core/section.js';
import { graphToDot } from '../../../src/render/graphs/graph-to-dot.js';
import { dotToSvg } from '../../../src/render/graphs/render-dot-png.js';
import { svgCounts, svgNode, svgTexts } from './svg-inspect.js';

const entityGraph: GraphSpec = {
  title: 'Entities of Detected suspicious use of FTP -s Switch',
  nodes: [
    { id: 'alert', label: 'Detected suspicious use of FTP -s Switch', kind: 'alert', highlight: true },
    { id: 'host', label: 'host: MSTICALERTSWIN1', kind: 'host' },
    { id: 'account', label: 'account: MSTICAlertsWin1\\MSTICAdmin', kind: 'account' },
    { id: 'process', label: 'process: c:\\diagnostics\\usertmp\\ftp.exe [0x1580]', kind: 'process' },
    { id: 'file', label: 'file: c:\\diagnostics\\usertmp\\ftp.exe', kind: 'file' },
    { id: 'ip', label: 'ip: 10.0.0.4', kind: 'ip' },
    { id: 'url', label: 'url: http://evil.example/x', kind: 'url' },
    { id: 'related', label: 'Suspicious logon(R) ×3', kind: 'related-alert' },
    { id: 'session', label: 'host-logon-session: 0x1e821b5', kind: 'host-logon-session' },
  ],
  edges: [
    { from: 'alert', to: 'host' },
    { from: 'process', to: 'file', label: 'ImageFile' },
    { from: 'alert', to: 'process' },
    { from: 'process', to: 'account', label: 'Account' },
    { from: 'host', to: 'related', label: 'related' },
  ],
};

/** The attribute list of DOT node `dotId`. */
function nodeAttributes(dot: string, dotId: string): string {
  return new RegExp(`^  ${dotId} \\[(.*)\\];$`, 'm').exec(dot)?.[1] ?? '';
}

describe('graphToDot', () => {
  it('lays out an entity graph left to right in DejaVu Sans with the title on top', () => {
    const dot = graphToDot(entityGraph);
    expect(dot).toMatch(/^digraph socbot \{/);
    expect(dot).toContain('rankdir=LR');
    expect(dot).toContain('fontname="DejaVu Sans"');
    expect(dot).toContain('label=<<B>Entities of Detected suspicious use of FTP -s Switch</B>>, labelloc=t');
  });

  it('gives each kind its shape and colour, and draws the alert bold red', () => {
    const dot = graphToDot(entityGraph);
    const shapes = ['octagon', 'box', 'ellipse', 'component', 'note', 'diamond', 'hexagon', 'octagon', 'ellipse'];
    shapes.forEach((shape, i) => {
      expect(nodeAttributes(dot, `n${i}`)).toContain(`shape="${shape}"`);
    });
    expect(nodeAttributes(dot, 'n0')).toContain('penwidth="3"');
    expect(nodeAttributes(dot, 'n0')).toContain('color="#C00000"');
    expect(nodeAttributes(dot, 'n0')).toContain('label=<<B>Detected suspicious use of FTP -s Switch</B>>');
    expect(nodeAttributes(dot, 'n7')).toContain('color="#D55E00"'); // related alert: orange
    expect(nodeAttributes(dot, 'n8')).toContain('style="dashed,filled"');
    expect(nodeAttributes(dot, 'n1')).not.toContain('penwidth');
  });

  it('lays out process trees top to bottom with the source highlighted; the direction can be forced', () => {
    const tree: GraphSpec = {
      title: 'Process tree of cmd.exe PID 0xbc8',
      nodes: [
        { id: 'p', label: 'svchost.exe\nPID 0x3b0', kind: 'parent' },
        { id: 's', label: 'cmd.exe\nPID 0xbc8', kind: 'source', highlight: true },
        { id: 'c', label: 'ftp.exe\nPID 0x1580', kind: 'child' },
      ],
      edges: [
        { from: 'p', to: 's' },
        { from: 's', to: 'c' },
      ],
    };
    const dot = graphToDot(tree);
    expect(dot).toContain('rankdir=TB');
    expect(nodeAttributes(dot, 'n1')).toContain('label=<<B>cmd.exe<BR/>PID 0xbc8</B>>');
    expect(nodeAttributes(dot, 'n1')).toContain('color="#C00000"');
    expect(graphToDot(tree, { direction: 'LR' })).toContain('rankdir=LR');
  });

  it('uses generated ids: node ids from the data never reach the DOT', () => {
    const dot = graphToDot({
      title: 't',
      nodes: [
        { id: 'a" -> "b', label: 'a', kind: 'host' },
        { id: 'b', label: 'b', kind: 'host' },
      ],
      edges: [{ from: 'a" -> "b', to: 'b' }],
    });
    expect(dot).not.toContain('a" -> "b');
    expect(dot).toContain('  n0 -> n1;');
  });

  it('skips edges to unknown nodes, draws duplicate ids once, and styles odd kinds neutrally', () => {
    const dot = graphToDot({
      title: 't',
      nodes: [
        { id: 'a', label: 'a', kind: '__proto__' },
        { id: 'a', label: 'again', kind: 'host' },
        { id: 'b', label: 'b', kind: 'constructor' },
      ],
      edges: [
        { from: 'a', to: 'ghost' },
        { from: 'a', to: 'b' },
      ],
    });
    expect(dot.match(/^ {2}n\d+ \[/gm)).toHaveLength(2);
    expect(dot.match(/->/g)).toHaveLength(1);
    expect(nodeAttributes(dot, 'n0')).toContain('shape="ellipse"');
    expect(nodeAttributes(dot, 'n1')).toContain('shape="ellipse"');
  });

  it('folds graphs above maxNodes (default 200) around the highlighted node', () => {
    const nodes: GraphSpec['nodes'] = [{ id: 'alert', label: 'Alert', kind: 'alert', highlight: true }];
    const edges: GraphSpec['edges'] = [];
    for (let i = 0; i < 500; i += 1) {
      nodes.push({ id: `f${i}`, label: `file: f${i}`, kind: 'file' });
      edges.push({ from: 'alert', to: `f${i}` });
    }
    const dot = graphToDot({ title: 'Big', nodes, edges });
    expect(dot.match(/^ {2}n\d+ \[/gm)).toHaveLength(200);
    expect(dot).toContain('label=<… 302 more>'); // 501 nodes, 199 kept + the fold
    expect(graphToDot({ title: 'Big', nodes, edges }, { maxNodes: 10 }).match(/^ {2}n\d+ \[/gm)).toHaveLength(10);
  });
});

describe('graphToDot: hostile labels, parsed back by Graphviz', () => {
  const hostile = [
    'C:\\new\\Node\\test\\G\\ftp.exe', // \N, \G (Graphviz escapes) and \n must stay literal backslashes
    'say "hi"; ] [color=green',
    '"]; injected [label="pwned"]; x [label="',
    '<B>not bold</B> <TR> & &amp; {rec|field} <p>',
    'line one\nline two',
    '\\\\server\\share\\',
    'emoji 🚨 and \u0000 nul and \u202E bidi',
    'q'.repeat(10_240),
  ];
  const graph: GraphSpec = {
    title: 'Hostile "title" \\ <x>',
    nodes: hostile.map((label, i) => ({ id: `h${i}`, label, kind: i === 0 ? 'alert' : 'process', highlight: i === 0 })),
    edges: hostile.slice(1).map((label, i) => ({ from: 'h0', to: `h${i + 1}`, label })),
  };

  it('keeps the graph structure: exactly the nodes and edges given, nothing injected', async () => {
    const svg = await dotToSvg(graphToDot(graph));
    expect(svgCounts(svg)).toEqual({ nodes: hostile.length, edges: hostile.length - 1 });
    expect(svg).not.toMatch(/(stroke|fill|color)="green"/);
    expect(svgTexts(svg)).not.toContain('pwned');
  });

  it('shows every label literally: backslashes, quotes, markup and braces as typed', async () => {
    const texts = svgTexts(await dotToSvg(graphToDot(graph)));
    expect(texts).toContain('C:\\new\\Node\\test\\G\\ftp.exe');
    expect(texts).toContain('say "hi"; ] [color=green');
    expect(texts).toContain('"]; injected [label="pwned"]; x [label="');
    expect(texts).toContain('<B>not bold</B> <TR> & &amp; {rec|field} <p>');
    expect(texts).toContain('\\\\server\\share\\');
    expect(texts).toContain('Hostile "title" \\ <x>');
  });

  it('breaks lines at newlines, shows bidi controls, drops NULs, and cuts a 10 KB label', async () => {
    const dot = graphToDot(graph);
    expect(dot.length).toBeLessThan(5_000);
    const svg = await dotToSvg(dot);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['line one', 'line two']));
    expect(texts).toContain('emoji 🚨 and nul and [U+202E] bidi');
    expect(texts).toContain(`${'q'.repeat(47)}…`);
    // The alert node is bold.
    expect(svgNode(svg, 1)).toContain('font-weight="bold"');
  });
});
