/**
 * Archive expansion for decoded payloads msticpy recognises as zip, gz or tar (facts §f), with member caps and
 * bounded inflation. FIX: errors never throw (msticpy lets zipfile/gzip/tarfile exceptions escape); they become
 * warnings, and whatever was read before the error is kept.
 */
import { parseTar } from 'nanotar';
import { inflateBounded } from './bounded-inflate.js';
import { type Base64Limits, inflateCap } from './limits.js';
import { readZipDirectory, type ZipEntry } from './zip-reader.js';

/** A decompressed member (msticpy names a gzip's only member `gzip_file`). */
export interface ArchiveMember {
  name: string;
  bytes: Uint8Array;
  warnings: string[];
}

/** The members, warnings about the archive as a whole, and whether a limit cut anything. */
export interface ArchiveExpansion {
  members: ArchiveMember[];
  warnings: string[];
  truncated: boolean;
}

/** The archive types that are expanded. */
export type ArchiveType = 'zip' | 'gz' | 'tar';

function cutWarning(name: string, cap: number): string {
  return `${name}: cut at ${cap} bytes (member size, compression-ratio or total-decoded limit)`;
}

function expandZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: Base64Limits,
  budget: number,
): { member: ArchiveMember; truncated: boolean } {
  const member: ArchiveMember = { name: entry.name, bytes: new Uint8Array(0), warnings: [] };
  let truncated = false;
  if (entry.encrypted) member.warnings.push(`${entry.name}: encrypted, not extracted`);
  else if (entry.dataStart < 0) member.warnings.push(`${entry.name}: local header is broken`);
  else if (entry.method !== 0 && entry.method !== 8) {
    member.warnings.push(`${entry.name}: compression method ${entry.method} is not supported`);
  } else {
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const cap = entry.method === 0 ? Math.min(limits.maxMemberBytes, budget) : inflateCap(limits, data.length, budget);
    const result = entry.method === 0 ? storedSlice(data, cap) : inflateBounded(data, 'deflate', cap);
    member.bytes = result.bytes;
    truncated = result.truncated;
    if (result.truncated) member.warnings.push(cutWarning(entry.name, cap));
    if (result.error) member.warnings.push(`${entry.name}: ${result.error}`);
  }
  return { member, truncated };
}

function storedSlice(data: Uint8Array, cap: number): { bytes: Uint8Array; truncated: boolean; error: null } {
  return { bytes: data.slice(0, cap), truncated: data.length > cap, error: null };
}

function expandZip(bytes: Uint8Array, limits: Base64Limits, budget: number): ArchiveExpansion {
  const directory = readZipDirectory(bytes, limits.maxArchiveMembers);
  const expansion: ArchiveExpansion = { members: [], warnings: [], truncated: false };
  if (directory.error) expansion.warnings.push(directory.error);
  if (directory.declaredCount > limits.maxArchiveMembers) {
    expansion.warnings.push(`zip has ${directory.declaredCount} members; read the first ${limits.maxArchiveMembers}`);
    expansion.truncated = true;
  }
  let left = budget;
  for (const entry of directory.entries) {
    const { member, truncated } = expandZipEntry(bytes, entry, limits, left);
    left -= member.bytes.length;
    expansion.truncated ||= truncated;
    expansion.members.push(member);
  }
  return expansion;
}

function expandGzip(bytes: Uint8Array, limits: Base64Limits, budget: number): ArchiveExpansion {
  const cap = inflateCap(limits, bytes.length, budget);
  const result = inflateBounded(bytes, 'gzip', cap);
  const member: ArchiveMember = { name: 'gzip_file', bytes: result.bytes, warnings: [] };
  if (result.truncated) member.warnings.push(cutWarning('gzip_file', cap));
  if (result.error) member.warnings.push(`gzip_file: ${result.error}`);
  // Nothing inflated and an error: not a usable gzip, so no member (the payload is kept as plain binary).
  const members = result.bytes.length === 0 && result.error ? [] : [member];
  const warnings = members.length === 0 ? member.warnings : [];
  return { members, warnings, truncated: result.truncated };
}

function expandTar(bytes: Uint8Array, limits: Base64Limits, budget: number): ArchiveExpansion {
  const expansion: ArchiveExpansion = { members: [], warnings: [], truncated: false };
  let seen = 0;
  try {
    // nanotar reads `.buffer` from offset 0, so it gets a copy that starts there.
    const items = parseTar(bytes.slice(), { filter: () => ++seen <= limits.maxArchiveMembers });
    let left = budget;
    for (const item of items) {
      const data = item.data ?? new Uint8Array(0);
      const cap = Math.max(0, Math.min(limits.maxMemberBytes, left));
      const member: ArchiveMember = { name: item.name, bytes: data.slice(0, cap), warnings: [] };
      if (data.length > cap) member.warnings.push(cutWarning(item.name, cap));
      expansion.truncated ||= data.length > cap;
      left -= member.bytes.length;
      expansion.members.push(member);
    }
  } catch (cause) {
    expansion.warnings.push(`tar: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  if (seen > limits.maxArchiveMembers) {
    expansion.warnings.push(`tar has ${seen} members; read the first ${limits.maxArchiveMembers}`);
    expansion.truncated = true;
  }
  return expansion;
}

/** The members of a zip, gzip or tar payload, within the limits and `budget` (bytes of output allowed). */
export function expandArchive(
  bytes: Uint8Array,
  type: ArchiveType,
  limits: Base64Limits,
  budget: number,
): ArchiveExpansion {
  if (type === 'zip') return expandZip(bytes, limits, budget);
  if (type === 'gz') return expandGzip(bytes, limits, budget);
  return expandTar(bytes, limits, budget);
}
