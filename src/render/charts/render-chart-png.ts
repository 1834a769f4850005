/**
 * Charts → PNG in-process: Chart.js on @napi-rs/canvas (prebuilt, no system libraries), the bundled DejaVu Sans
 * registered once, UTC time axes, a white background, no animation.
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartType, type Plugin, registerables } from 'chart.js';
import type { ChartSpec } from '../../core/section.js';
import { fontFamily, registerCanvasFonts } from '../images/fonts.js';
import { chartImage, type SocbotChartConfig } from './chart-config.js';
import { chartWidth, textColour } from './chart-style.js';
import { useUtcTimeAxes } from './utc-date-adapter.js';

/** Options of `renderChartPng`. */
export interface RenderChartOptions {
  /** Pixel size; for a `ChartSpec` the default is the size `chartImage` computes, for a configuration 900 × 400. */
  width?: number;
  height?: number;
  /** Pixels per CSS pixel. Default 1: 900 px is already wider than a Teams card shows it. */
  devicePixelRatio?: number;
}

let ready = false;

/** One-time, process-wide set-up: Chart.js parts, fonts, UTC dates. */
function prepareChartJs(): void {
  if (ready) return;
  Chart.register(...registerables);
  // Without a registered font, text silently disappears on machines without system fonts.
  registerCanvasFonts();
  Chart.defaults.font.family = fontFamily;
  Chart.defaults.color = textColour;
  useUtcTimeAxes();
  ready = true;
}

/** Paints the canvas white before each draw (Chart.js clears it to transparent). */
const whiteBackground: Plugin<ChartType> = {
  id: 'socbotWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function isChartSpec(input: ChartSpec | SocbotChartConfig): input is ChartSpec {
  return !('data' in input);
}

/** Draws a chart (a `ChartSpec`, or a configuration from `chartConfig`) as a PNG. */
export async function renderChartPng(
  input: ChartSpec | SocbotChartConfig,
  options: RenderChartOptions = {},
): Promise<Buffer> {
  prepareChartJs();
  const image = isChartSpec(input) ? chartImage(input) : { config: input, width: chartWidth, height: 400 };
  const width = Math.round(options.width ?? image.width);
  const height = Math.round(options.height ?? image.height);
  const ratio = options.devicePixelRatio ?? 1;
  // Chart.js scales the canvas by devicePixelRatio itself (retinaScale), so it starts at the CSS size.
  const canvas = createCanvas(width, height);
  const config: SocbotChartConfig = {
    ...image.config,
    options: { ...image.config.options, responsive: false, animation: false, devicePixelRatio: ratio },
    plugins: [...(image.config.plugins ?? []), whiteBackground],
  };
  // Chart.js' platform for non-DOM contexts only needs the 2D context API, which @napi-rs/canvas implements.
  const context = canvas.getContext('2d') as unknown as CanvasRenderingContext2D;
  const chart = new Chart(context, config);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
