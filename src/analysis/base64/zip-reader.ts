/**
 * A zip's central directory, read with bounds checks and a member cap. Like Python's `zipfile.namelist()`, the
 * member list comes from the central directory; each member's data is located through its local header.
 */

/** One member as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated; anything else is unsupported. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** Declared size: attacker-controlled, so never trusted for allocation. */
  declaredSize: number;
  /** Offset of the member's data, or -1 when its local header is broken. */
  dataStart: number;
}

/** The members read (at most the cap), how many the archive declares, and what went wrong. */
export interface ZipDirectory {
  entries: ZipEntry[];
  declaredCount: number;
  error: string | null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 65535;

const UTF8 = new TextDecoder('utf-8');
const LATIN1 = new TextDecoder('latin1');

function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - EOCD_SIZE - MAX_COMMENT);
  for (let offset = view.byteLength - EOCD_SIZE; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

function dataStartOf(view: DataView, localOffset: number): number {
  if (localOffset + 30 > view.byteLength || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) return -1;
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  return start <= view.byteLength ? start : -1;
}

function readEntry(bytes: Uint8Array, view: DataView, offset: number): { entry: ZipEntry; next: number } | null {
  if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return null;
  const flags = view.getUint16(offset + 8, true);
  const nameLength = view.getUint16(offset + 28, true);
  const next = offset + 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  if (next > view.byteLength) return null;
  // Bit 11 marks UTF-8 names; others are CP437, read here as Latin-1 (identical for ASCII names).
  const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
  const entry: ZipEntry = {
    name: (flags & 0x800 ? UTF8 : LATIN1).decode(nameBytes),
    method: view.getUint16(offset + 10, true),
    encrypted: (flags & 1) === 1,
    compressedSize: view.getUint32(offset + 20, true),
    declaredSize: view.getUint32(offset + 24, true),
    dataStart: dataStartOf(view, view.getUint32(offset + 42, true)),
  };
  return { entry, next };
}

/** The first `maxEntries` members of a zip. Zip64 archives are reported as unsupported. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.byteLength >= EOCD_SIZE ? findEndOfDirectory(view) : -1;
  if (end < 0) return { entries: [], declaredCount: 0, error: 'zip end-of-directory record not found' };
  const declaredCount = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (declaredCount === 0xffff || offset === 0xffffffff) {
    return { entries: [], declaredCount, error: 'zip64 archives are not supported' };
  }
  const entries: ZipEntry[] = [];
  while (entries.length < Math.min(declaredCount, maxEntries)) {
    const read = readEntry(bytes, view, offset);
    if (!read) return { entries, declaredCount, error: `zip central directory is broken at entry ${entries.length}` };
    entries.push(read.entry);
    offset = read.next;
  }
  return { entries, declaredCount, error: null };
}
