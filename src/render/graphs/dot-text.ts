/**
 * Text inside DOT. Every user string goes into an HTML-like label (`label=<…>`): `& < > "` become entities, so no
 * label can end the label early, inject attributes or markup; quotes, braces and `|` are plain text there, never
 * record fields. Graphviz still expands escapes such as `\N` (the node name) and `\G` in that text, after
 * decoding entities — so `C:\new\Node` would lose its `\N`: every backslash is doubled, which Graphviz turns back
 * into one.
 */
import { multiLineLabel, singleLineLabel } from '../images/label-text.js';

const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\\': '\\\\' };

/** Escapes text for the inside of an HTML-like label. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"\\]/g, (char) => replacements[char]!);
}

/** Longest label line and most lines per node. */
export const labelLimits = { lineLength: 48, lines: 4, edgeLength: 32, title: 100 } as const;

/** A multi-line node label (`\n` in the input starts a new line), optionally bold. */
export function nodeLabel(text: string, bold: boolean): string {
  const lines = multiLineLabel(text, labelLimits.lineLength, labelLimits.lines).map(escapeHtmlText);
  const body = lines.join('<BR/>') || ' ';
  return `<${bold ? `<B>${body}</B>` : body}>`;
}

/** A one-line label (edges, the graph title). */
export function lineLabel(text: string, maxLength: number, bold = false): string {
  const body = escapeHtmlText(singleLineLabel(text, maxLength)) || ' ';
  return `<${bold ? `<B>${body}</B>` : body}>`;
}

/** A quoted DOT string for fixed values we choose (colours, shapes, font names). */
export function quoted(value: string | number): string {
  return `"${String(value).replace(/["\\]/g, (char) => `\\${char}`)}"`;
}
