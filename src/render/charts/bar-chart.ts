/**
 * Bar charts: alert counts by type, process names with cluster size > 1 (horizontal), logons by account ×
 * logon type (stacked). Rows beyond `maxRows` are dropped, largest kept, and the subtitle says so.
 */
import type { ChartSpec } from '../../core/section.js';
import {
  axisLabels,
  baseOptions,
  type ChartImage,
  categoryAxis,
  droppedRowsNote,
  finiteOrNull,
  keptRows,
  valueAxis,
} from './chart-parts.js';
import {
  chartWidth,
  columnLabelLength,
  heightForRows,
  maxRows,
  rowLabelLength,
  seriesColour,
  seriesNameLength,
  translucent,
} from './chart-style.js';

type BarSpec = Extract<ChartSpec, { type: 'bar' }>;

/** Pixel height of one label's row: one bar, or a group of side-by-side bars. */
function rowHeight(seriesCount: number, stacked: boolean): number {
  return stacked || seriesCount <= 1 ? 24 : Math.min(60, 10 + 14 * seriesCount);
}

function rowTotals(spec: BarSpec): number[] {
  return spec.labels.map((_, row) =>
    spec.series.reduce((sum, s) => sum + Math.abs(finiteOrNull(s.values[row]) ?? 0), 0),
  );
}

/** The Chart.js configuration and size of a bar chart. */
export function barChart(spec: BarSpec): ChartImage {
  const horizontal = spec.horizontal ?? false;
  const stacked = spec.stacked ?? false;
  const rows = keptRows(rowTotals(spec), maxRows);
  const labels = axisLabels(
    rows.map((row) => spec.labels[row] ?? ''),
    horizontal ? rowLabelLength : columnLabelLength,
    '(blank)',
  );
  const names = axisLabels(
    spec.series.map((s) => s.name),
    seriesNameLength,
    'Series',
  );
  const datasets = spec.series.map((series, index) => ({
    label: names[index]!,
    data: rows.map((row) => finiteOrNull(series.values[row])),
    backgroundColor: translucent(seriesColour(index), 0.85),
    borderColor: seriesColour(index),
    borderWidth: 1,
    maxBarThickness: horizontal ? 28 : 64,
  }));
  const note = droppedRowsNote(rows.length, spec.labels.length, 'bars');
  const options = baseOptions(spec.title, note ? [note] : [], spec.series.length > 1);
  const indexAxis = categoryAxis(undefined, stacked);
  const values = valueAxis(undefined, { stacked });
  const height = horizontal ? heightForRows(rows.length, rowHeight(spec.series.length, stacked)) : 420;
  return {
    config: {
      type: 'bar',
      data: { labels, datasets },
      options: {
        ...options,
        indexAxis: horizontal ? 'y' : 'x',
        scales: horizontal ? { x: values, y: indexAxis } : { x: indexAxis, y: values },
      },
    },
    width: chartWidth,
    height,
  };
}
