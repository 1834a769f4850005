/**
 * Observables of the `iocs` step: gathered from several texts with where each was found, merged by type and
 * value, checked with msticpy's threat-intel pre-filter, and laid out as a table. Observables are shown defanged
 * (`hxxp://evil[.]com`): a chat client turns a plain URL into a live link, one click from the payload.
 */
import { defang } from '../../analysis/iocs/defang.js';
import { extractIocs } from '../../analysis/iocs/extract.js';
import { IOC_TYPES, type IocScanOptions, type IocType } from '../../analysis/iocs/ioc-types.js';
import { preprocessObservable } from '../../analysis/iocs/observable-prefilter.js';
import type { ScannedObservable } from '../../analysis/verdict/index.js';
import type { Block, NextAction } from '../../core/section.js';
import { cappedTable } from './step-blocks.js';

/** One observable found in one place. */
export interface ObservableHit {
  type: IocType;
  value: string;
  where: string;
}

/** One observable with every place it was found and its threat-intel pre-filter verdict. */
export interface MergedObservable extends ScannedObservable {
  where: string[];
  /** `lookup candidate`, why not, or `—` for types no threat-intel service looks up (paths, e-mail). */
  lookup: string;
  /** The refanged value to look up, when a candidate. */
  lookupValue: string | null;
}

/** Types threat intel is asked about (msticpy's pre-filter has checks for these). */
const lookupTypes: ReadonlySet<IocType> = new Set([
  'ipv4',
  'ipv6',
  'dns',
  'url',
  'md5_hash',
  'sha1_hash',
  'sha256_hash',
]);

/** The IoCs of one text as hits labelled `where`. */
export function scanText(text: string, where: string, options: IocScanOptions): ObservableHit[] {
  const hits: ObservableHit[] = [];
  if (text.trim() === '') return hits;
  for (const [type, values] of extractIocs(text, options))
    for (const value of values) hits.push({ type, value, where });
  return hits;
}

function lookupOf(type: IocType, value: string): Pick<MergedObservable, 'lookup' | 'lookupValue' | 'lookupCandidate'> {
  if (!lookupTypes.has(type)) return { lookup: '—', lookupValue: null, lookupCandidate: false };
  const verdict = preprocessObservable(value, type);
  return verdict.ok
    ? { lookup: 'lookup candidate', lookupValue: verdict.value, lookupCandidate: true }
    : { lookup: verdict.reason, lookupValue: null, lookupCandidate: false };
}

/** Hits merged by type and value (first-found order, then by msticpy's type order), pre-filtered once each. */
export function mergeHits(hits: readonly ObservableHit[]): MergedObservable[] {
  const merged = new Map<string, MergedObservable>();
  for (const hit of hits) {
    const key = `${hit.type}\u0000${hit.value}`;
    const seen = merged.get(key);
    if (seen) {
      if (!seen.where.includes(hit.where)) seen.where.push(hit.where);
      continue;
    }
    merged.set(key, { type: hit.type, value: hit.value, where: [hit.where], ...lookupOf(hit.type, hit.value) });
  }
  const order = (type: IocType) => IOC_TYPES.indexOf(type);
  return [...merged.values()].sort((a, b) => order(a.type) - order(b.type));
}

/** Places shown per observable before "+N more". */
const shownPlaces = 3;

function placesText(where: readonly string[]): string {
  const shown = where.slice(0, shownPlaces).join('; ');
  return where.length > shownPlaces ? `${shown} (+${where.length - shownPlaces} more)` : shown;
}

/** The IoC table: type, observable (defanged), where found, threat-intel pre-filter. */
export function observableTable(observables: readonly MergedObservable[]): Block {
  return cappedTable(
    [
      { key: 'type', label: 'Type' },
      { key: 'observable', label: 'Observable', mono: true },
      { key: 'where', label: 'Found in' },
      { key: 'lookup', label: 'Threat intel' },
    ],
    observables.map((o) => ({
      type: o.type,
      observable: defang(o.value, o.type),
      where: placesText(o.where),
      lookup: o.lookup,
    })),
  );
}

/** VirusTotal buttons offered per Section. */
const lookupButtons = 3;
const buttonPriority: readonly IocType[] = ['url', 'ipv4', 'ipv6', 'dns', 'sha256_hash', 'sha1_hash', 'md5_hash'];

/** Characters of an observable on a button. */
const buttonChars = 40;

function shortLabel(text: string): string {
  return text.length <= buttonChars ? text : `${text.slice(0, buttonChars - 1)}…`;
}

/** `vt <observable>` buttons for the first few lookup candidates, URLs and IPs first. */
export function lookupActions(observables: readonly MergedObservable[]): NextAction[] {
  return observables
    .filter((o) => o.lookupValue !== null)
    .sort((a, b) => buttonPriority.indexOf(a.type) - buttonPriority.indexOf(b.type))
    .slice(0, lookupButtons)
    .map((o) => ({ label: `VirusTotal: ${shortLabel(defang(o.value, o.type))}`, command: `vt ${o.lookupValue}` }));
}
