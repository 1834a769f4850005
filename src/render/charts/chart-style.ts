/**
 * What every chart shares: the colour palette, sizes and label budgets. Numbers here are tuned by looking at the
 * PNGs (test/artifacts/render/): 900 px wide fits a Teams card and a Slack message at full width.
 */

/** Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), yellow last: weak on white. */
export const palette = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#999999', '#F0E442'];

/** The colour of series `index`, cycling through the palette. */
export function seriesColour(index: number): string {
  return palette[index % palette.length]!;
}

/** `#RRGGBB` with an alpha channel, for fills under a solid border. */
export function translucent(colour: string, alpha: number): string {
  const byte = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
  return `${colour}${byte.toString(16).padStart(2, '0')}`;
}

/** Colour of reference lines such as the alert time. */
export const markerColour = '#B2182B';

/** Text and grid greys. */
export const textColour = '#222222';
export const gridColour = '#E3E3E3';

/** Pixel sizes. */
export const chartWidth = 900;
export const minChartHeight = 240;
/** Room for title, subtitle, legend and the value axis around the rows. */
export const chartChrome = 120;

/** Most rows (bars, timeline series, boxes) drawn; more are summarised in the subtitle. */
export const maxRows = 36;

/** Longest category label on a row axis and under a vertical bar. */
export const rowLabelLength = 40;
export const columnLabelLength = 24;
/** Longest title, subtitle line, series name (legend) and marker label: what fits 900 px at their font sizes. */
export const titleLength = 80;
export const subtitleLength = 115;
export const seriesNameLength = 40;

/** Height of a chart with `rows` horizontal rows of `rowHeight` px (msticpy's timeline: 40 px, 25 px above 15). */
export function heightForRows(rows: number, rowHeight: number): number {
  return Math.max(minChartHeight, chartChrome + rows * rowHeight);
}
