/**
 * The same chart as a QuickChart image URL, for deployments that set QUICKCHART_URL (a self-hosted QuickChart
 * or quickchart.io) instead of serving PNGs themselves.
 */
import { createRequire } from 'node:module';
import type quickChartModule from 'quickchart-js';
import type { SocbotChartConfig } from './chart-parts.js';
import { chartWidth } from './chart-style.js';

// quickchart-js' types describe its CommonJS build (`module.exports = QuickChart`), which is what we load; an ESM
// default import would be typed as the module object and fail to type-check as a constructor.
type QuickChartClass = (typeof quickChartModule)['default'];
const QuickChart: QuickChartClass = createRequire(import.meta.url)('quickchart-js');

/** Options of `quickChartUrl`. */
export interface QuickChartUrlOptions {
  /** The QuickChart server, e.g. `https://quickchart.io` or `http://quickchart:3400/qc` (a path prefix is kept). */
  baseUrl: string;
  width?: number;
  height?: number;
}

/**
 * Drops the date-fns display formats: QuickChart renders with its own date adapter, whose tokens differ
 * (`d` is the weekday in moment), so its defaults read better than our tokens misread.
 */
function withoutDisplayFormats(config: SocbotChartConfig): unknown {
  return JSON.parse(JSON.stringify(config), (key: string, value: unknown) =>
    key === 'displayFormats' || key === 'tooltipFormat' ? undefined : value,
  );
}

/** The QuickChart URL that draws `config` (Chart.js 4, white background). Pure: nothing is fetched. */
export function quickChartUrl(config: SocbotChartConfig, options: QuickChartUrlOptions): string {
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new Error(`QuickChart URL must be http(s), got ${base.protocol}`);
  }
  const chart = new QuickChart();
  chart.setVersion('4');
  chart.setScheme(base.protocol.slice(0, -1));
  // quickchart-js builds `${scheme}://${host}/chart`: a path prefix rides along in the host.
  chart.setHost(`${base.host}${base.pathname.replace(/\/+$/, '')}`);
  // A JSON string, not the object: quickchart-js would otherwise serialise with javascript-stringify.
  chart.setConfig(JSON.stringify(withoutDisplayFormats(config)));
  chart.setWidth(options.width ?? chartWidth);
  chart.setHeight(options.height ?? 400);
  chart.setBackgroundColor('white');
  return chart.getUrl();
}
