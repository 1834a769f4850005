/**
 * socbot's own IoC patterns, written from msticpy's semantics (facts §e) with the fixes listed in facts §j.6.
 *
 * Every pattern is the defanged variant (it also matches normal IoCs), like msticpy's default. Each one is built
 * to scan in linear time: no nested ambiguous quantifiers, bounded repetitions where a failed match could
 * otherwise rescan a long run, and look-behinds that stop a match from restarting inside the run it just
 * failed on.
 */
import type { IocType } from './ioc-types.js';

/** `.`, `[.]`, `[.` or `.]` between parts (defanged separators). */
const DOT = String.raw`\[?\.\]?`;

/** 0–255, leading zeros allowed. FIX (msticpy allows any 1–3 digits, so `999.999.999.999` was an IP). */
const OCTET = '(?:25[0-5]|2[0-4][0-9]|[01]?[0-9]?[0-9])';

const IPV4 = `(?<![0-9])(?:${OCTET}${DOT}){3}${OCTET}(?![0-9])`;

/** 3–8 colon-separated hex groups, not touching `:`, `.` or a word character; validated afterwards. */
const IPV6 = String.raw`(?<![:.\w])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![:.\w])`;

/** A label: alphanumerics with internal hyphen runs (so punycode `xn--` labels work). */
const LABEL = '[a-z0-9]+(?:-+[a-z0-9]+)*';

/** Labels of at most 63 characters, each followed by a (defanged) dot, then a 2–63 letter TLD. */
const DNS_BODY = String.raw`(?:(?=[a-z0-9-]{1,63}\[?\.)${LABEL}${DOT}){1,126}[a-z]{2,63}`;

/**
 * FIX: word boundaries on both sides (msticpy reads `a.ps1` as the domain `a.ps`). The second look-ahead stops a
 * backtracked match that is really the head of a longer dotted name (`libc.so.6`, `invoice.pdf.exe`).
 */
const DNS_END = `(?![a-z0-9_-])(?!${DOT}[a-z0-9])`;
/**
 * A match never starts inside a label or right after `label.`: a dotted name that failed from its first label
 * fails from every later one too, and retrying each of up to 126 labels made long dotted runs slow.
 */
const DNS = `(?<![a-z0-9-])(?<![a-z0-9-]${DOT})${DNS_BODY}${DNS_END}`;

/**
 * FIX: the user part may not contain or follow `/`, so a URL's `//user@host` is not an email (msticpy reports
 * `//myuser@some.domain.es`). RFC 5321 caps the local part at 64 characters, which also bounds backtracking.
 */
const EMAIL_USER_CHARS = "a-z0-9.!#$%&'*+=?^_`{|}~-";
const EMAIL = String.raw`(?<![/${EMAIL_USER_CHARS}])[${EMAIL_USER_CHARS}]{1,64}(?:@|\[at\])${DNS_BODY}${DNS_END}`;

const URL_SCHEME = '(?:https?|hxxps?|s?ftps?|s?fxps?|telnet|ldap|file)://';
/**
 * The host: an IPv6 literal, or host characters including `[`/`]` for defanged dots. FIX: no `'`, `(`, `)`, `,`
 * or `;` in the host (msticpy's host set swallows the quote and parenthesis after `'http://evil.com')`).
 */
const URL_HOST = String.raw`(?<host>\[[0-9a-f:.]{2,45}\]|[a-z0-9\-._~!$&*+=%\[\]]*)`;
const URL_QUERY_CHARS = String.raw`a-z0-9\-._~!$&'()*+,;=:/?@%`;
const URL = String.raw`${URL_SCHEME}(?:[a-z0-9\-._~!$&'()*+,;=:%]{0,256}@)?${URL_HOST}(?::[0-9]*)?(?:/[^?#"<>\s]*)?(?:\?[${URL_QUERY_CHARS}]*)?(?:#[${URL_QUERY_CHARS}]*)?`;

/**
 * Windows path: root (drive, UNC server, dots or nothing), `\`, folders (spaces allowed), file name (no spaces).
 * Folder segments exclude `\` (msticpy's do not, which makes its folder loop ambiguous) and are bounded: 255
 * characters (the NTFS name limit) and 32 folders, so a failed match costs a bounded amount per start.
 */
const WINDOWS_PATH = String.raw`(?:[a-z]:|\\\\[a-z0-9_.$-]{1,255}|\.{1,2})?\\(?:[^\\/:*?"'<>|\r\n]{1,255}\\){0,32}[^\\/*?"<>|\r\n ]{1,255}`;

/**
 * Linux path: root (slashes or dots), `/`, folders (spaces allowed), file name; very noisy, like msticpy's. Same
 * bounds as Windows paths; never starts inside a run of slashes.
 */
const LINUX_PATH = String.raw`(?<!/)(?:\.{1,2}|/{0,15})/(?:[^\\/:*?<>|\r\n]{1,255}/){0,32}[^/\0<>|\r\n ]{1,255}`;

/**
 * FIX: look-arounds instead of consuming the delimiters, so two hashes one character apart are both found.
 * Explicit `A-F` rather than the `i` flag: V8 scans case-insensitive hex classes several times slower.
 */
function hexRun(length: number): string {
  return `(?<![0-9a-fA-F])[0-9a-fA-F]{${length}}(?![0-9a-fA-F])`;
}

const SCAN_SOURCES: Readonly<Record<IocType, string>> = {
  ipv4: IPV4,
  ipv6: IPV6,
  dns: DNS,
  url: URL,
  email: EMAIL,
  windows_path: WINDOWS_PATH,
  linux_path: LINUX_PATH,
  md5_hash: hexRun(32),
  sha1_hash: hexRun(40),
  sha256_hash: hexRun(64),
};

/**
 * Whole-value patterns for `validateIoc` and the threat-intel pre-filter. IPs use msticpy's loose shapes on
 * purpose: the pre-filter must say "IP address is invalid format" for `999.1.1.1`, not "does not match".
 */
const FULL_SOURCES: Readonly<Record<IocType, string>> = {
  ...SCAN_SOURCES,
  ipv4: `(?:[0-9]{1,3}${DOT}){3}[0-9]{1,3}`,
  ipv6: '(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}',
  dns: DNS_BODY,
  md5_hash: '[0-9a-fA-F]{32}',
  sha1_hash: '[0-9a-fA-F]{40}',
  sha256_hash: '[0-9a-fA-F]{64}',
};

/** A fresh global, case-insensitive scanner for one type (fresh so nested scans never share `lastIndex`). */
export function scanRegex(type: IocType): RegExp {
  return new RegExp(SCAN_SOURCES[type], 'gi');
}

/** The same pattern, anchored where `lastIndex` points (for scans driven by a cheap anchor search). */
export function stickyRegex(type: IocType): RegExp {
  return new RegExp(SCAN_SOURCES[type], 'iy');
}

/** A whole-string matcher for one type. */
export function fullMatchRegex(type: IocType): RegExp {
  return new RegExp(`^(?:${FULL_SOURCES[type]})$`, 'i');
}

/** The host part of a URL match (the `host` group), or '' when there is none. */
export function urlHost(match: RegExpExecArray): string {
  return match.groups?.host ?? '';
}
