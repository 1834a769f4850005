/**
 * DOT → PNG: Graphviz (WASM, loaded once) lays it out as SVG, which is drawn with the bundled DejaVu fonts on
 * white, fitted to at most 1024 px on the longest side (Teams' image limit).
 *
 * Two SVG engines: Skia through @napi-rs/canvas (default) and resvg. Both draw Graphviz' SVG identically; resvg
 * shapes every text element anew (≈1.7 ms each with DejaVu Sans, ≈400 ms for a 200-node graph), Skia takes
 * ≈30 ms, which is what keeps a 200-node graph within its 150 ms budget (bench/render.bench.ts).
 */

import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { Resvg } from '@resvg/resvg-js';
import { fontFamily, fontFiles, registerCanvasFonts } from '../images/fonts.js';

/** Options of `renderDotPng` and `svgToPng`. */
export interface RenderDotOptions {
  /** Longest side of the PNG, in pixels. Default 1024. */
  maxSide?: number;
  /** Largest enlargement of small graphs (crisper text when the client scales the image down). Default 2. */
  maxZoom?: number;
  /** SVG renderer: `canvas` (Skia, fast) or `resvg`. Default `canvas`. */
  engine?: 'canvas' | 'resvg';
  /**
   * Run Graphviz' `unflatten` first so star-shaped graphs (an alert with many entities) stack in columns instead
   * of one long column. Default false: in a process tree a rank is a generation and must stay one.
   */
  unflatten?: boolean;
}

let graphviz: Promise<Graphviz> | undefined;

/** The Graphviz WASM instance, loaded on first use (≈100 ms) and shared. */
function loadGraphviz(): Promise<Graphviz> {
  graphviz ??= Graphviz.load().catch((error: unknown) => {
    graphviz = undefined;
    throw error;
  });
  return graphviz;
}

/** Lays out DOT as SVG. Throws on DOT syntax errors. */
export async function dotToSvg(dot: string, options: { unflatten?: boolean } = {}): Promise<string> {
  const instance = await loadGraphviz();
  // Leaves get staggered ranks (minlen up to 3) and fans are spread, in chains of at most 4.
  const source = options.unflatten ? instance.unflatten(dot, 3, true, 4) : dot;
  return instance.dot(source, 'svg');
}

/** The SVG's size in CSS pixels, from Graphviz' `width="…pt" height="…pt"` (1 pt = 4/3 px). */
export function svgPixelSize(svg: string): { width: number; height: number } | undefined {
  const match = /<svg[^>]*\swidth="([\d.]+)pt"[^>]*\sheight="([\d.]+)pt"/.exec(svg);
  if (!match) return undefined;
  return { width: (Number(match[1]) * 4) / 3, height: (Number(match[2]) * 4) / 3 };
}

function fitZoom(svg: string, options: RenderDotOptions): { zoom: number; width: number; height: number } {
  const size = svgPixelSize(svg) ?? { width: 1, height: 1 };
  const maxSide = options.maxSide ?? 1024;
  // Rounding up could overshoot the limit by a pixel: aim a little below it.
  const zoom = Math.min(options.maxZoom ?? 2, (maxSide - 0.5) / Math.max(size.width, size.height, 1));
  return {
    zoom,
    width: Math.max(1, Math.min(maxSide, Math.round(size.width * zoom))),
    height: Math.max(1, Math.min(maxSide, Math.round(size.height * zoom))),
  };
}

function resvgPng(svg: string, zoom: number): Buffer {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: zoom },
    font: { fontFiles: [fontFiles.regular, fontFiles.bold], loadSystemFonts: false, defaultFontFamily: fontFamily },
  });
  return resvg.render().asPng();
}

async function canvasPng(svg: string, width: number, height: number): Promise<Buffer> {
  registerCanvasFonts();
  const image = await loadImage(Buffer.from(svg));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  return canvas.encode('png');
}

/** Draws a Graphviz SVG as a PNG with the bundled fonts, fitted to `maxSide`. */
export async function svgToPng(svg: string, options: RenderDotOptions = {}): Promise<Buffer> {
  const { zoom, width, height } = fitZoom(svg, options);
  return options.engine === 'resvg' ? resvgPng(svg, zoom) : canvasPng(svg, width, height);
}

/** DOT → PNG. */
export async function renderDotPng(dot: string, options: RenderDotOptions = {}): Promise<Buffer> {
  const svg = await dotToSvg(dot, { unflatten: options.unflatten ?? false });
  return svgToPng(svg, options);
}
