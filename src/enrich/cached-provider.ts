/**
 * A provider with a cache in front: a fresh stored answer is returned without asking (so it costs no quota),
 * a new answer is stored. "Not known to the provider" is an answer and is cached too; failures are not.
 * A cache that cannot be read or written never fails a lookup: it is logged and skipped.
 */
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { ThreatIntelCacheKey, ThreatIntelCacheStore } from '../store/ti-cache-store.js';
import {
  canonicalObservable,
  type ThreatIntelProvider,
  type ThreatIntelResult,
  type ThreatIntelType,
  threatIntelTypes,
} from './threat-intel.js';

const countsSchema = z.object({
  malicious: z.number(),
  suspicious: z.number(),
  harmless: z.number(),
  undetected: z.number(),
  timeout: z.number(),
  engines: z.number(),
});

/** The stored shape; a row that does not match (an older version's) is a cache miss. */
const resultSchema = z.object({
  provider: z.string(),
  type: z.enum(threatIntelTypes),
  value: z.string(),
  found: z.boolean(),
  verdict: z.enum(['malicious', 'suspicious', 'clean', 'unknown']),
  counts: countsSchema.nullable(),
  reputation: z.number().nullable(),
  lastAnalysedAt: z.string().nullable(),
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  link: z.string(),
  checkedAt: z.string(),
});

export interface CacheOptions {
  store: ThreatIntelCacheStore;
  /** How long an answer is reused. */
  ttlMs: number;
  now?: () => Date;
  log?: Logger;
}

/** Old answers are deleted at most this often. */
const pruneEveryMs = 3_600_000;

function parseStored(json: string): ThreatIntelResult | undefined {
  try {
    const parsed = resultSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `provider` with answers cached for `ttlMs` in `store`. */
export function withCache(provider: ThreatIntelProvider, options: CacheOptions): ThreatIntelProvider {
  const now = options.now ?? (() => new Date());
  let lastPrune = 0;
  const keyOf = (value: string, type: ThreatIntelType): ThreatIntelCacheKey => ({
    provider: provider.name,
    type,
    value: canonicalObservable(value, type),
  });

  async function read(value: string, type: ThreatIntelType): Promise<ThreatIntelResult | undefined> {
    if (options.ttlMs <= 0) return undefined;
    try {
      const stored = await options.store.get(keyOf(value, type), new Date(now().getTime() - options.ttlMs));
      const result = stored ? parseStored(stored.json) : undefined;
      return result ? { ...result, fromCache: true } : undefined;
    } catch (error) {
      options.log?.warn({ err: error, provider: provider.name }, 'threat-intel cache could not be read');
      return undefined;
    }
  }

  async function write(result: ThreatIntelResult): Promise<void> {
    if (options.ttlMs <= 0) return;
    const { fromCache: _ignored, ...stored } = result;
    try {
      await options.store.put(keyOf(result.value, result.type), {
        json: JSON.stringify(stored),
        checkedAt: new Date(result.checkedAt),
      });
      const at = now().getTime();
      if (at - lastPrune >= pruneEveryMs) {
        lastPrune = at;
        await options.store.prune(new Date(at - options.ttlMs));
      }
    } catch (error) {
      options.log?.warn({ err: error, provider: provider.name }, 'threat-intel cache could not be written');
    }
  }

  return {
    name: provider.name,
    peek: read,
    async lookup(value, type, lookupOptions) {
      const cached = await read(value, type);
      if (cached) return cached;
      const result = await provider.lookup(value, type, lookupOptions);
      await write(result);
      return result;
    },
  };
}
