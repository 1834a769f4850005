/**
 * `ChartSpec` → Chart.js 4 configuration, pure and JSON-serialisable (no functions), so the in-process renderer
 * and QuickChart draw the same thing.
 */
import type { ChartSpec } from '../../core/section.js';
import { barChart } from './bar-chart.js';
import { boxChart } from './box-chart.js';
import type { ChartImage, SocbotChartConfig } from './chart-parts.js';
import { lineChart } from './line-chart.js';
import { timelineChart } from './timeline-chart.js';

export type { ChartImage, SocbotChartConfig } from './chart-parts.js';

/** The configuration of a chart together with the pixel size it is drawn at (height grows with the rows). */
export function chartImage(spec: ChartSpec): ChartImage {
  switch (spec.type) {
    case 'bar':
      return barChart(spec);
    case 'timeline':
      return timelineChart(spec);
    case 'line':
      return lineChart(spec);
    case 'box':
      return boxChart(spec);
  }
}

/** The Chart.js 4 configuration of a chart. */
export function chartConfig(spec: ChartSpec): SocbotChartConfig {
  return chartImage(spec).config;
}
