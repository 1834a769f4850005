/**
 * Hard limits for base64 unpacking. msticpy has none (facts §j.7): a zip or gzip bomb, a huge command line or
 * deeply nested base64 would exhaust memory or time. Every limit hit sets `truncated` and adds a warning.
 */

/** Caps on one `unpackBase64` call. */
export interface Base64Limits {
  /** Nesting levels decoded (msticpy: 20 recursions). */
  maxDepth: number;
  /** Bytes decoded in total: base64 payloads plus archive members. */
  maxTotalDecodedBytes: number;
  /** Members read from one archive. */
  maxArchiveMembers: number;
  /** Bytes kept from one archive member (longer members are cut, with a warning). */
  maxMemberBytes: number;
  /** Output ÷ compressed size allowed when inflating (never less than `minInflateAllowance` bytes). */
  maxCompressionRatio: number;
  /** Inflation allowed whatever the ratio, so small legitimate members are never cut. */
  minInflateAllowance: number;
  /** Decode attempts per nesting level (msticpy stops a level after 50). */
  maxCandidatesPerLevel: number;
  /** Characters of input scanned; the rest is passed through unchanged. */
  maxInputChars: number;
  /** Bytes shown as hex in `printableBytes` and in the markup (the record keeps every byte). */
  maxPrintableBytes: number;
}

const MIB = 1024 * 1024;

/** Defaults that keep a 10 MB command line or a bomb well under a second. */
export const DEFAULT_BASE64_LIMITS: Readonly<Base64Limits> = {
  maxDepth: 8,
  maxTotalDecodedBytes: 8 * MIB,
  maxArchiveMembers: 64,
  maxMemberBytes: 2 * MIB,
  maxCompressionRatio: 100,
  minInflateAllowance: 64 * 1024,
  maxCandidatesPerLevel: 50,
  maxInputChars: MIB,
  maxPrintableBytes: 64 * 1024,
};

/** Defaults overridden by the given values. */
export function resolveLimits(overrides: Partial<Base64Limits> = {}): Base64Limits {
  return { ...DEFAULT_BASE64_LIMITS, ...overrides };
}

/** How many bytes one compressed member may inflate to. */
export function inflateCap(limits: Base64Limits, compressedBytes: number, budgetLeft: number): number {
  const byRatio = Math.max(limits.minInflateAllowance, compressedBytes * limits.maxCompressionRatio);
  return Math.max(0, Math.min(limits.maxMemberBytes, byRatio, budgetLeft));
}
