/**
 * Signals from the observables in command lines: URLs on internet hosts, public IP addresses and external
 * domains lean malicious (a command line rarely needs them; droppers and C2 do); file hashes are context.
 * Observables are shown defanged (`hxxp://evil[.]com`) so chat clients do not turn them into live links.
 */
import { defang } from '../iocs/defang.js';
import type { IocType } from '../iocs/ioc-types.js';
import { counted } from './plural.js';
import { type Signal, signal } from './signal.js';

/** An observable and whether it is worth a threat-intel lookup (msticpy's pre-filter). */
export interface ScannedObservable {
  type: IocType;
  /** As found (possibly defanged). */
  value: string;
  /** True when the pre-filter accepts it: public IP, qualified domain, URL with a public qualified host. */
  lookupCandidate: boolean;
}

/** Observables named in the evidence of one signal. */
const shownPerSignal = 5;

const groups: readonly { types: readonly IocType[]; noun: string; plural: string; why: string }[] = [
  {
    types: ['url'],
    noun: 'URL on an internet host',
    plural: 'URLs on internet hosts',
    why: 'a download or C2 address',
  },
  {
    types: ['ipv4', 'ipv6'],
    noun: 'public IP address',
    plural: 'public IP addresses',
    why: 'a direct connection outside the network',
  },
  { types: ['dns'], noun: 'external domain', plural: 'external domains', why: 'worth a reputation check' },
];

const hashTypes: readonly IocType[] = ['md5_hash', 'sha1_hash', 'sha256_hash'];

function evidenceOf(items: readonly ScannedObservable[]): string {
  const shown = items.slice(0, shownPerSignal).map((item) => defang(item.value, item.type));
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(', ')} (+${more} more)` : shown.join(', ');
}

/**
 * Signals for the observables found in `where` ("the alert command line", "the process tree"): one per group
 * of lookup candidates (URLs, public IPs, external domains), and an info signal for file hashes.
 */
export function iocSignals(observables: readonly ScannedObservable[], where: string, source = 'alert'): Signal[] {
  const signals: Signal[] = [];
  for (const group of groups) {
    const items = observables.filter((o) => o.lookupCandidate && group.types.includes(o.type));
    if (items.length === 0) continue;
    const what = counted(items.length, group.noun, group.plural);
    signals.push(
      signal('network-indicator', 'malicious', `${where} names ${what}: ${group.why}.`, evidenceOf(items), source),
    );
  }
  const hashes = observables.filter((o) => hashTypes.includes(o.type));
  if (hashes.length > 0) {
    const what = counted(hashes.length, 'file hash', 'file hashes');
    signals.push(
      signal(
        'file-hashes',
        'info',
        `${where} names ${what}: threat intel can say what they are.`,
        evidenceOf(hashes),
        source,
      ),
    );
  }
  return signals;
}
