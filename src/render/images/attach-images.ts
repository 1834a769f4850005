/**
 * Draws the charts and graphs of Sections and links them as images: the one impure step between the steps'
 * view models and the (pure) renderers. A chart that cannot be drawn keeps its text form and says so.
 */
import type { Block, ImageRef, Section } from '../../core/section.js';
import { chartConfig, chartImage } from '../charts/chart-config.js';
import { quickChartUrl } from '../charts/quickchart-url.js';
import { renderChartPng } from '../charts/render-chart-png.js';
import { renderGraphPng } from '../graphs/render-graph-png.js';
import type { ImageStore } from './image-store.js';

export interface ImageOptions {
  store: ImageStore;
  /** Where `/charts/<id>.png` is reachable by the people who see the card ('' = relative, for the local page). */
  baseUrl: string;
  /** A QuickChart server: charts become QuickChart URLs of the same configuration instead of local PNGs. */
  quickChartUrl?: string;
  /** Graph nodes shown before the rest collapse; chat images are at most 1024 px wide. */
  maxGraphNodes?: number;
  /** Hears images that could not be drawn (the Section says so too). */
  onError?: (error: unknown, title: string) => void;
}

/** Size of a PNG from its header (width and height are big-endian at bytes 16 and 20). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function imageOf(block: Extract<Block, { kind: 'chart' | 'graph' }>, options: ImageOptions): Promise<ImageRef> {
  if (block.kind === 'chart') {
    const alt = block.chart.title;
    if (options.quickChartUrl) {
      const { width, height } = chartImage(block.chart);
      return {
        url: quickChartUrl(chartConfig(block.chart), { baseUrl: options.quickChartUrl, width, height }),
        alt,
        width,
        height,
      };
    }
    const png = await renderChartPng(block.chart);
    return { url: options.store.put(png).url(options.baseUrl), alt, ...pngSize(png) };
  }
  const png = await renderGraphPng(block.graph, { maxNodes: options.maxGraphNodes ?? 60 });
  const alt = `${block.graph.title}: ${block.graph.nodes.length} nodes`;
  return { url: options.store.put(png).url(options.baseUrl), alt, ...pngSize(png) };
}

/** Returns the Sections with every chart and graph block linked to its image. */
export async function attachImages(sections: readonly Section[], options: ImageOptions): Promise<Section[]> {
  const result: Section[] = [];
  // One image at a time: drawing is CPU-bound, and other requests share the event loop.
  for (const section of sections) {
    const warnings = [...section.warnings];
    const blocks: Block[] = [];
    for (const block of section.blocks) {
      if (block.kind !== 'chart' && block.kind !== 'graph') {
        blocks.push(block);
        continue;
      }
      try {
        blocks.push({ ...block, image: await imageOf(block, options) });
      } catch (error) {
        const title = block.kind === 'chart' ? block.chart.title : block.graph.title;
        warnings.push(`The image "${title}" could not be drawn; its data is shown as text.`);
        options.onError?.(error, title);
        blocks.push(block);
      }
    }
    result.push({ ...section, blocks, warnings });
  }
  return result;
}
