/**
 * Box plots (the notebook's "Variability of Commandline Tokens" / "Variability of Path") from plain Chart.js
 * floating bars, one row per label: a thin bar min → max (whiskers), a box q1 → q3 and a dark sliver at the
 * median. Bars of one series share a stack so they overlap; series (the notebook's hue) sit side by side.
 * Whiskers span the whole range, so no value is hidden as an unplotted outlier.
 */
import type { ChartSpec } from '../../core/section.js';
import { type BoxStats, boxStats } from './box-stats.js';
import {
  axisLabels,
  baseOptions,
  type ChartImage,
  categoryAxis,
  droppedRowsNote,
  keptRows,
  valueAxis,
} from './chart-parts.js';
import {
  chartWidth,
  heightForRows,
  maxRows,
  rowLabelLength,
  seriesColour,
  seriesNameLength,
  translucent,
} from './chart-style.js';

type BoxSpec = Extract<ChartSpec, { type: 'box' }>;

type Range = [number, number] | null;

function valueSpan(stats: readonly (BoxStats | undefined)[]): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of stats) {
    if (!s) continue;
    min = Math.min(min, s.min);
    max = Math.max(max, s.max);
  }
  return max > min ? max - min : Math.max(Math.abs(max), 1);
}

function seriesDatasets(name: string, index: number, stats: readonly (BoxStats | undefined)[], span: number) {
  const colour = seriesColour(index);
  const stack = `series-${index}`;
  const half = span * 0.004;
  const bars = (pick: (s: BoxStats) => Range) => stats.map((s) => (s ? pick(s) : null));
  return [
    {
      type: 'bar' as const,
      label: `${name} range`,
      stack,
      data: bars((s) => [s.min, s.max]),
      backgroundColor: colour,
      barPercentage: 0.12,
      order: 3,
    },
    {
      type: 'bar' as const,
      label: name,
      stack,
      data: bars((s) => [s.q1, s.q3]),
      backgroundColor: translucent(colour, 0.55),
      borderColor: colour,
      borderWidth: 1.5,
      borderSkipped: false,
      barPercentage: 0.7,
      order: 2,
    },
    {
      type: 'bar' as const,
      label: `${name} median`,
      stack,
      data: bars((s) => [s.median - half, s.median + half]),
      backgroundColor: '#111111',
      barPercentage: 0.7,
      order: 1,
    },
  ];
}

function legendLine(names: readonly string[]): string | undefined {
  if (names.length < 2) return undefined;
  const colourNames = ['blue', 'orange', 'green', 'red', 'sky blue', 'purple', 'grey', 'yellow'];
  return names.map((name, index) => `${colourNames[index % colourNames.length]}: ${name}`).join(' · ');
}

/** The Chart.js configuration and size of a box plot (horizontal rows). */
export function boxChart(spec: BoxSpec): ChartImage {
  const weights = spec.labels.map((_, row) => spec.series.reduce((sum, s) => sum + (s.samples[row]?.length ?? 0), 0));
  const rows = keptRows(weights, maxRows);
  const labels = axisLabels(
    rows.map((row) => spec.labels[row] ?? ''),
    rowLabelLength,
    '(blank)',
  );
  const names = axisLabels(
    spec.series.map((s) => s.name),
    seriesNameLength,
    'Series',
  );
  const stats = spec.series.map((series) => rows.map((row) => boxStats(series.samples[row] ?? [])));
  const span = valueSpan(stats.flat());
  const datasets = spec.series.flatMap((_, index) => seriesDatasets(names[index]!, index, stats[index]!, span));
  // A legend would list three entries per series (range, box, median): name the colours in the subtitle instead.
  const subtitle = [
    'box: quartiles · dark line: median · thin bar: min–max',
    legendLine(names),
    droppedRowsNote(rows.length, spec.labels.length, 'rows'),
  ];
  const rowHeight = spec.series.length <= 1 ? 28 : Math.min(64, 10 + 18 * spec.series.length);
  return {
    config: {
      type: 'bar',
      data: { labels, datasets },
      options: {
        ...baseOptions(
          spec.title,
          subtitle.filter((line): line is string => Boolean(line)),
          false,
        ),
        indexAxis: 'y',
        scales: { x: valueAxis(spec.valueLabel, { beginAtZero: false }), y: categoryAxis(undefined) },
      },
    },
    width: chartWidth,
    height: heightForRows(rows.length, rowHeight),
  };
}
