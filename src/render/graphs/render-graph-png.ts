/**
 * `GraphSpec` → PNG in one call: DOT (bounded, escaped), then layout and drawing. Entity graphs are unflattened
 * (an alert with many entities is a star); process trees are not (a rank is a generation).
 */
import type { GraphSpec } from '../../core/section.js';
import { type GraphToDotOptions, graphToDot, isProcessTree } from './graph-to-dot.js';
import { type RenderDotOptions, renderDotPng } from './render-dot-png.js';

/** Draws a graph as a PNG. */
export function renderGraphPng(graph: GraphSpec, options: GraphToDotOptions & RenderDotOptions = {}): Promise<Buffer> {
  const dot = graphToDot(graph, options);
  return renderDotPng(dot, { ...options, unflatten: options.unflatten ?? !isProcessTree(graph) });
}
