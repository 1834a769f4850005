/**
 * Timelines as msticpy's `display_timeline` draws them: one row of dots per series on a UTC time axis, the range
 * padded by 10 % each side, an optional vertical marker (the alert time) drawn as an extra line dataset on a
 * hidden 0–1 axis, so the configuration stays plain JSON that QuickChart can render too.
 */
import type { ChartSpec } from '../../core/section.js';
import { singleLineLabel } from '../images/label-text.js';
import {
  axisLabels,
  baseOptions,
  type ChartImage,
  categoryAxis,
  droppedRowsNote,
  keptRows,
  timeAxis,
  utcText,
} from './chart-parts.js';
import {
  chartWidth,
  heightForRows,
  markerColour,
  maxRows,
  rowLabelLength,
  seriesColour,
  seriesNameLength,
  translucent,
} from './chart-style.js';

type TimelineSpec = Extract<ChartSpec, { type: 'timeline' }>;

/** Dots closer than this fraction of the axis overlap anyway: one per bucket keeps 10k events fast and small. */
const bucketsAcrossAxis = 1800;
/** An axis needs some width even for a single event. */
const minimumSpanMs = 10 * 60_000;

/** The padded [min, max] of the events and the marker (msticpy pads 10 % each side). */
export function timeRange(times: Iterable<number>): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const time of times) {
    if (!Number.isFinite(time)) continue;
    if (time < min) min = time;
    if (time > max) max = time;
  }
  if (min > max) return undefined;
  const span = Math.max(max - min, minimumSpanMs);
  const middle = (min + max) / 2;
  const half = (span * 1.2) / 2;
  return { min: Math.floor(middle - half), max: Math.ceil(middle + half) };
}

function* specTimes(spec: TimelineSpec): Generator<number> {
  for (const series of spec.series) for (const point of series.points) yield point.at.getTime();
  if (spec.marker) yield spec.marker.at.getTime();
}

/** One point per time bucket, in input order: the same dots, far fewer of them. Linear in the points. */
function thinnedTimes(points: readonly { at: Date }[], min: number, max: number): number[] {
  const bucketMs = (max - min) / bucketsAcrossAxis;
  const seen = new Set<number>();
  const times: number[] = [];
  for (const point of points) {
    const time = point.at.getTime();
    if (!Number.isFinite(time)) continue;
    const bucket = Math.floor((time - min) / bucketMs);
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    times.push(time);
  }
  return times;
}

function subtitle(spec: TimelineSpec, range: { min: number; max: number } | undefined, shownRows: number): string[] {
  const events = spec.series.reduce((sum, s) => sum + s.points.length, 0);
  const summary = [`${events} event${events === 1 ? '' : 's'}`];
  if (range) summary.push(`${utcText(range.min)} → ${utcText(range.max)} UTC`);
  const notes: string[] = [];
  if (spec.marker && Number.isFinite(spec.marker.at.getTime())) {
    notes.push(
      `dashed line: ${singleLineLabel(spec.marker.label, seriesNameLength)} ${utcText(spec.marker.at.getTime())}`,
    );
  }
  const dropped = droppedRowsNote(shownRows, spec.series.length, 'series');
  if (dropped) notes.push(dropped);
  return [summary.join(' · '), notes.join(' · ')];
}

/** The Chart.js configuration and size of a timeline. */
export function timelineChart(spec: TimelineSpec): ChartImage {
  const range = timeRange(specTimes(spec));
  const { min, max } = range ?? { min: Date.UTC(2000, 0, 1), max: Date.UTC(2000, 0, 1) + minimumSpanMs };
  const rows = keptRows(
    spec.series.map((s) => s.points.length),
    maxRows,
  );
  const names = axisLabels(
    rows.map((row) => spec.series[row]!.name),
    rowLabelLength,
    '(no name)',
  );
  const datasets: ChartImage['config']['data']['datasets'] = rows.map((row, index) => ({
    type: 'scatter' as const,
    label: names[index]!,
    data: thinnedTimes(spec.series[row]!.points, min, max).map((x) => ({ x, y: names[index]! })),
    backgroundColor: translucent(seriesColour(index), 0.75),
    borderColor: seriesColour(index),
    borderWidth: 1,
    pointRadius: 4,
  }));
  const markerTime = spec.marker?.at.getTime();
  if (spec.marker && markerTime !== undefined && Number.isFinite(markerTime)) {
    datasets.push({
      type: 'line' as const,
      label: singleLineLabel(spec.marker.label, seriesNameLength),
      data: [
        { x: markerTime, y: 0 },
        { x: markerTime, y: 1 },
      ],
      yAxisID: 'marker',
      borderColor: markerColour,
      borderWidth: 2,
      borderDash: [6, 4],
      pointRadius: 0,
      order: -1,
    });
  }
  const rowPixels = rows.length > 15 ? 25 : 40;
  return {
    config: {
      type: 'scatter',
      data: { datasets },
      options: {
        ...baseOptions(`Timeline: ${spec.title}`, subtitle(spec, range, rows.length), false),
        scales: {
          // With no events the axis range is made up: draw the frame without inventing times.
          x: range ? timeAxis(min, max) : { ...timeAxis(min, max), ticks: { display: false } },
          // An axis with no labels draws nothing: keep one placeholder row so an empty chart still has a frame.
          y: { ...categoryAxis(names.length > 0 ? names : ['(no events)']), offset: true },
          marker: { type: 'linear', axis: 'y', position: 'right', display: false, min: 0, max: 1 },
        },
      },
    },
    width: chartWidth,
    height: heightForRows(Math.max(rows.length, 1), rowPixels),
  };
}
