/**
 * Label clean-up shared by charts and graphs: user data (alert names, command lines, paths) can hold control
 * characters, broken surrogate pairs and kilobytes of text; images need short, printable lines.
 */

// C0/C1 controls except newline, non-characters and lone surrogates: they break XML (Graphviz' HTML labels),
// encoders and fonts.
const unprintable =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Bidirectional controls reorder what is shown (`evil\u202Egpj.exe` displays as `evilexe.jpg`), a known way to
// disguise file names: show them as visible code points instead of obeying them.
const bidiControls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visibleBidi(text: string): string {
  return text.replace(bidiControls, (char) => `[U+${char.charCodeAt(0).toString(16).toUpperCase()}]`);
}

/** Cuts `text` to at most `max` UTF-16 units, ending with `…`, without splitting a surrogate pair. */
export function ellipsize(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** One printable line: newlines and tabs become spaces, runs of spaces shrink, at most `max` characters. */
export function singleLineLabel(text: string, max: number): string {
  // Cut first so a 10 MB string costs no more than a short one.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const line = visibleBidi(head.replace(/\r\n?|\n|\t/g, ' ').replace(unprintable, ''))
    .replace(/ {2,}/g, ' ')
    .trim();
  return ellipsize(head.length < text.length && line.length <= max ? `${line}…` : line, max);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Like `singleLineLabel`, but text with path separators is cut in the middle, keeping the end, where the file
 * name is: `C:\Windows\…\hosts-file-name.txt` instead of `C:\Windows\System32\drivers\etc\hos…`.
 */
export function pathAwareLabel(text: string, max: number): string {
  const window = max * 4;
  const head = singleLineLabel(text.slice(0, window), window);
  if (!/[\\/]/.test(head) || max < 8) return singleLineLabel(text, max);
  const tail = text.length > window ? singleLineLabel(text.slice(-window), window) : head;
  if (text.length <= window && head.length <= max) return head;
  const fileName = tail.slice(Math.max(tail.lastIndexOf('\\'), tail.lastIndexOf('/')));
  const keepEnd = Math.min(max - 4, Math.max(fileName.length, Math.ceil((max - 1) / 2)));
  let start = head.slice(0, max - 1 - keepEnd);
  // Cut the start back to a whole folder name (`C:\Windows\` rather than `C:\Wind`) when it has one.
  const lastSeparator = Math.max(start.lastIndexOf('\\'), start.lastIndexOf('/'));
  if (lastSeparator > 0) start = start.slice(0, lastSeparator + 1);
  let end = tail.slice(tail.length - keepEnd);
  if (start.length > 0 && isHighSurrogate(start.charCodeAt(start.length - 1))) start = start.slice(0, -1);
  if (end.length > 0 && isLowSurrogate(end.charCodeAt(0))) end = end.slice(1);
  return `${start}…${end}`;
}

/** Printable lines (at most `maxLines`, each at most `maxLineLength`); a cut is marked with `…`. */
export function multiLineLabel(text: string, maxLineLength: number, maxLines: number): string[] {
  const head = text.length > maxLineLength * maxLines * 4 ? text.slice(0, maxLineLength * maxLines * 4) : text;
  const lines = head.split(/\r\n?|\n/).map((line) => pathAwareLabel(line, maxLineLength));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  if (!last.endsWith('…')) kept[maxLines - 1] = ellipsize(`${last}…`, maxLineLength);
  return kept;
}
