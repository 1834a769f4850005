/**
 * Settings of the VirusTotal threat-intel provider, from the environment (merged into the app's configuration).
 * Without `VIRUSTOTAL_API_KEY` threat intel is off, and says so where it would have answered.
 */
import { z } from 'zod';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The API key travels in every request: only https, or plain http to a loopback test server. */
function isSafeApiUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
}

export const virusTotalConfigSchema = z.object({
  VIRUSTOTAL_API_KEY: z
    .string()
    .min(1)
    .optional()
    .describe('VirusTotal API key (your profile → API key); without it threat intel is off'),
  VIRUSTOTAL_URL: z
    .url()
    .refine(isSafeApiUrl, 'must be https (the API key is sent with every request); http only to 127.0.0.1')
    .default('https://www.virustotal.com/api/v3')
    .describe('VirusTotal API v3 base URL (change it only for tests)'),
  VIRUSTOTAL_REQUESTS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(4)
    .describe('Lookups per minute socbot sends (the free public API allows 4)'),
  VIRUSTOTAL_CACHE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .default(24)
    .describe('How long an answer is reused from the workspace store (0 = no cache)'),
  VIRUSTOTAL_TIMEOUT_SECONDS: z.coerce
    .number()
    .positive()
    .max(120)
    .default(10)
    .describe('Longest socbot waits for one VirusTotal answer'),
  VIRUSTOTAL_LOOKUPS_PER_INVESTIGATION: z.coerce
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .describe('Observables one investigation looks up (default: the per-minute budget, so it never waits minutes)'),
});

/** The validated VirusTotal settings. */
export type VirusTotalConfig = Readonly<z.infer<typeof virusTotalConfigSchema>>;

/** Fills the defaults (for tests and tools that build a config by hand). */
export function virusTotalConfig(values: z.input<typeof virusTotalConfigSchema>): VirusTotalConfig {
  return virusTotalConfigSchema.parse(values);
}
