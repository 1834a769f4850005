/**
 * Line charts over UTC time, e.g. the notebook's "Number of logons by type" (10-minute buckets).
 */
import type { ChartOptions, ChartType } from 'chart.js';
import type { ChartSpec } from '../../core/section.js';
import { axisLabels, baseOptions, type ChartImage, finiteOrNull, timeAxis, utcText, valueAxis } from './chart-parts.js';
import { chartWidth, seriesColour, seriesNameLength } from './chart-style.js';
import { timeRange } from './timeline-chart.js';

type LineSpec = Extract<ChartSpec, { type: 'line' }>;

/** Above this many points a series is drawn as a bare line: dots would merge into a thick smear. */
const maxDottedPoints = 60;

function* specTimes(spec: LineSpec): Generator<number> {
  for (const series of spec.series) for (const point of series.points) yield point.at.getTime();
}

/** Chart.js' own min–max decimation: a 100k-point series draws as fast as a 2k one and looks the same. */
function withDecimation(options: ChartOptions<ChartType>): ChartOptions<ChartType> {
  return { ...options, plugins: { ...options.plugins, decimation: { enabled: true, algorithm: 'min-max' } } };
}

/** The Chart.js configuration and size of a line chart. */
export function lineChart(spec: LineSpec): ChartImage {
  const range = timeRange(specTimes(spec));
  const { min, max } = range ?? { min: Date.UTC(2000, 0, 1), max: Date.UTC(2000, 0, 2) };
  const names = axisLabels(
    spec.series.map((s) => s.name),
    seriesNameLength,
    'Series',
  );
  const datasets = spec.series.map((series, index) => {
    const points = series.points
      .filter((point) => Number.isFinite(point.at.getTime()))
      .map((point) => ({ x: point.at.getTime(), y: finiteOrNull(point.value) }))
      .sort((a, b) => a.x - b.x);
    return {
      type: 'line' as const,
      label: names[index]!,
      data: points,
      borderColor: seriesColour(index),
      backgroundColor: seriesColour(index),
      borderWidth: 2,
      pointRadius: points.length > maxDottedPoints ? 0 : 3,
      tension: 0,
      spanGaps: false,
    };
  });
  const events = spec.series.reduce((sum, s) => sum + s.points.length, 0);
  const summary = range ? `${events} points · ${utcText(range.min)} → ${utcText(range.max)} UTC` : 'no data';
  return {
    config: {
      type: 'line',
      data: { datasets },
      options: {
        ...withDecimation(baseOptions(spec.title, [summary], spec.series.length > 1)),
        // Points are already {x: epoch ms, y}; skipping parsing is what lets the decimation plugin thin long series.
        parsing: false,
        scales: { x: timeAxis(min, max), y: valueAxis(undefined) },
      },
    },
    width: chartWidth,
    height: 400,
  };
}
