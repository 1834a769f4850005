/**
 * Splits a top-level JSON array into its elements' text and starting lines, without parsing them. Each element is
 * then parsed on its own, so one broken element is a skipped row (with its line) rather than a lost file.
 */

/** One element of the array: its text and the 1-based line where it starts. */
export interface JsonArrayElement {
  line: number;
  text: string;
}

enum Char {
  LineFeed = 10,
  Quote = 34,
  Comma = 44,
  Backslash = 92,
  OpenBracket = 91,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** The 1-based line of a position in the text (lines counted by LF). */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The elements of the array starting at `start` (the `[`), or null when brackets or quotes do not balance. */
export function splitJsonArray(text: string, start: number): JsonArrayElement[] | null {
  const elements: JsonArrayElement[] = [];
  let line = lineAt(text, start);
  let depth = 1;
  let inString = false;
  let elementStart = -1;
  let elementLine = 0;
  const close = (end: number) => {
    if (elementStart >= 0) elements.push({ line: elementLine, text: text.slice(elementStart, end) });
    elementStart = -1;
  };
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === Char.LineFeed) line++;
    if (inString) {
      if (code === Char.Backslash) i++;
      else if (code === Char.Quote) inString = false;
      continue;
    }
    if (depth === 1 && (code === Char.Comma || code === Char.CloseBracket)) {
      close(i);
      if (code === Char.CloseBracket) return text.slice(i + 1).trim() === '' ? elements : null;
      continue;
    }
    if (depth === 1 && elementStart < 0 && !isWhitespace(code)) {
      elementStart = i;
      elementLine = line;
    }
    if (code === Char.Quote) inString = true;
    else if (code === Char.OpenBrace || code === Char.OpenBracket) depth++;
    else if (code === Char.CloseBrace || code === Char.CloseBracket) depth--;
    if (depth < 1) return null;
  }
  return null;
}
