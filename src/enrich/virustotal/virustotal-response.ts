/**
 * VirusTotal v3 objects (`{ data: { id, type, attributes } }`) as `ThreatIntelResult`s: the engine counts of
 * `last_analysis_stats`, `reputation`, `last_analysis_date` and a few attributes an analyst reads first per kind
 * (msticpy's VTLookupV3 basic properties: country and AS owner of an IP, name and type of a file…).
 */
import {
  type EngineCounts,
  type IntelDetail,
  type ThreatIntelResult,
  type ThreatIntelType,
  verdictOfCounts,
} from '../threat-intel.js';
import { guiLink } from './virustotal-objects.js';

/** The provider name results carry (and the cache is keyed by). */
export const virusTotalName = 'VirusTotal';

/** One VirusTotal object, narrowed from the wire. */
export interface VirusTotalObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A Unix time in seconds as ISO 8601. */
function isoOfSeconds(value: unknown): string | null {
  const seconds = numberOf(value);
  return seconds === null || seconds <= 0 ? null : new Date(seconds * 1000).toISOString();
}

/** `data` of a v3 object response, or null when the body is not one. */
export function parseObjectBody(body: unknown): VirusTotalObject | null {
  if (!isRecord(body) || !isRecord(body.data)) return null;
  const { id, type, attributes } = body.data;
  if (typeof id !== 'string' || typeof type !== 'string') return null;
  return { id, type, attributes: isRecord(attributes) ? attributes : {} };
}

/** `last_analysis_stats` as counts; files add `type-unsupported`, `failure`…, which are not engine verdicts. */
export function engineCounts(stats: unknown): EngineCounts | null {
  if (!isRecord(stats)) return null;
  const count = (key: string) => Math.max(0, numberOf(stats[key]) ?? 0);
  const counts = {
    malicious: count('malicious'),
    suspicious: count('suspicious'),
    harmless: count('harmless'),
    undetected: count('undetected'),
    timeout: count('timeout'),
  };
  return { ...counts, engines: counts.malicious + counts.suspicious + counts.harmless + counts.undetected };
}

function detail(label: string, value: string | number | null | undefined): IntelDetail[] {
  return value === null || value === undefined || value === '' ? [] : [{ label, value: String(value) }];
}

function dateDetail(label: string, seconds: unknown): IntelDetail[] {
  return detail(label, isoOfSeconds(seconds)?.slice(0, 10));
}

/** Shown values of an object map, at most `max` (`categories` is engine → category). */
function someValues(value: unknown, max = 3): string | null {
  if (!isRecord(value) && !Array.isArray(value)) return null;
  const values = [...new Set((Array.isArray(value) ? value : Object.values(value)).map(textOf))].filter(
    (v): v is string => v !== null,
  );
  return values.length === 0 ? null : values.slice(0, max).join(', ');
}

function ipDetails(a: Json): IntelDetail[] {
  const asn = numberOf(a.asn);
  const owner = textOf(a.as_owner);
  const as = owner && asn !== null ? `${owner} (AS${asn})` : (owner ?? (asn !== null ? `AS${asn}` : null));
  return [...detail('Country', textOf(a.country)), ...detail('AS owner', as), ...detail('Network', textOf(a.network))];
}

function domainDetails(a: Json): IntelDetail[] {
  return [
    ...detail('Registrar', textOf(a.registrar)),
    ...dateDetail('Created', a.creation_date),
    ...detail('Categories', someValues(a.categories)),
  ];
}

function urlDetails(a: Json): IntelDetail[] {
  return [
    ...detail('Page title', textOf(a.title)),
    ...detail('Last HTTP status', numberOf(a.last_http_response_code)),
    ...dateDetail('First submitted', a.first_submission_date),
    ...detail('Times submitted', numberOf(a.times_submitted)),
  ];
}

function fileDetails(a: Json, type: ThreatIntelType): IntelDetail[] {
  const classification = isRecord(a.popular_threat_classification) ? a.popular_threat_classification : {};
  const size = numberOf(a.size);
  return [
    ...detail('File name', textOf(a.meaningful_name)),
    ...detail('File type', textOf(a.type_description)),
    ...detail('Size', size === null ? null : `${size.toLocaleString('en-US')} bytes`),
    ...detail('Threat label', textOf(classification.suggested_threat_label)),
    ...dateDetail('First submitted', a.first_submission_date),
    ...(type === 'sha256_hash' ? [] : detail('SHA-256', textOf(a.sha256))),
  ];
}

function detailsOf(attributes: Json, type: ThreatIntelType): IntelDetail[] {
  switch (type) {
    case 'ipv4':
    case 'ipv6':
      return ipDetails(attributes);
    case 'dns':
      return domainDetails(attributes);
    case 'url':
      return urlDetails(attributes);
    default:
      return fileDetails(attributes, type);
  }
}

/** A found object as a result. */
export function objectResult(
  object: VirusTotalObject,
  lookup: { value: string; type: ThreatIntelType; checkedAt: Date },
): ThreatIntelResult {
  const counts = engineCounts(object.attributes.last_analysis_stats);
  return {
    provider: virusTotalName,
    type: lookup.type,
    value: lookup.value,
    found: true,
    verdict: verdictOfCounts(counts),
    counts,
    reputation: numberOf(object.attributes.reputation),
    lastAnalysedAt: isoOfSeconds(object.attributes.last_analysis_date),
    details: detailsOf(object.attributes, lookup.type),
    link: guiLink(lookup.type, lookup.value, object.id),
    checkedAt: lookup.checkedAt.toISOString(),
  };
}

/** The answer for an observable VirusTotal has never seen (404 NotFoundError). */
export function notFoundResult(lookup: { value: string; type: ThreatIntelType; checkedAt: Date }): ThreatIntelResult {
  return {
    provider: virusTotalName,
    type: lookup.type,
    value: lookup.value,
    found: false,
    verdict: 'unknown',
    counts: null,
    reputation: null,
    lastAnalysedAt: null,
    details: [],
    link: guiLink(lookup.type, lookup.value),
    checkedAt: lookup.checkedAt.toISOString(),
  };
}
