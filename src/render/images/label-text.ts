/**
 * Label clean-up shared by charts and graphs: user data (alert names, command lines, paths) can hold control
 * characters, broken surrogate pairs and kilobytes of text; images need short, printable lines.
 */

// C0/C1 controls except newline, plus lone surrogates (they break encoders and fonts).
const unprintable =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cuts `text` to at most `max` UTF-16 units, ending with `…`, without splitting a surrogate pair. */
export function ellipsize(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** One printable line: newlines and tabs become spaces, runs of spaces shrink, at most `max` characters. */
export function singleLineLabel(text: string, max: number): string {
  // Cut first so a 10 MB string costs no more than a short one.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const line = head
    .replace(/\r\n?|\n|\t/g, ' ')
    .replace(unprintable, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return ellipsize(head.length < text.length && line.length <= max ? `${line}…` : line, max);
}

/** Printable lines (at most `maxLines`, each at most `maxLineLength`); a cut is marked with `…`. */
export function multiLineLabel(text: string, maxLineLength: number, maxLines: number): string[] {
  const head = text.length > maxLineLength * maxLines * 4 ? text.slice(0, maxLineLength * maxLines * 4) : text;
  const lines = head.split(/\r\n?|\n/).map((line) => singleLineLabel(line, maxLineLength));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  if (!last.endsWith('…')) kept[maxLines - 1] = ellipsize(`${last}…`, maxLineLength);
  return kept;
}
