/**
 * Which observables are worth a threat-intel lookup: msticpy's `preprocess_observable` (facts §g), with its
 * status messages kept word for word so results read the same as the notebook's.
 */
import { refang } from './defang.js';
import { isIocType } from './ioc-types.js';
import { parseIpAddress } from './ip-address.js';
import { isGlobalIp, isPrivateIp } from './ip-scope.js';
import { validateIoc } from './validate-ioc.js';

/** The pre-filter verdict: the (refanged) value to look up, or why not. */
export type PrefilterResult = { ok: true; value: string } | { ok: false; reason: string };

const ok = (value: string): PrefilterResult => ({ ok: true, value });
const reject = (reason: string): PrefilterResult => ({ ok: false, reason });

/** Scheme, userinfo, host, port and path of a URL; no query or fragment (msticpy's strict URL regex). */
const STRICT_URL =
  /(?<scheme>(?:https?|ftp|telnet|ldap|file):\/\/)(?<user>(?:[a-z0-9\-._~!$&*+,;=:]|%[0-9a-f]{2})*@)?(?<host>(?:[a-z0-9\-._~!$&*+,;=]|%[0-9a-f]{2})*)(?::(?<port>[0-9]*))?(?:\/(?<path>[^?#| ]*))?/i;

/** msticpy's `_clean_url`: the URL without query string and fragment, or null when it is not a URL. */
export function cleanUrl(url: string): string | null {
  const groups = STRICT_URL.exec(url)?.groups;
  if (!groups?.scheme) return null;
  const port = groups.port ? `:${groups.port}` : '';
  const path = groups.path ? `/${groups.path}` : '';
  return `${groups.scheme}${groups.user ?? ''}${groups.host ?? ''}${port}${path}`;
}

/** Scheme and host as urllib3's `parse_url` sees them, or null when the authority is unparseable. */
function schemeAndHost(url: string): { scheme: string; host: string } | null {
  const parts = /^([a-z][a-z0-9+.-]*):\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^:/?#]*)(?::([^/?#]*))?/i.exec(url);
  if (!parts || !/^[0-9]*$/.test(parts[3] ?? '')) return null;
  return { scheme: parts[1] ?? '', host: (parts[2] ?? '').toLowerCase() };
}

function checkUrl(value: string): PrefilterResult {
  let url = refang(value);
  let parsed = schemeAndHost(url);
  if (!parsed) {
    const cleaned = cleanUrl(url);
    parsed = cleaned === null ? null : schemeAndHost(cleaned);
    if (cleaned !== null) url = cleaned;
  }
  if (!parsed || parsed.scheme === '' || parsed.host === '') {
    return reject(`Could not obtain scheme or host from ${url}`);
  }
  // Brackets are dropped so an IPv6-literal host is checked as an IP (msticpy calls it an unqualified name).
  const address = parseIpAddress(parsed.host.replace(/^\[|\]$/g, ''));
  // Python's is_private already covers loopback, so msticpy's separate loopback message never shows.
  if (address && isPrivateIp(address)) return reject('Host part of URL is a private IP address');
  if (!parsed.host.includes('.') && !address) return reject('Host is unqualified domain name');
  if (parsed.scheme.toLowerCase() === 'file') return reject(`${parsed.scheme} URL scheme is not supported`);
  return ok(url);
}

function checkIp(value: string, version: 4 | 6): PrefilterResult {
  const plain = refang(value);
  const address = parseIpAddress(plain);
  if (!address) return reject('IP address is invalid format');
  if (address.version !== version) return reject(`Not an IPv${version} address`);
  return isGlobalIp(address) ? ok(plain) : reject('IP address is not global');
}

function checkDomain(value: string): PrefilterResult {
  const domain = refang(value);
  if (!domain.includes('.')) return reject('Domain is unqualified domain name');
  if (parseIpAddress(domain)) return reject('Domain is an IP address');
  return ok(domain);
}

/** Shannon entropy in bits per character, over character frequencies. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / text.length) * Math.log2(n / text.length);
  return entropy;
}

function checkHash(value: string): PrefilterResult {
  return shannonEntropy(value) < 3.0 ? reject('String has too low an entropy to be a hash') : ok(value);
}

/** `file_hash` is validated as the hash type its length implies; `hostname` as dns. */
function validationType(type: string, value: string): string {
  if (type === 'hostname') return 'dns';
  if (type !== 'file_hash') return type;
  return { 32: 'md5_hash', 40: 'sha1_hash', 64: 'sha256_hash' }[value.length] ?? 'unknown';
}

const CHECKS: Readonly<Record<string, (value: string) => PrefilterResult>> = {
  url: checkUrl,
  ipv4: (value) => checkIp(value, 4),
  ipv6: (value) => checkIp(value, 6),
  dns: checkDomain,
  hostname: checkDomain,
  md5_hash: checkHash,
  sha1_hash: checkHash,
  sha256_hash: checkHash,
  file_hash: checkHash,
};

/**
 * Pre-filter one observable before a threat-intel lookup: it must have the shape of its type (defanged allowed),
 * then URLs need a qualified, non-private host and no `file` scheme, IPs must be global (Python `is_global`),
 * domains qualified and not IPs, hashes of entropy ≥ 3.0. Types without checks pass through trimmed.
 */
export function preprocessObservable(value: string, type: string): PrefilterResult {
  const trimmed = value.trim();
  const check = CHECKS[type];
  if (!check) return ok(trimmed);
  const shape = validationType(type, trimmed);
  if (!isIocType(shape) || !validateIoc(trimmed, shape)) {
    return reject(`Observable does not match expected pattern for ${type}`);
  }
  return check(trimmed);
}
