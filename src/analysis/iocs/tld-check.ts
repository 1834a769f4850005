/**
 * Is a dns match a real domain? The public-suffix check msticpy does with tldextract (ICANN section only), plus
 * socbot's rule for file names whose extension happens to be a TLD.
 */
import { parse } from 'tldts';

const TLDTS_OPTIONS = {
  allowPrivateDomains: false,
  extractHostname: false,
  detectIp: false,
  validateHostname: false,
} as const;

/** `[.]`, `[.` and `.]` back to `.`, lower-cased: the form the suffix list is checked with. */
export function plainDomain(domain: string): string {
  return domain.replace(/\[\.\]|\[\.|\.\]/g, '.').toLowerCase();
}

/**
 * True when the domain ends in a suffix of the Public Suffix List's ICANN section, like tldextract's non-empty
 * `suffix`: `a.ps`, `domain.like`, `domain.like.uk` pass; `server.local`, `file.txt`, `x.exe` fail.
 */
export function hasIcannSuffix(domain: string): boolean {
  return parse(plainDomain(domain), TLDTS_OPTIONS).isIcann === true;
}

/** The last label of a (possibly defanged) domain, lower-cased. */
export function lastLabel(domain: string): string {
  const cut = Math.max(domain.lastIndexOf('.'), domain.lastIndexOf(']'));
  return domain.slice(cut + 1).toLowerCase();
}

/**
 * `hasIcannSuffix` memoised by last label, for one scan: with two or more labels the answer depends only on the
 * last one (it is either under an ICANN rule, wildcard rules included, or falls to the default `*` rule).
 */
export function createSuffixCheck(): (domain: string) => boolean {
  const byLabel = new Map<string, boolean>();
  return (domain) => {
    const label = lastLabel(domain);
    let known = byLabel.get(label);
    if (known === undefined) {
      known = hasIcannSuffix(domain);
      byLabel.set(label, known);
    }
    return known;
  };
}

/**
 * Public suffixes that are also file extensions seen on command lines (checked against tldts: every entry is an
 * ICANN TLD, so the suffix check alone lets `run.py` or `update.zip` through). Left out on purpose: TLDs that
 * abuse domains really use (`cc`, `ws`, `ai`, `app`, `in`, `top`, `xyz`, ...), where a missed domain costs more
 * than a stray file name.
 */
export const FILE_EXTENSION_SUFFIXES: ReadonlySet<string> = new Set([
  'ps',
  'py',
  'sh',
  'zip',
  'mov',
  'md',
  'pl',
  'pm',
  'rs',
  'so',
  'cab',
  'hiv',
  'java',
  'one',
  'pub',
  'mk',
  'am',
  'tf',
]);

/**
 * FIX (socbot rule; msticpy reports these as domains): a dns match whose last label is in
 * `FILE_EXTENSION_SUFFIXES` is a file name when
 * - it is a single name plus that extension (`run.py`, `update.zip`), unless it follows `//` or `@` (a URL host
 *   or an email domain, `http://evil.zip/`), or
 * - it directly follows a single `/` or `\` (a path component: `/tmp/x.tar.zip`, `C:\dumps\lsass.hiv`).
 * `before` is the text just before the match (four characters are enough).
 */
export function looksLikeFileName(domain: string, before: string): boolean {
  if (!FILE_EXTENSION_SUFFIXES.has(lastLabel(domain))) return false;
  const labels = plainDomain(domain).split('.');
  const last = before.slice(-1);
  const afterSeparator = last === '/' || last === '\\';
  const afterDoubleSlash = before.slice(-2) === '//' || before.slice(-2) === '\\\\';
  if (afterSeparator && !afterDoubleSlash) return true;
  const emailDomain = last === '@' || before.toLowerCase().endsWith('[at]');
  return labels.length === 2 && !afterDoubleSlash && !emailDomain;
}
