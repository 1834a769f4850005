/**
 * Truncation shared by renderers: long strings are cut with an ellipsis and say so, never dropped silently.
 */

/** Cuts `text` to at most `max` characters, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Budgets per renderer. */
export const limits = {
  /** Teams rejects cards much above 28 KB of JSON. */
  teamsCardBytes: 28_000,
  /** Longest cell shown in a table before truncation. */
  tableCell: 300,
  /** Longest code block. */
  codeBlock: 4_000,
  /** Most table rows in one card / message before "N more". */
  tableRows: 50,
} as const;
