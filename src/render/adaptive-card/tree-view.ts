/**
 * The process tree as card text: msticpy's text tree in monospace with the alert process (its line and its command
 * line) highlighted. A chat card is no place for 300 lines: it shows the parents, then the lines around the alert
 * process, and counts what it leaves out (the `tree` command's Markdown and the export have all of it).
 */
import { codeLine } from './block-views.js';
import type { BlockView, CodeLineView } from './card-view.js';

/** How the process tree step marks the alert process (msticpy's `[source:lev0]`) and its parents. */
const sourceTag = '[source:lev0]';
const parentTag = '[parent:';

/** Most tree lines a card shows (a process takes two: its line and its command line). */
export const treeLines = 16;

const isCommandLine = (line: string | undefined) => line?.trimStart().startsWith('(Cmdline:') ?? false;

/** The line indices of the entry starting at `at`: its line and the command line under it. */
function entry(lines: readonly string[], at: number): number[] {
  return isCommandLine(lines[at + 1]) ? [at, at + 1] : [at];
}

/** Grows a window of line indices around `start..end` one entry-line at a time each way while it fits. */
function windowAround(lines: readonly string[], first: number, last: number, fits: (extra: number) => boolean) {
  let start = first;
  let end = last;
  for (let grew = true; grew; ) {
    grew = false;
    for (const next of [end + 1, start - 1]) {
      const line = lines[next];
      if (line === undefined || !fits(line.length)) continue;
      if (next > end) end = next;
      else start = next;
      grew = true;
    }
  }
  return { start, end };
}

const gapLine = (n: number) => `  ⋮ ${n} more ${n === 1 ? 'line' : 'lines'}`;

/**
 * A code block view of the tree text: parents, then the alert process in context, within `maxChars`.
 * @example treeView(formatProcessTreeText(rows), 8000).lines.filter((l) => l.highlight) // the alert process
 */
export function treeView(text: string, maxChars: number): BlockView & { kind: 'code' } {
  // msticpy's "Process tree:" heading and its underline: the card has its own caption.
  const lines = text.replace(/^Process tree:\n_+\n/, '').split('\n');
  const at = lines.findIndex((line) => line.includes(sourceTag));
  if (at < 0) {
    const shown = lines.slice(0, treeLines).map((line) => codeLine(line.slice(0, maxChars)));
    const left = lines.length - shown.length;
    return { kind: 'code', lines: shown, note: left > 0 ? `${left} more tree lines not shown.` : '' };
  }
  const source = entry(lines, at);
  const parents = lines.flatMap((line, i) => (line.includes(parentTag) && i < at ? entry(lines, i) : []));
  let count = parents.length + source.length;
  let chars = [...parents, ...source].reduce((n, i) => n + (lines[i]?.length ?? 0) + 1, 0);
  const fits = (extra: number) => {
    if (count + 1 > treeLines || chars + extra + 1 > maxChars) return false;
    count += 1;
    chars += extra + 1;
    return true;
  };
  const window = windowAround(lines, source[0] ?? at, source.at(-1) ?? at, fits);
  const shown = [
    ...new Set([...parents, ...Array.from({ length: window.end - window.start + 1 }, (_, i) => window.start + i)]),
  ].sort((a, b) => a - b);
  // The shown lines in order, with "⋮ N more lines" wherever they skip some.
  const sourceLines = new Set(source);
  const out: CodeLineView[] = [];
  let previous = -1;
  for (const i of shown) {
    if (i - previous > 1) out.push(codeLine(gapLine(i - previous - 1)));
    out.push(codeLine(lines[i] ?? '', sourceLines.has(i)));
    previous = i;
  }
  if (previous < lines.length - 1) out.push(codeLine(gapLine(lines.length - 1 - previous)));
  const left = lines.length - shown.length;
  return {
    kind: 'code',
    lines: out,
    note:
      left > 0 ? `${left} of ${lines.length} tree lines not shown here; \`export <alertId>\` has the whole tree.` : '',
  };
}
