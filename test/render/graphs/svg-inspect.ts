/**
 * Test helper: read back Graphviz' SVG — node and edge groups, the text it draws — to prove a DOT source meant
 * what we wanted (no injected nodes or attributes, labels shown literally).
 */

/** How many `<g class="node">` / `<g class="edge">` groups the SVG has. */
export function svgCounts(svg: string): { nodes: number; edges: number } {
  return {
    nodes: (svg.match(/<g id="node\d+" class="node">/g) ?? []).length,
    edges: (svg.match(/<g id="edge\d+" class="edge">/g) ?? []).length,
  };
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
}

/** The text of every `<text>` element, decoded, in document order. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => decode(match[1]!));
}

/** The SVG fragment of node group number `index` (1-based, in DOT order). */
export function svgNode(svg: string, index: number): string {
  const start = svg.indexOf(`<g id="node${index}" class="node">`);
  if (start < 0) return '';
  return svg.slice(start, svg.indexOf('</g>', start));
}
