/**
 * `vt <observable>`: what VirusTotal says about one IP, domain, URL or hash — verdict, engine counts, key
 * attributes and a link. The observable is pre-filtered first (msticpy's rules): a private IP, an unqualified name
 * or a low-entropy "hash" gets the reason and no request. `vt alert <alertId>` runs the threat-intel step.
 */
import { refang } from '../../analysis/iocs/defang.js';
import { parseIpAddress } from '../../analysis/iocs/ip-address.js';
import { preprocessObservable } from '../../analysis/iocs/observable-prefilter.js';
import type { Command } from '../../core/command.js';
import { type Section, section } from '../../core/section.js';
import type { ThreatIntelType } from '../../enrich/threat-intel.js';
import type { CommandContext } from '../context.js';
import { resultBlocks, shownObservable, typeName, verdictTone } from '../steps/threat-intel-view.js';
import { runStepOn } from './run-step.js';
import { loadAlert } from './show-alert.js';

type VtCommand = Extract<Command, { name: 'vt' }>;

/** Longest `vt` waits for the rate limit (one window); beyond it, it says when to try again. */
const maxVtWaitMs = 60_000;

const hashTypes: Readonly<Record<number, ThreatIntelType>> = { 32: 'md5_hash', 40: 'sha1_hash', 64: 'sha256_hash' };

/**
 * The type an observable typed by a user has: a URL has a scheme, an IP parses as one, 32/40/64 hex digits are a
 * hash; anything else is taken as a domain (the pre-filter then says if it is not a qualified one).
 */
export function observableTypeOf(text: string): ThreatIntelType {
  const plain = refang(text.trim());
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(plain)) return 'url';
  const ip = parseIpAddress(plain);
  if (ip) return ip.version === 4 ? 'ipv4' : 'ipv6';
  if (/^[0-9a-f]+$/i.test(plain)) {
    const hash = hashTypes[plain.length];
    if (hash) return hash;
  }
  return 'dns';
}

function notLookedUp(shown: string, type: ThreatIntelType, reason: string): Section {
  return section({
    id: 'vt',
    title: `Not looked up: ${shown}`,
    subtitle: `Read as ${/^[aeiou]/i.test(typeName(type)) ? 'an' : 'a'} ${typeName(type)}`,
    status: 'skipped',
    blocks: [
      { kind: 'text', markdown: `socbot did not ask VirusTotal: ${reason.replace(/\.$/, '')}.` },
      {
        kind: 'text',
        markdown:
          'Only public IP addresses, qualified domains, URLs on public hosts and hashes are looked up: internal names never leave, and the quota goes where it helps.',
      },
    ],
  });
}

function intelOff(shown: string): Section {
  return section({
    id: 'vt',
    title: `Threat intel is off: ${shown} was not looked up`,
    status: 'skipped',
    blocks: [
      {
        kind: 'text',
        markdown: 'No VirusTotal API key is configured. An administrator can set `VIRUSTOTAL_API_KEY` to turn it on.',
      },
    ],
    actions: [{ label: 'Recent alerts', command: 'alerts' }],
  });
}

/** Looks one observable up, after the pre-filter. Provider failures throw (`answer` turns them into a card). */
export async function lookUpObservable(text: string, ctx: CommandContext): Promise<Section[]> {
  const type = observableTypeOf(text);
  const shown = shownObservable(text.trim(), type);
  const checked = preprocessObservable(text, type);
  if (!checked.ok) return [notLookedUp(shown, type, checked.reason)];
  if (!ctx.intel) return [intelOff(shown)];
  const options = { maxWaitMs: maxVtWaitMs, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  const result = await ctx.intel.provider.lookup(checked.value, type, options);
  return [
    section({
      id: 'vt',
      title: `${result.provider}: ${shown}`,
      subtitle: typeName(type),
      tone: verdictTone(result.verdict),
      blocks: resultBlocks(result),
    }),
  ];
}

/** Runs `vt <observable>` or `vt alert <alertId>`. */
export async function vtCommand(command: VtCommand, ctx: CommandContext): Promise<Section[]> {
  if ('alertId' in command) return runStepOn('threat-intel', await loadAlert(command.alertId, ctx), ctx);
  return lookUpObservable(command.observable, ctx);
}
