/**
 * Whether text from the data can go into a TextBlock. Teams renders Markdown in TextBlocks: a command line's `*`
 * or `\??\` would be reformatted (`\?` shows as `?`), a URL would become a link someone might click. Such text goes
 * into a RichTextBlock's TextRun instead, which shows text verbatim — but does not break long words, so text that
 * is safe goes into a wrapping TextBlock.
 */

/** Anything Markdown (as Teams and the Adaptive Cards SDK render it) could reinterpret. */
const markdownTriggers: readonly RegExp[] = [
  /[*`~|]/, // emphasis, code, strike-through, tables
  /\]\s*\(/, // a link target: [text](url)
  /<[a-z/!?]/i, // raw HTML and autolinks
  /\\[!-/:-@[-`{-~]/, // backslash escapes: `\?` shows as `?`, `\\` as `\`
  /(?:^|[\s(["'])_|_(?:$|[\s)\]"'.,:;!?])/m, // underscore emphasis at word edges (intraword `a_b` is plain)
  /^\s*(?:[-+>#=]|\d+[.)])(?:\s|$)/m, // lists, quotes, headings
  /&[a-z0-9#]+;/i, // entities
  /\b(?:https?|ftp|file|mailto):|\bwww\./i, // links Teams would make clickable (defanged hxxp:// stays text)
  /\n/, // line breaks fold in a TextBlock
];

/**
 * True when `text` shows exactly as it is in a Markdown TextBlock.
 * @example isMarkdownSafe('C:\\Windows\\System32\\cmd.exe') // true
 * @example isMarkdownSafe('\\??\\C:\\Windows\\conhost.exe') // false: `\?` is an escape
 */
export function isMarkdownSafe(text: string): boolean {
  return !markdownTriggers.some((pattern) => pattern.test(text));
}
