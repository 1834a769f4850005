/**
 * What a URL match hides: the URL itself percent-decoded (msticpy's re-scan) and URLs nested in its path or
 * query (a redirect's `?u=https://bad.example.org/`), plus the clean-up of what the URL pattern over-matches.
 */
import { scanRegex, urlHost } from './ioc-patterns.js';

/** A URL found inside another one, with its host. */
export interface NestedUrl {
  url: string;
  host: string;
}

/** At most this many nested URLs per URL: keeps `http://a/http://a/...` linear. */
const MAX_NESTED_URLS = 4;

const UTF8 = new TextDecoder('utf-8');

/** Python `urllib.parse.unquote`: runs of `%XX` decoded as UTF-8, invalid sequences replaced with U+FFFD. */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return UTF8.decode(bytes);
  });
}

/**
 * FIX: drop trailing characters that close the surrounding text, not the URL: `'`, `"`, `;`, `,`, `.`, and `)` /
 * `]` without a partner inside the URL (msticpy keeps `...a.ps1')`; Wikipedia-style `(x)` paths survive).
 * Bracket balances are kept as running counts so a URL ending in a long run of `)` stays linear.
 */
export function trimUrlTail(url: string): string {
  let roundBalance = 0;
  let squareBalance = 0;
  for (const char of url) {
    if (char === '(') roundBalance++;
    else if (char === ')') roundBalance--;
    else if (char === '[') squareBalance++;
    else if (char === ']') squareBalance--;
  }
  let end = url.length;
  while (end > 0) {
    const last = url[end - 1];
    if (last === "'" || last === '"' || last === ';' || last === ',' || last === '.') end--;
    else if (last === ')' && roundBalance < 0) {
      roundBalance++;
      end--;
    } else if (last === ']' && squareBalance < 0) {
      squareBalance++;
      end--;
    } else break;
  }
  return url.slice(0, end);
}

/** A URL match is more than its scheme (msticpy reports a bare `http://`). */
export function isUsefulUrl(url: string): boolean {
  return !/^[a-z]+:\/\/$/i.test(url);
}

/** URL matches in `text`: from `start` on, at most `limit`, each continuing just after the previous scheme. */
function scanUrls(text: string, start: number, limit: number, nestedOnly: boolean): NestedUrl[] {
  const found: NestedUrl[] = [];
  const regex = scanRegex('url');
  regex.lastIndex = start;
  for (let match = regex.exec(text); match !== null && found.length < limit; match = regex.exec(text)) {
    const url = trimUrlTail(match[0]);
    if (isUsefulUrl(url)) found.push({ url, host: trimUrlTail(urlHost(match)) });
    // Nested scans restart right after this match's `://` so a URL inside it is found next.
    if (nestedOnly) regex.lastIndex = match.index + match[0].indexOf('://') + 3;
  }
  return found;
}

/**
 * The URLs inside `url`: when percent-decoding changes it, every URL in the decoded text (msticpy's re-scan,
 * FIX: from the start of the decoded text, where msticpy starts at the previous match's end offset in the
 * original string); then URLs nested after the scheme of the original and of the decoded text.
 */
export function urlsWithin(url: string): NestedUrl[] {
  const found: NestedUrl[] = [];
  const decoded = percentDecode(url);
  const texts = decoded === url ? [url] : [url, decoded];
  if (decoded !== url) found.push(...scanUrls(decoded, 0, MAX_NESTED_URLS, false));
  for (const text of texts) {
    const schemeEnd = text.indexOf('://');
    if (schemeEnd >= 0 && text.indexOf('://', schemeEnd + 3) >= 0) {
      found.push(...scanUrls(text, schemeEnd + 3, MAX_NESTED_URLS, true));
    }
  }
  return found.filter((item) => item.url !== url);
}
