/**
 * Where VirusTotal v3 keeps each kind of observable: the API path (`/ip_addresses/{ip}`, `/domains/{domain}`,
 * `/urls/{id}` with id = the unpadded base64url of the URL, `/files/{hash}`) and the page people open
 * (`https://www.virustotal.com/gui/{ip-address|domain|url|file}/{id}`).
 */
import { canonicalObservable, type ThreatIntelType } from '../threat-intel.js';

/** The site people open; links always point here, whichever API URL is configured. */
export const virusTotalGuiBase = 'https://www.virustotal.com/gui';

const collections: Readonly<Record<ThreatIntelType, string>> = {
  ipv4: 'ip_addresses',
  ipv6: 'ip_addresses',
  dns: 'domains',
  url: 'urls',
  md5_hash: 'files',
  sha1_hash: 'files',
  sha256_hash: 'files',
};

const guiKinds: Readonly<Record<ThreatIntelType, string>> = {
  ipv4: 'ip-address',
  ipv6: 'ip-address',
  dns: 'domain',
  url: 'url',
  md5_hash: 'file',
  sha1_hash: 'file',
  sha256_hash: 'file',
};

/** VirusTotal's URL identifier: the URL in base64url without `=` padding (RFC 4648 §5). */
export function urlIdentifier(url: string): string {
  return Buffer.from(url, 'utf8').toString('base64url');
}

/** The object's id in the API path; ids are percent-encoded so no value can reach another endpoint. */
export function objectId(value: string, type: ThreatIntelType): string {
  const canonical = canonicalObservable(value, type);
  if (type === 'url') return urlIdentifier(canonical);
  // IPv6 colons are legal in a path segment and read better in logs than %3A.
  return encodeURIComponent(canonical).replace(/%3A/gi, ':');
}

/** `/ip_addresses/1.2.3.4`, relative to the API base. */
export function objectPath(value: string, type: ThreatIntelType): string {
  return `/${collections[type]}/${objectId(value, type)}`;
}

/**
 * The VirusTotal page about an observable: by the id VirusTotal answered with (a URL's is its SHA-256), or, for a
 * URL it does not know, a search for it (the GUI has no page for an unknown URL's base64 id).
 */
export function guiLink(type: ThreatIntelType, value: string, answeredId?: string): string {
  if (answeredId) return `${virusTotalGuiBase}/${guiKinds[type]}/${encodeURIComponent(answeredId)}`;
  if (type === 'url') return `${virusTotalGuiBase}/search/${encodeURIComponent(encodeURIComponent(value))}`;
  return `${virusTotalGuiBase}/${guiKinds[type]}/${objectId(value, type)}`;
}
