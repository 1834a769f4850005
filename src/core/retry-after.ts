/**
 * The HTTP `Retry-After` header (RFC 9110 §10.2.3), read the same way for every service socbot calls: Slack, the
 * Bot Framework connector, Log Analytics, VirusTotal. Pure.
 */

/** The wait `Retry-After` asks for, in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterHeaderMs(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
