/**
 * Fast drivers for the IoC patterns. Most types are one global-regex pass; email and IPv6, whose patterns start
 * with a look-behind V8 must test at every position, are driven by a cheap anchor search (`@`, `::`-like colon
 * pairs) and checked with a sticky regex only where a match can start. The three hash types share one pass over
 * the character codes.
 * Results are exactly those of a plain global scan of the same pattern.
 */
import { scanRegex, stickyRegex } from './ioc-patterns.js';
import type { IocType } from './ioc-types.js';

/** Called for each match in order; `match` is the regex result (groups included). */
export type MatchHandler = (match: RegExpExecArray) => void;

/** A lookup table of ASCII characters: faster than a regex test per character. */
function asciiTable(pattern: RegExp): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = pattern.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
}

/** Characters an email user part may contain (the email pattern's user class). */
const EMAIL_USER = asciiTable(/[a-z0-9.!#$%&'*+=?^_`{|}~-]/i);

function inTable(table: Uint8Array, code: number): boolean {
  return code < 128 && table[code] === 1;
}

/** Each match of `regex` in `text`, skipping empty matches. */
function eachGlobal(regex: RegExp, text: string, onMatch: MatchHandler): void {
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    if (match[0] === '') regex.lastIndex++;
    else onMatch(match);
  }
}

/**
 * Emails: every match ends its user part at an `@` / `[at]`, and that user part is the run of user characters
 * just before it (at most 64, not after `/`), so each anchor has exactly one possible start.
 */
function eachEmail(text: string, onMatch: MatchHandler): void {
  const anchor = /@|\[at\]/gi;
  const email = stickyRegex('email');
  let consumed = 0;
  for (let hit = anchor.exec(text); hit !== null; hit = anchor.exec(text)) {
    let start = hit.index;
    while (start > consumed && hit.index - start < 64 && inTable(EMAIL_USER, text.charCodeAt(start - 1))) start--;
    email.lastIndex = start;
    const match = email.exec(text);
    if (match) {
      onMatch(match);
      consumed = email.lastIndex;
      anchor.lastIndex = Math.max(anchor.lastIndex, consumed);
    }
  }
}

function isHexCode(code: number): boolean {
  const lower = code | 0x20;
  return (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x66);
}

/**
 * Whole hex runs of exactly 32, 40 or 64 characters. Any run of 32 or more covers one of every 32 positions, so
 * only those are probed and a run is expanded from a probe that lands on a hex digit: far fewer character tests
 * than a hex regex with look-arounds, which V8 tries at every position.
 */
function eachHexRun(text: string, onRun: (start: number, end: number) => void): void {
  let probe = 31;
  while (probe < text.length) {
    if (!isHexCode(text.charCodeAt(probe))) {
      probe += 32;
      continue;
    }
    let start = probe;
    while (start > 0 && isHexCode(text.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < text.length && isHexCode(text.charCodeAt(end))) end++;
    const length = end - start;
    if (length === 32 || length === 40 || length === 64) onRun(start, end);
    // The next run starts after `end` (a non-hex character), so its first 32 characters cover `end + 32`.
    probe = end + 32;
  }
}

/** Characters an IPv6 match may not follow (its look-behind), and the ones it can start with. */
const IPV6_NOT_AFTER = asciiTable(/[:.\w]/);
const IPV6_FIRST = asciiTable(/[0-9a-f:]/i);

/**
 * IPv6: every match contains two colons at most four hex digits apart, and starts at most four characters
 * before the first of them; each such colon pair is tried in order. A start is tried once, and only where the
 * pattern's look-behind and first character allow it, so runs like `1:1:1:…` stay cheap.
 */
function eachIpv6(text: string, onMatch: MatchHandler): void {
  const anchor = /:[0-9a-fA-F]{0,4}:/g;
  const ipv6 = stickyRegex('ipv6');
  let nextStart = 0;
  for (let hit = anchor.exec(text); hit !== null; hit = anchor.exec(text)) {
    anchor.lastIndex = hit.index + 1;
    for (let start = Math.max(nextStart, hit.index - 4); start <= hit.index; start++) {
      nextStart = start + 1;
      if (!inTable(IPV6_FIRST, text.charCodeAt(start))) continue;
      if (start > 0 && inTable(IPV6_NOT_AFTER, text.charCodeAt(start - 1))) continue;
      ipv6.lastIndex = start;
      const match = ipv6.exec(text);
      if (match) {
        onMatch(match);
        nextStart = ipv6.lastIndex;
        anchor.lastIndex = Math.max(anchor.lastIndex, nextStart);
        break;
      }
    }
  }
}

type HashType = 'md5_hash' | 'sha1_hash' | 'sha256_hash';

const HASH_TYPES: ReadonlyMap<number, HashType> = new Map([
  [32, 'md5_hash'],
  [40, 'sha1_hash'],
  [64, 'sha256_hash'],
]);

/** A character sequence every match of the type contains: a text without it is skipped (cheap on short rows). */
const REQUIRED_TEXT: Readonly<Record<Exclude<IocType, HashType>, string>> = {
  ipv4: '.',
  ipv6: ':',
  dns: '.',
  url: '://',
  email: '',
  windows_path: '\\',
  linux_path: '/',
};

/** Per-call scanner state: the compiled global regexes, reused across the rows of one call. */
export interface IocMatcher {
  each(type: Exclude<IocType, HashType>, text: string, onMatch: MatchHandler): void;
  /** Hex runs of exactly 32, 40 or 64 characters, with their hash type. */
  eachHash(text: string, onHash: (value: string, type: HashType) => void): void;
}

/** A matcher whose regexes are compiled once. */
export function createIocMatcher(): IocMatcher {
  const globals = new Map<IocType, RegExp>();
  const global = (type: IocType): RegExp => {
    let regex = globals.get(type);
    if (!regex) {
      regex = scanRegex(type);
      globals.set(type, regex);
    }
    return regex;
  };
  return {
    each(type, text, onMatch) {
      if (!text.includes(REQUIRED_TEXT[type])) return;
      if (type === 'email') eachEmail(text, onMatch);
      else if (type === 'ipv6') eachIpv6(text, onMatch);
      else eachGlobal(global(type), text, onMatch);
    },
    eachHash(text, onHash) {
      eachHexRun(text, (start, end) => {
        const type = HASH_TYPES.get(end - start);
        if (type) onHash(text.slice(start, end), type);
      });
    },
  };
}
