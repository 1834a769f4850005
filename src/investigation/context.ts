/**
 * What a command handler gets to work with: the data provider, a clock and a logger. Handlers never know
 * which channel asked.
 */
import type { DataProvider } from '../data/provider.js';
import type { ThreatIntel } from '../enrich/threat-intel.js';
import type { Logger } from '../logger.js';
import type { Actor } from '../policy/actor.js';
import type { DigestSubscriptionsPort } from './commands/digest.js';
import type { ProgressEvent } from './playbook.js';

export interface CommandContext {
  data: DataProvider;
  /** The current time; injected so tests and digests can fix it. */
  now: () => Date;
  log: Logger;
  /** Aborted when the caller gives up (client gone, deadline passed). */
  signal?: AbortSignal;
  /** Ties log lines and error messages of one command together. */
  correlationId: string;
  /** Hears investigation steps start and finish, so channels can show progress and post sections as they come. */
  onProgress?: (event: ProgressEvent) => void;
  /** Threat intel (VirusTotal), when an API key is configured; absent = off, and `vt` says how to turn it on. */
  intel?: ThreatIntel;
  /** Who typed the command, and where (digests are subscribed for the asker's conversation). */
  actor?: Actor;
  /** Digest subscriptions (src/schedule), injected by the composition root; absent = scheduled digests are off. */
  digests?: DigestSubscriptionsPort;
}
