import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../src/core/section.js';
import { chartConfig, chartImage } from '../../../src/render/charts/chart-config.js';
import { asJson, dig, digArray } from './chart-json.js';

const alertTime = new Date(Date.UTC(2019, 1, 9, 6, 10, 1));
const minutes = (n: number) => new Date(alertTime.getTime() + n * 60_000);

const bar: ChartSpec = {
  type: 'bar',
  title: 'Alerts by type',
  horizontal: true,
  labels: ['Suspicious process', 'Detected suspicious credential dump from registry hives, a very long alert name'],
  series: [{ name: 'Alerts', values: [12, 3] }],
};

const timeline: ChartSpec = {
  type: 'timeline',
  title: 'Alert Process Session',
  series: [
    {
      name: 'cmd.exe',
      points: [
        { at: minutes(-30), label: 'a' },
        { at: minutes(10), label: 'b' },
      ],
    },
    { name: 'ftp.exe', points: [{ at: minutes(0), label: 'c' }] },
  ],
  marker: { at: alertTime, label: 'Alert time' },
};

const line: ChartSpec = {
  type: 'line',
  title: 'Number of logons by type',
  series: [
    { name: 'Network (3)', points: [minutes(20), minutes(0), minutes(10)].map((at, i) => ({ at, value: i + 1 })) },
    { name: 'Interactive (2)', points: [{ at: minutes(5), value: Number.NaN }] },
  ],
};

const box: ChartSpec = {
  type: 'box',
  title: 'Variability of Path',
  valueLabel: 'pathLogScore',
  labels: ['svchost.exe', 'cmd.exe'],
  series: [
    { name: 'system session', samples: [[1, 2, 3, 4], [5]] },
    { name: 'user session', samples: [[], [2, 4]] },
  ],
};

describe('chartConfig', () => {
  it.each([bar, timeline, line, box])('builds plain JSON (no functions) for a $type chart', (spec) => {
    const config = chartConfig(spec);
    expect(asJson(config)).toEqual(config);
    expect(dig(config, 'options.animation')).toBe(false);
    expect(dig(config, 'options.responsive')).toBe(false);
  });

  it('draws horizontal bars with labels cut to 40 characters with an ellipsis', () => {
    const config = asJson(chartConfig(bar));
    expect(dig(config, 'type')).toBe('bar');
    expect(dig(config, 'options.indexAxis')).toBe('y');
    const labels = digArray(config, 'data.labels');
    expect(labels[0]).toBe('Suspicious process');
    expect(labels[1]).toBe('Detected suspicious credential dump fro…');
    expect(digArray(config, 'data.datasets.0.data')).toEqual([12, 3]);
    expect(dig(config, 'options.plugins.title.text')).toBe('Alerts by type');
    expect(dig(config, 'options.plugins.legend.display')).toBe(false);
  });

  it('keeps two long labels that cut to the same text as two rows', () => {
    const long = 'x'.repeat(60);
    const labels = digArray(asJson(chartConfig({ ...bar, labels: [`${long}1`, `${long}2`] })), 'data.labels');
    expect(new Set(labels).size).toBe(2);
  });

  it('keeps the 36 largest of 100 bars, in their order, and says so', () => {
    const labels = Array.from({ length: 100 }, (_, i) => `process-${i}.exe`);
    const values = labels.map((_, i) => (i % 2 === 0 ? 1000 + i : i));
    const image = chartImage({
      type: 'bar',
      title: 'Clusters',
      horizontal: true,
      labels,
      series: [{ name: 'n', values }],
    });
    const config = asJson(image.config);
    expect(digArray(config, 'data.labels')).toHaveLength(36);
    expect(digArray(config, 'data.labels')[0]).toBe('process-28.exe');
    expect(digArray(config, 'options.plugins.subtitle.text')).toEqual(['showing the 36 largest of 100 bars']);
    expect(image.width).toBe(900);
    expect(image.height).toBeGreaterThan(chartImage(bar).height);
    expect(image.height).toBeLessThanOrEqual(1024);
  });

  it('stacks the series of a stacked bar chart and shows a legend', () => {
    const config = asJson(
      chartConfig({
        type: 'bar',
        title: 'Logons by account and type',
        horizontal: true,
        stacked: true,
        labels: ['DOM\\alice', 'NT AUTHORITY\\SYSTEM'],
        series: [
          { name: 'Interactive', values: [3, 0] },
          { name: 'Service', values: [0, 40] },
        ],
      }),
    );
    expect(dig(config, 'options.scales.x.stacked')).toBe(true);
    expect(dig(config, 'options.scales.y.stacked')).toBe(true);
    expect(dig(config, 'options.plugins.legend.display')).toBe(true);
  });

  it('turns non-finite and missing bar values into gaps (null), not NaN', () => {
    const config = asJson(
      chartConfig({ ...bar, labels: ['a', 'b', 'c'], series: [{ name: 's', values: [Number.NaN, 1] }] }),
    );
    expect(digArray(config, 'data.datasets.0.data')).toEqual([null, 1, null]);
  });

  it('draws vertical bars when not horizontal', () => {
    const config = asJson(chartConfig({ ...bar, horizontal: false }));
    expect(dig(config, 'options.indexAxis')).toBe('x');
    expect(dig(config, 'options.scales.x.type')).toBe('category');
  });
});

describe('chartConfig: timelines', () => {
  it('puts one category row per series on a UTC time axis padded by 10 % each side', () => {
    const config = asJson(chartConfig(timeline));
    expect(dig(config, 'type')).toBe('scatter');
    expect(digArray(config, 'options.scales.y.labels')).toEqual(['cmd.exe', 'ftp.exe']);
    expect(dig(config, 'options.scales.x.type')).toBe('time');
    const span = 40 * 60_000;
    expect(dig(config, 'options.scales.x.min')).toBe(minutes(-30).getTime() - span * 0.1);
    expect(dig(config, 'options.scales.x.max')).toBe(minutes(10).getTime() + span * 0.1);
    expect(dig(config, 'options.scales.x.title.text')).toBe('Time (UTC)');
    expect(digArray(config, 'data.datasets.0.data')).toEqual([
      { x: minutes(-30).getTime(), y: 'cmd.exe' },
      { x: minutes(10).getTime(), y: 'cmd.exe' },
    ]);
    expect(dig(config, 'options.plugins.title.text')).toBe('Timeline: Alert Process Session');
  });

  it('draws the alert time as a dashed vertical line on a hidden 0–1 axis, named in the subtitle', () => {
    const config = asJson(chartConfig(timeline));
    const marker = digArray(config, 'data.datasets').at(-1);
    expect(dig(marker, 'type')).toBe('line');
    expect(dig(marker, 'yAxisID')).toBe('marker');
    expect(digArray(marker, 'data')).toEqual([
      { x: alertTime.getTime(), y: 0 },
      { x: alertTime.getTime(), y: 1 },
    ]);
    expect(dig(config, 'options.scales.marker.display')).toBe(false);
    expect(digArray(config, 'options.plugins.subtitle.text')).toEqual([
      '3 events · 2019-02-09 05:36:01 → 2019-02-09 06:24:01 UTC',
      'dashed line: Alert time 2019-02-09 06:10:01',
    ]);
  });

  it('handles a timeline with no points: one placeholder row, a frame, no crash', () => {
    const image = chartImage({ type: 'timeline', title: 'Alerts', series: [] });
    const config = asJson(image.config);
    expect(digArray(config, 'options.scales.y.labels')).toEqual(['(no events)']);
    expect(digArray(config, 'data.datasets')).toEqual([]);
    expect(digArray(config, 'options.plugins.subtitle.text')).toEqual(['0 events']);
    expect(image.height).toBeGreaterThanOrEqual(240);
  });

  it('gives a single point a ten-minute-wide axis around it', () => {
    const config = asJson(
      chartConfig({ type: 'timeline', title: 'One', series: [{ name: 'a', points: [{ at: alertTime, label: 'x' }] }] }),
    );
    const min = Number(dig(config, 'options.scales.x.min'));
    const max = Number(dig(config, 'options.scales.x.max'));
    expect(max - min).toBe(12 * 60_000);
    expect((min + max) / 2).toBe(alertTime.getTime());
  });

  it('thins 10k points to one per time bucket (the dots would overlap anyway)', () => {
    const points = Array.from({ length: 10_000 }, (_, i) => ({ at: minutes(i / 10), label: `e${i}` }));
    const config = asJson(chartConfig({ type: 'timeline', title: 'Busy', series: [{ name: 'svchost.exe', points }] }));
    const data = digArray(config, 'data.datasets.0.data');
    expect(data.length).toBeLessThanOrEqual(1800);
    expect(data.length).toBeGreaterThan(1000);
    expect(data[0]).toEqual({ x: minutes(0).getTime(), y: 'svchost.exe' });
    expect(digArray(config, 'options.plugins.subtitle.text')[0]).toMatch(/^10000 events/);
  });

  it('ignores invalid dates instead of failing', () => {
    const config = asJson(
      chartConfig({
        type: 'timeline',
        title: 'Bad',
        series: [
          {
            name: 'a',
            points: [
              { at: new Date(Number.NaN), label: 'x' },
              { at: alertTime, label: 'y' },
            ],
          },
        ],
        marker: { at: new Date(Number.NaN), label: 'Alert time' },
      }),
    );
    expect(digArray(config, 'data.datasets')).toHaveLength(1);
    expect(digArray(config, 'data.datasets.0.data')).toHaveLength(1);
  });

  it('uses msticpy heights: 40 px per series, 25 px above 15 series, at most 36 rows', () => {
    const series = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `s${i}`, points: [{ at: minutes(i), label: '' }] }));
    const height = (n: number) => chartImage({ type: 'timeline', title: 't', series: series(n) }).height;
    expect(height(10) - height(9)).toBe(40);
    expect(height(20) - height(19)).toBe(25);
    expect(height(100)).toBe(height(36));
    expect(height(100)).toBeLessThanOrEqual(1024);
  });
});

describe('chartConfig: lines and boxes', () => {
  it('draws lines over UTC time, points sorted, NaN as gaps, pre-parsed for decimation', () => {
    const config = asJson(chartConfig(line));
    expect(dig(config, 'type')).toBe('line');
    expect(dig(config, 'options.parsing')).toBe(false);
    expect(dig(config, 'options.plugins.decimation.enabled')).toBe(true);
    expect(digArray(config, 'data.datasets.0.data').map((p) => dig(p, 'y'))).toEqual([2, 3, 1]);
    expect(digArray(config, 'data.datasets.1.data')).toEqual([{ x: minutes(5).getTime(), y: null }]);
    expect(dig(config, 'options.plugins.legend.display')).toBe(true);
  });

  it('draws box plots as floating bars: range, quartile box and median per series, stacked per series', () => {
    const config = asJson(chartConfig(box));
    const datasets = digArray(config, 'data.datasets');
    expect(datasets).toHaveLength(6);
    expect(datasets.map((d) => dig(d, 'stack'))).toEqual([
      'series-0',
      'series-0',
      'series-0',
      'series-1',
      'series-1',
      'series-1',
    ]);
    expect(digArray(datasets[0], 'data')).toEqual([
      [1, 4],
      [5, 5],
    ]);
    expect(digArray(datasets[1], 'data')).toEqual([
      [1.75, 3.25],
      [5, 5],
    ]);
    expect(digArray(datasets[4], 'data')).toEqual([null, [2.5, 3.5]]);
    expect(dig(config, 'options.indexAxis')).toBe('y');
    // The row axis must not say `stacked: false` (Chart.js would then give each dataset its own slot), and the
    // value axis must (floating bars of one stack must not be summed).
    expect(dig(config, 'options.scales.y.stacked')).toBeUndefined();
    expect(dig(config, 'options.scales.x.stacked')).toBe(false);
    expect(dig(config, 'options.scales.x.title.text')).toBe('pathLogScore');
    expect(digArray(config, 'options.plugins.subtitle.text')[1]).toBe('blue: system session · orange: user session');
  });
});
