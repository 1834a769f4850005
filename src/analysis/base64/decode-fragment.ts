/**
 * One base64 candidate decoded into records and the markup that replaces it (msticpy's
 * `_decode_and_format_b64_string`, facts §f): sniff the type, decode, expand zip/gz/tar, one record per member.
 */
import { type ArchiveType, expandArchive } from './archive-expand.js';
import { decodeCandidate } from './candidates.js';
import { type Base64Record, buildRecord } from './decode-record.js';
import { sniffFileType } from './file-type.js';
import type { Base64Limits } from './limits.js';
import { binaryMarkup, multipleMarkup, stringMarkup } from './markup.js';

/** Where the candidate sits: the level's item prefix, its 1-based attempt number, the nesting depth. */
export interface FragmentContext {
  prefix: string;
  fragmentIndex: number;
  depth: number;
  limits: Base64Limits;
  utf16: boolean;
  /** Bytes still allowed by `maxTotalDecodedBytes`. */
  budgetLeft: number;
}

/** The replacement markup, its records, the bytes they used and whether a limit cut anything. */
export interface DecodedFragment {
  markup: string;
  records: Base64Record[];
  bytesUsed: number;
  truncated: boolean;
}

function isArchiveType(type: string | null): type is ArchiveType {
  return type === 'zip' || type === 'gz' || type === 'tar';
}

interface Payload {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  warnings: string[];
}

function formatRecord(record: Base64Record, name: string, index: string, depth: number): string {
  return record.decodedString !== null
    ? stringMarkup(name, index, depth, record.decodedString)
    : binaryMarkup(name, record.fileType, index, depth, record.printableBytes);
}

/** Archive members keyed by display name: a repeated name keeps its first position and its last content. */
function memberPayloads(type: ArchiveType, bytes: Uint8Array, context: FragmentContext): [Payload[], boolean] {
  const expansion = expandArchive(bytes, type, context.limits, context.budgetLeft - bytes.length);
  const byName = new Map<string, Payload>();
  for (const member of expansion.members) {
    const name = `[${type}] Filename: ${member.name}`;
    byName.set(name, { name, fileName: member.name, bytes: member.bytes, warnings: member.warnings });
  }
  const payloads = [...byName.values()];
  const first = payloads[0];
  if (first) first.warnings = [...expansion.warnings, ...first.warnings];
  // No member read: msticpy falls back to one record of the archive bytes, named after the type.
  if (!first) payloads.push({ name: `[${type}]`, fileName: 'unknown', bytes, warnings: expansion.warnings });
  return [payloads, expansion.truncated];
}

/** Decode one candidate; null when it is not valid base64 (msticpy's "undecodable"). */
export function decodeFragment(candidate: string, context: FragmentContext): DecodedFragment | null {
  const fileType = sniffFileType(candidate);
  const bytes = decodeCandidate(candidate);
  if (bytes === null) return null;
  const [payloads, truncated] = isArchiveType(fileType)
    ? memberPayloads(fileType, bytes, context)
    : [[{ name: `[${fileType ?? 'None'}]`, fileName: 'unknown', bytes, warnings: [] }], false];
  const { prefix, fragmentIndex, depth } = context;
  const baseIndex = `${prefix}${fragmentIndex}`;
  const single = payloads.length === 1;
  const records = payloads.map((payload, n) =>
    buildRecord(payload.bytes, {
      reference: [prefix, `${depth}.`, `${fragmentIndex}`],
      // FIX: msticpy repeats the prefix in member indexes below depth 1 (`1.1.1.1` for `1.1.1`).
      index: single ? baseIndex : `${baseIndex}.${n + 1}`,
      depth,
      originalString: candidate,
      fileName: payload.fileName,
      fileType,
      warnings: payload.warnings,
      utf16: context.utf16,
      maxPrintableBytes: context.limits.maxPrintableBytes,
    }),
  );
  const markups = records.map((record, n) =>
    formatRecord(record, payloads[n]?.name ?? '', record.index, single ? depth : depth + 1),
  );
  const memberBytes = payloads.reduce((sum, payload) => sum + (payload.bytes === bytes ? 0 : payload.bytes.length), 0);
  return {
    markup: single ? (markups[0] ?? '') : multipleMarkup(baseIndex, depth, markups),
    records,
    bytesUsed: bytes.length + memberBytes,
    truncated,
  };
}
