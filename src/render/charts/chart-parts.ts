/**
 * Building blocks of the Chart.js configurations: title, legend, axes. Everything stays JSON-serialisable (no
 * functions) so the same configuration can be sent to QuickChart as it is.
 */
import type { ChartConfiguration, ChartOptions, ChartType, ScaleOptions } from 'chart.js';
import { pathAwareLabel, singleLineLabel } from '../images/label-text.js';
import { gridColour, subtitleLength, textColour, titleLength } from './chart-style.js';

/**
 * socbot's Chart.js configuration: any chart type, data points of any shape (timelines put category names in y),
 * string labels. Chart.js' default generics cannot express a scatter chart with a line dataset in it.
 */
export type SocbotChartConfig = ChartConfiguration<ChartType, unknown[], string>;

/** A chart configuration with its pixel size. */
export interface ChartImage {
  config: SocbotChartConfig;
  width: number;
  height: number;
}

/** The options every chart shares: static (no animation, fixed size), title, subtitle lines, no tooltips. */
export function baseOptions(title: string, subtitleLines: readonly string[], legend: boolean): ChartOptions<ChartType> {
  const subtitle = subtitleLines.map((line) => singleLineLabel(line, subtitleLength)).filter(Boolean);
  return {
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    events: [],
    layout: { padding: { top: 4, right: 24, bottom: 8, left: 8 } },
    color: textColour,
    plugins: {
      title: {
        display: true,
        text: singleLineLabel(title, titleLength) || 'Chart',
        color: textColour,
        font: { size: 16, weight: 'bold' },
        padding: { top: 8, bottom: subtitle.length > 0 ? 2 : 10 },
      },
      subtitle: {
        display: subtitle.length > 0,
        text: subtitle,
        color: '#555555',
        font: { size: 12 },
        padding: { bottom: 8 },
      },
      legend: { display: legend, position: 'top', labels: { color: textColour, boxWidth: 14, font: { size: 12 } } },
      tooltip: { enabled: false },
    },
  };
}

/** A category axis of row labels (bars, timeline rows, boxes). */
export function categoryAxis(labels: string[] | undefined, stacked = false): ScaleOptions<'category'> {
  return {
    type: 'category',
    ...(labels ? { labels } : {}),
    // Only ever `true` or absent: an explicit `false` would give every dataset its own slot, even datasets that
    // share a `stack` (the box plot's range, box and median must overlap).
    ...(stacked ? { stacked: true } : {}),
    ticks: { color: textColour, autoSkip: false, font: { size: 12 } },
    grid: { color: gridColour },
  };
}

/** A numeric value axis starting at zero. */
export function valueAxis(
  title: string | undefined,
  options: { beginAtZero?: boolean; stacked?: boolean } = {},
): ScaleOptions<'linear'> {
  return {
    type: 'linear',
    beginAtZero: options.beginAtZero ?? true,
    stacked: options.stacked ?? false,
    ticks: { color: textColour, precision: 0 },
    grid: { color: gridColour },
    title: { display: Boolean(title), text: title ?? '', color: textColour },
  };
}

/** A time axis over [min, max] (epoch ms). Tokens are date-fns'; the renderer formats them in UTC. */
export function timeAxis(min: number, max: number): ScaleOptions<'time'> {
  return {
    type: 'time',
    min,
    max,
    time: {
      tooltipFormat: 'yyyy-MM-dd HH:mm:ss',
      displayFormats: {
        millisecond: 'HH:mm:ss.SSS',
        second: 'HH:mm:ss',
        minute: 'HH:mm',
        hour: 'MMM d HH:mm',
        day: 'MMM d',
        week: 'MMM d',
        month: 'MMM yyyy',
        quarter: 'qqq yyyy',
        year: 'yyyy',
      },
    },
    ticks: { color: textColour, maxRotation: 0, autoSkip: true, autoSkipPadding: 24 },
    grid: { color: gridColour },
    title: { display: true, text: 'Time (UTC)', color: textColour },
  };
}

/** `2019-02-09 06:10:01` (UTC): the precise times in subtitles. */
export function utcText(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** The finite number, or null (Chart.js skips nulls; NaN and Infinity are not JSON). */
export function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/** Labels shortened for an axis (paths keep their file name) and made unique (two long names cut to the same text must stay two rows). */
export function axisLabels(labels: readonly string[], maxLength: number, fallback: string): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const short = pathAwareLabel(label, maxLength) || fallback;
    const count = (seen.get(short) ?? 0) + 1;
    seen.set(short, count);
    return count === 1 ? short : `${short} (${count})`;
  });
}

/** Indexes of the `max` rows with the largest weight, in their original order (all rows when they fit). */
export function keptRows(weights: readonly number[], max: number): number[] {
  const all = weights.map((_, index) => index);
  if (weights.length <= max) return all;
  const ranked = [...all].sort((a, b) => weights[b]! - weights[a]! || a - b);
  return ranked.slice(0, max).sort((a, b) => a - b);
}

/** "showing 36 of 50 <what>" when rows were dropped. */
export function droppedRowsNote(kept: number, total: number, what: string): string | undefined {
  return kept < total ? `showing the ${kept} largest of ${total} ${what}` : undefined;
}
