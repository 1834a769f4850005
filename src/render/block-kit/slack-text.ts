/**
 * Text for Slack: escaping of its control characters, the Markdown Sections use → Slack `mrkdwn`, plain text for
 * `plain_text` objects, and cuts that never split an entity or a link. Pure.
 */
import { truncate } from '../text-limits.js';

/**
 * Escapes `&`, `<` and `>`: Slack parses `<…>` as mentions, links and `<!channel>` pings, so data (command lines,
 * alert names) must never reach mrkdwn with them raw.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts escaped mrkdwn to at most `max` characters ending with `…`, never inside an entity, a `<link>` or a surrogate pair. */
export function cutMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && amp > cut.length - 6 && !cut.includes(';', amp)) cut = cut.slice(0, amp);
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Escapes `text` and cuts it to `max` escaped characters. */
export function escapeWithin(text: string, max: number): string {
  // Escaping at most quintuples the length: cutting the raw text first keeps a 10 MB string cheap.
  return cutMrkdwn(escapeSlack(text.length > max ? text.slice(0, max + 1) : text), max);
}

/**
 * Splits mrkdwn into pieces of at most `max` characters, at line ends where it can, otherwise at a position that
 * splits no entity or link (used to spread a long text over several section blocks).
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) {
      const head = cutMrkdwn(rest, max + 1);
      at = head.length > 1 ? head.length - 1 : max;
    }
    pieces.push(rest.slice(0, at));
    rest = rest.slice(rest[at] === '\n' ? at + 1 : at);
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces.filter((piece) => piece.trim().length > 0);
}

/** Breaks ``` inside data so it cannot close the code block it is shown in. */
function breakFences(text: string): string {
  return text.replace(/```/g, '`\u200b``');
}

/** Code for a ``` block: escaped, fences inside broken, cut to `max` characters; `cut` tells whether text was lost. */
export function codeText(text: string, max: number): { text: string; cut: boolean } {
  const escaped = escapeSlack(breakFences(text.length > max ? text.slice(0, max + 1) : text));
  const body = cutMrkdwn(escaped, max);
  return { text: body, cut: body.length < escaped.length || text.length > max + 1 };
}

/** Wraps escaped code in a ``` block. */
export function fence(code: string): string {
  return `\`\`\`\n${code}\n\`\`\``;
}

/** A data value shown as it is: escaped, and in inline code when it holds characters Slack would format. */
export function literalMrkdwn(value: string): string {
  const flat = value.replace(/\r?\n/g, ' ').trim();
  if (flat === '') return '—';
  if (/[*_~`]|:[a-z_+-][a-z0-9_+-]*:/i.test(flat)) return `\`${escapeSlack(flat.replace(/`/g, "'"))}\``;
  return escapeSlack(flat);
}

/** `literalMrkdwn` of `value`, cut (before escaping, so no code span is left open) to at most `max` characters. */
export function literalWithin(value: string, max: number): string {
  let keep = Math.min(value.length, max);
  for (;;) {
    const text = literalMrkdwn(truncate(value, keep));
    if (text.length <= max || keep <= 1) return text;
    // Escaping can grow a character to five: shrink in proportion, with a margin for the code span's backticks.
    keep = Math.max(1, Math.floor((keep * max) / text.length) - 2);
  }
}

const inlinePattern = /`([^`\n]+)`|\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|__(.+?)__/g;

function linkMrkdwn(label: string, url: string): string {
  const text = escapeSlack(label).replace(/\|/g, '¦');
  // Only absolute web and mail links become links; a relative one means nothing in Slack.
  if (!/^(?:https?:\/\/|mailto:)/i.test(url)) return text;
  return `<${escapeSlack(url).replace(/\|/g, '%7C')}|${text}>`;
}

function inlineMrkdwn(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    out += escapeSlack(text.slice(last, match.index));
    const [, code, label, url, bold, boldAlt] = match;
    if (code !== undefined) out += `\`${escapeSlack(code)}\``;
    else if (label !== undefined && url !== undefined) out += linkMrkdwn(label, url);
    else out += `*${inlineMrkdwn(bold ?? boldAlt ?? '')}*`;
    last = match.index + match[0].length;
  }
  return out + escapeSlack(text.slice(last));
}

function lineMrkdwn(line: string): string {
  const heading = /^#{1,6}\s+(.*)$/.exec(line);
  if (heading) return `*${inlineMrkdwn(heading[1]!.replace(/\*\*/g, ''))}*`;
  const item = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  if (item) return `${item[1]}• ${inlineMrkdwn(item[2]!)}`;
  return inlineMrkdwn(line);
}

/** Converts the Markdown Sections use (bold, `code`, links, headings, lists, fences) to Slack mrkdwn, escaped. */
export function markdownToMrkdwn(markdown: string): string {
  let inFence = false;
  return markdown
    .split(/\r?\n/)
    .map((line) => {
      if (/^\s*```/.test(line)) {
        inFence = !inFence;
        return '```';
      }
      return inFence ? escapeSlack(line) : lineMrkdwn(line);
    })
    .join('\n');
}

/** Markdown → plain text for `plain_text` objects (headers, buttons, image titles), cut to `max`. */
export function markdownToPlain(markdown: string, max: number): string {
  const plain = markdown
    .replace(/\[([^\]\n]+)\]\([^)\s]+\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(plain, max);
}
