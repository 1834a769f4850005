/**
 * Python's `textwrap.wrap` (3.11) with its defaults — break on whitespace and after hyphens inside words,
 * break over-long words, drop whitespace at line ends — so msticpy's text trees come out byte for byte.
 */

/** Options of `wrapText`, as in Python's TextWrapper. */
export interface WrapOptions {
  width: number;
  initialIndent?: string;
  subsequentIndent?: string;
}

const letter = String.raw`[\p{L}\p{Nl}\p{No}_]`;
const wordPunct = String.raw`[\p{L}\p{N}_!"'&.,?]`;
const space = String.raw`[\t\n\v\f\r ]`;
const noSpace = String.raw`[^\t\n\v\f\r ]`;

// TextWrapper.wordsep_re: runs of whitespace, em-dashes between words, and words that may end after a
// hyphen when letters stand on both sides ("Get-Process" → "Get-", "Process").
const wordSeparator = new RegExp(
  `(${space}+` +
    `|(?<=${wordPunct})-{2,}(?=[\\p{L}\\p{N}_])` +
    `|${noSpace}+?(?:-(?:(?<=${letter}{2}-)|(?<=${letter}-${letter}-))(?=${letter}-?${letter})` +
    `|(?=${space}|$)` +
    `|(?<=${wordPunct})(?=-{2,}[\\p{L}\\p{N}_])))`,
  'u',
);

/** Tabs expanded to 8-column stops, then every whitespace character turned into a space (TextWrapper._munge_whitespace). */
function mungeWhitespace(text: string): string {
  let column = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '\t') {
      const pad = 8 - (column % 8);
      out += ' '.repeat(pad);
      column += pad;
    } else if (ch === '\n' || ch === '\r') {
      out += ' ';
      column = 0;
    } else {
      out += /[\v\f]/.test(ch) ? ' ' : ch;
      column += 1;
    }
  }
  return out;
}

function splitChunks(text: string): string[] {
  return text.split(wordSeparator).filter((chunk) => chunk !== undefined && chunk !== '');
}

const isBlank = (chunk: string): boolean => chunk.trim() === '';

/** TextWrapper._handle_long_word: cut a word that fits no line, after a hyphen when one is in reach. */
function breakLongWord(reversed: string[], line: string[], lineLength: number, width: number): void {
  const spaceLeft = width < 1 ? 1 : width - lineLength;
  const chunk = reversed[reversed.length - 1]!;
  let end = spaceLeft;
  if (chunk.length > spaceLeft) {
    const hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
    if (hyphen > 0 && /[^-]/.test(chunk.slice(0, hyphen))) end = hyphen + 1;
  }
  line.push(chunk.slice(0, end));
  reversed[reversed.length - 1] = chunk.slice(end);
}

/** Wraps text into lines of at most `width` characters, as Python's `textwrap.wrap` does. */
export function wrapText(text: string, options: WrapOptions): string[] {
  const initialIndent = options.initialIndent ?? '';
  const subsequentIndent = options.subsequentIndent ?? '';
  const reversed = splitChunks(mungeWhitespace(text)).reverse();
  const lines: string[] = [];
  while (reversed.length > 0) {
    const indent = lines.length > 0 ? subsequentIndent : initialIndent;
    const width = options.width - indent.length;
    // Leading whitespace is dropped on every line but the first.
    if (lines.length > 0 && isBlank(reversed[reversed.length - 1]!)) reversed.pop();
    const line: string[] = [];
    let lineLength = 0;
    while (reversed.length > 0) {
      const length = reversed[reversed.length - 1]!.length;
      if (lineLength + length > width) break;
      line.push(reversed.pop()!);
      lineLength += length;
    }
    if (reversed.length > 0 && reversed[reversed.length - 1]!.length > width) {
      breakLongWord(reversed, line, lineLength, width);
      if (reversed[reversed.length - 1] === '') reversed.pop();
    }
    if (line.length > 0 && isBlank(line[line.length - 1]!)) line.pop();
    if (line.length > 0) lines.push(indent + line.join(''));
  }
  return lines;
}
