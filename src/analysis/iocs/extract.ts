/**
 * IoC extraction from text and from rows: msticpy's `IoCExtract.extract` procedure (facts §e) on socbot's own
 * patterns. Each pattern runs once over the text; a string found by several patterns keeps the type with the
 * best priority (by exact string, as msticpy); observables are returned as found, defanged or not.
 */

import { createIocMatcher, type IocMatcher } from './ioc-scanners.js';
import {
  IOC_PRIORITY,
  IOC_TYPES,
  type IocScanOptions,
  type IocType,
  rowScanTypes,
  textScanTypes,
} from './ioc-types.js';
import { parseIpv6 } from './ip-address.js';
import { createSuffixCheck, looksLikeFileName } from './tld-check.js';
import { isUsefulUrl, trimUrlTail, urlsWithin } from './url-rescan.js';
import { validateIoc } from './validate-ioc.js';

/** Observables by type; types with nothing found are absent. */
export type IocResults = Map<IocType, Set<string>>;

/** One observable from one row, with msticpy's DataFrame column names. */
export interface IocRow {
  IoCType: IocType;
  Observable: string;
  /** Index of the input row. */
  SourceIndex: number;
  /** The scanned cell text. */
  Input: string;
}

/** Compiled patterns and caches shared by every text of one call. */
interface Scanner {
  matcher: IocMatcher;
  hasKnownSuffix: (domain: string) => boolean;
  wanted: ReadonlySet<IocType>;
}

/** Best type so far for each exact string. */
type Found = Map<string, IocType>;

function record(found: Found, value: string, type: IocType): void {
  const previous = found.get(value);
  if (previous === undefined || IOC_PRIORITY[type] < IOC_PRIORITY[previous]) found.set(value, type);
}

/**
 * FIX: IPv6 matches must be real addresses (one `::` at most, 8 groups without it, at least one digit):
 * msticpy reports times (`10:22:33`) and MAC addresses as IPv6.
 */
function isIpv6(value: string): boolean {
  return /[0-9a-f]/i.test(value) && parseIpv6(value) !== null;
}

/**
 * The domain a dns match really names, or null: it needs an ICANN suffix and must not look like a file name
 * (see `looksLikeFileName`). FIX: a match right after `%` starting with two hex digits is a percent-encoded
 * separator plus a domain (`%2Fbad.example.org`); msticpy reports `2Fbad.example.org`.
 */
function domainOf(text: string, match: RegExpExecArray, scanner: Scanner): string | null {
  let value = match[0];
  let start = match.index;
  if (text[start - 1] === '%' && /^[0-9a-f]{2}/i.test(value)) {
    value = value.slice(2);
    start += 2;
    if (!validateIoc(value, 'dns')) return null;
  }
  if (!scanner.hasKnownSuffix(value)) return null;
  if (looksLikeFileName(value, text.slice(Math.max(0, start - 4), start))) return null;
  return value;
}

function recordUrl(found: Found, url: string, scanner: Scanner): void {
  if (!isUsefulUrl(url)) return;
  record(found, url, 'url');
  // Only a percent escape or a second scheme can hide another URL: skip the re-scan for the rest.
  if (!url.includes('%') && url.indexOf('://', url.indexOf('://') + 3) < 0) return;
  for (const nested of urlsWithin(url)) {
    record(found, nested.url, 'url');
    // msticpy adds the re-scanned host as dns without a TLD check (and even when dns was not asked for);
    // socbot adds it only when dns is wanted and the host is a valid domain.
    if (scanner.wanted.has('dns') && nested.host !== '' && validateIoc(nested.host, 'dns')) {
      record(found, nested.host, 'dns');
    }
  }
}

/** One pattern over the text (hashes are done together by `scan`). */
function scanOneType(text: string, type: IocType, found: Found, scanner: Scanner): void {
  if (type === 'md5_hash' || type === 'sha1_hash' || type === 'sha256_hash') return;
  scanner.matcher.each(type, text, (match) => {
    if (type === 'dns') {
      const domain = domainOf(text, match, scanner);
      if (domain !== null) record(found, domain, 'dns');
    } else if (type === 'url') {
      recordUrl(found, trimUrlTail(match[0]), scanner);
    } else if (type !== 'ipv6' || isIpv6(match[0])) {
      record(found, match[0], type);
    }
  });
}

const HASH_TYPES: readonly IocType[] = ['md5_hash', 'sha1_hash', 'sha256_hash'];

function scan(text: string, scanner: Scanner): IocResults {
  if (text.trim() === '') return new Map();
  const found: Found = new Map();
  for (const type of IOC_TYPES) if (scanner.wanted.has(type)) scanOneType(text, type, found, scanner);
  if (HASH_TYPES.some((type) => scanner.wanted.has(type))) {
    scanner.matcher.eachHash(text, (value, type) => {
      if (scanner.wanted.has(type)) record(found, value, type);
    });
  }
  return groupByType(found);
}

function groupByType(found: Found): IocResults {
  const results: IocResults = new Map();
  for (const [value, type] of found) {
    let bucket = results.get(type);
    if (!bucket) {
      bucket = new Set();
      results.set(type, bucket);
    }
    bucket.add(value);
  }
  return results;
}

function createScanner(wanted: ReadonlySet<IocType>): Scanner {
  return { matcher: createIocMatcher(), hasKnownSuffix: createSuffixCheck(), wanted };
}

/**
 * IoCs in one text. Like msticpy's `extract(src)`, every type is scanned (both path types included) unless
 * `types` is given; `includePaths: false` leaves the paths out.
 */
export function extractIocs(text: string, options: IocScanOptions = {}): IocResults {
  return scan(text, createScanner(textScanTypes(options)));
}

/**
 * IoCs in one column of many rows (msticpy's `extract(data, columns)`): by default every type except
 * linux_path, and windows_path only with `includePaths`. Cells that are not strings are skipped.
 */
export function extractIocsFromRows<Row extends object>(
  rows: readonly Row[],
  column: keyof Row & string,
  options: IocScanOptions = {},
): IocRow[] {
  const scanner = createScanner(rowScanTypes(options));
  const output: IocRow[] = [];
  for (const [index, row] of rows.entries()) {
    const cell: unknown = row[column];
    if (typeof cell !== 'string') continue;
    for (const [type, observables] of scan(cell, scanner)) {
      for (const observable of observables) {
        output.push({ IoCType: type, Observable: observable, SourceIndex: index, Input: cell });
      }
    }
  }
  return output;
}
