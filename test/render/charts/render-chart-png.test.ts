import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../src/core/section.js';
import { chartConfig } from '../../../src/render/charts/chart-config.js';
import { renderChartPng } from '../../../src/render/charts/render-chart-png.js';
import { decodePng, differingPixels, inkCount, pixelAt, saveArtifact } from '../images/png-inspect.js';

const alertTime = new Date(Date.UTC(2019, 1, 9, 6, 10, 1));
const minutes = (n: number) => new Date(alertTime.getTime() + n * 60_000);

const specs: Record<string, ChartSpec> = {
  bar: {
    type: 'bar',
    title: 'Alerts by type',
    horizontal: true,
    labels: ['Suspicious process executed', 'Detected suspicious credential dump', 'Base64 encoded PowerShell'],
    series: [{ name: 'Alerts', values: [12, 3, 7] }],
  },
  'stacked-bar': {
    type: 'bar',
    title: 'Logons by account and logon type',
    horizontal: true,
    stacked: true,
    labels: ['WORKGROUP\\admin', 'NT AUTHORITY\\SYSTEM', 'CONTOSO\\alice'],
    series: [
      { name: 'Interactive (2)', values: [3, 0, 5] },
      { name: 'Network (3)', values: [10, 2, 1] },
      { name: 'Service (5)', values: [0, 40, 0] },
    ],
  },
  timeline: {
    type: 'timeline',
    title: 'Alert Process Session',
    series: [
      { name: 'cmd.exe', points: Array.from({ length: 20 }, (_, i) => ({ at: minutes(i * 3 - 30), label: '' })) },
      { name: 'powershell.exe', points: Array.from({ length: 5 }, (_, i) => ({ at: minutes(i * 6 - 10), label: '' })) },
    ],
    marker: { at: alertTime, label: 'Alert time' },
  },
  line: {
    type: 'line',
    title: 'Number of logons by type',
    series: [
      {
        name: 'Network',
        points: Array.from({ length: 144 }, (_, i) => ({
          at: minutes(i * 10),
          value: 10 + Math.round(8 * Math.sin(i / 9)),
        })),
      },
      { name: 'Interactive', points: Array.from({ length: 144 }, (_, i) => ({ at: minutes(i * 10), value: i % 7 })) },
    ],
  },
  box: {
    type: 'box',
    title: 'Variability of Commandline Tokens',
    valueLabel: 'commandlineTokensFull',
    labels: ['svchost.exe', 'conhost.exe', 'cmd.exe'],
    series: [
      {
        name: 'system session',
        samples: [
          [3, 4, 5, 5, 9],
          [1, 2, 2, 3],
          [5, 10, 20, 30],
        ],
      },
      { name: 'user session', samples: [[2, 3, 4], [], [1, 1, 8, 12, 15]] },
    ],
  },
};

describe('renderChartPng', () => {
  it.each(Object.entries(specs))(
    'renders a non-blank %s chart with its title on a white background',
    async (name, spec) => {
      const png = await renderChartPng(spec);
      saveArtifact(`chart-${name}`, png);
      const pixels = await decodePng(png);
      expect(pixels.width).toBe(900);
      expect(pixels.height).toBeGreaterThanOrEqual(240);
      expect(pixelAt(pixels, 2, 2)).toEqual([255, 255, 255, 255]);
      expect(inkCount(pixels)).toBeGreaterThan(3000);
      // The title is drawn centred in the top 40 px.
      expect(inkCount(pixels, { x: 250, y: 0, width: 400, height: 40 })).toBeGreaterThan(100);
    },
  );

  it('really draws label text with the bundled font: different labels give different pixels in the label area only', async () => {
    const labelled = (labels: string[]): ChartSpec => ({
      type: 'bar',
      title: 'Same title',
      horizontal: true,
      labels,
      series: [{ name: 'n', values: [5, 3] }],
    });
    const a = await decodePng(await renderChartPng(labelled(['AAAAAAAAAAAAAAAA', 'AAAAAAAAAAAAAAAA'])));
    const b = await decodePng(await renderChartPng(labelled(['mimikatz.exe', 'svchost.exe'])));
    saveArtifact('chart-label-text', await renderChartPng(labelled(['mimikatz.exe', 'svchost.exe'])));
    const labelArea = { x: 0, y: 50, width: 150, height: 150 };
    expect(inkCount(a, labelArea)).toBeGreaterThan(200);
    expect(differingPixels(a, b, labelArea)).toBeGreaterThan(100);
    // Same title, same values: the top strip is the same.
    expect(differingPixels(a, b, { x: 0, y: 0, width: 900, height: 35 })).toBe(0);
  });

  it('renders a configuration from chartConfig, and doubles the pixels at devicePixelRatio 2', async () => {
    const fromConfig = await decodePng(await renderChartPng(chartConfig(specs.line!), { width: 600, height: 300 }));
    expect([fromConfig.width, fromConfig.height]).toEqual([600, 300]);
    const crisp = await decodePng(await renderChartPng(specs.bar!, { devicePixelRatio: 2 }));
    expect(crisp.width).toBe(1800);
  });
});

describe('renderChartPng: awkward data', () => {
  it('renders a timeline with no points as a frame saying so', async () => {
    const png = await renderChartPng({ type: 'timeline', title: 'Alerts over time', series: [] });
    saveArtifact('timeline-empty', png);
    expect(inkCount(await decodePng(png))).toBeGreaterThan(1000);
  });

  it('renders a timeline with one point and one with 10k points', async () => {
    const one = await renderChartPng({
      type: 'timeline',
      title: 'One event',
      series: [{ name: 'ftp.exe', points: [{ at: alertTime, label: 'x' }] }],
      marker: { at: alertTime, label: 'Alert time' },
    });
    saveArtifact('timeline-one-point', one);
    expect(inkCount(await decodePng(one))).toBeGreaterThan(1000);
    const busy = await renderChartPng({
      type: 'timeline',
      title: '10k events',
      series: [
        { name: 'svchost.exe', points: Array.from({ length: 10_000 }, (_, i) => ({ at: minutes(i / 20), label: '' })) },
        { name: 'cmd.exe', points: Array.from({ length: 50 }, (_, i) => ({ at: minutes(i * 9), label: '' })) },
      ],
      marker: { at: minutes(100), label: 'Alert time' },
    });
    saveArtifact('timeline-10k-points', busy);
    expect(inkCount(await decodePng(busy))).toBeGreaterThan(5000);
  });

  it('renders a bar chart of 100 labels (the 36 largest drawn) within 1024 px', async () => {
    const labels = Array.from({ length: 100 }, (_, i) => `C:\\Windows\\System32\\process-number-${i}.exe`);
    const png = await renderChartPng({
      type: 'bar',
      title: 'Process names with Cluster > 1',
      horizontal: true,
      labels,
      series: [{ name: 'ClusterSize', values: labels.map((_, i) => (i * 37) % 101) }],
    });
    saveArtifact('bar-100-labels', png);
    const pixels = await decodePng(png);
    expect(pixels.height).toBeLessThanOrEqual(1024);
    expect(inkCount(pixels, { x: 0, y: 80, width: 200, height: pixels.height - 160 })).toBeGreaterThan(2000);
  });

  it('renders hostile labels: quotes, backslashes, newlines, emoji, control characters and 10 KB strings', async () => {
    const hostile = [
      '"quoted" \'single\' `tick`',
      'C:\\Windows\\System32\\cmd.exe /c "echo \\"x\\""',
      'line one\nline two\r\nline three',
      'emoji 🚨🔥 and RTL \u202Eexe.fdp',
      `bell\u0007 nul\u0000 ${'\ud800'}`,
      'x'.repeat(10_240),
      '<script>alert(1)</script> & {{ template }} | pipe',
    ];
    const png = await renderChartPng({
      type: 'bar',
      title: `Hostile ${'title '.repeat(2000)}`,
      horizontal: true,
      labels: hostile,
      series: [{ name: 'x'.repeat(10_240), values: hostile.map((_, i) => i + 1) }],
    });
    saveArtifact('bar-hostile-labels', png);
    const timeline = await renderChartPng({
      type: 'timeline',
      title: 'Hostile rows',
      series: hostile.map((name, i) => ({ name, points: [{ at: minutes(i), label: name }] })),
      marker: { at: alertTime, label: 'x'.repeat(10_240) },
    });
    saveArtifact('timeline-hostile-labels', timeline);
    expect(inkCount(await decodePng(png))).toBeGreaterThan(3000);
    expect(inkCount(await decodePng(timeline))).toBeGreaterThan(3000);
  });
});
