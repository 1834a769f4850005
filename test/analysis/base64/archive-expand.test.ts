import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import { expandArchive } from '../../../src/analysis/base64/archive-expand.js';
import { resolveLimits } from '../../../src/analysis/base64/limits.js';

const limits = resolveLimits();
const BUDGET = 8 * 1024 * 1024;
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString();

/** Overwrite the declared uncompressed size of every entry (local and central headers). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let offset = 0; offset + 4 <= copy.length; offset++) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x04034b50) view.setUint32(offset + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(offset + 24, size, true);
  }
  return copy;
}

describe('expandArchive: zip', () => {
  it('reads deflated and stored members in directory order', () => {
    const zip = zipSync({ 'a.txt': Buffer.from('first file'), 'b.bin': [Uint8Array.of(1, 2, 3), { level: 0 }] });
    const { members, warnings, truncated } = expandArchive(zip, 'zip', limits, BUDGET);
    expect(members.map((member) => member.name)).toEqual(['a.txt', 'b.bin']);
    expect(text(members[0]?.bytes)).toBe('first file');
    expect([...(members[1]?.bytes ?? [])]).toEqual([1, 2, 3]);
    expect(warnings).toEqual([]);
    expect(truncated).toBe(false);
  });

  it('a zip bomb member is cut at the compression-ratio cap, whatever its header claims', () => {
    const zip = lieAboutSizes(zipSync({ 'zeros.bin': new Uint8Array(20 * 1024 * 1024) }), 10);
    const { members, truncated } = expandArchive(zip, 'zip', limits, BUDGET);
    const compressed = zip.length;
    expect(members[0]?.bytes.length).toBeLessThanOrEqual(Math.max(64 * 1024, compressed * 100));
    expect(members[0]?.bytes.length).toBeGreaterThan(10);
    expect(members[0]?.warnings[0]).toMatch(/zeros\.bin: cut at/);
    expect(truncated).toBe(true);
  });

  it('reports encrypted members, unknown methods and garbage as warnings', () => {
    const zip = zipSync({ 'secret.txt': Buffer.from('x') }).slice();
    const view = new DataView(zip.buffer);
    for (let offset = 0; offset + 4 <= zip.length; offset++) {
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint16(offset + 8, 1, true);
    }
    expect(expandArchive(zip, 'zip', limits, BUDGET).members[0]?.warnings).toEqual([
      'secret.txt: encrypted, not extracted',
    ]);
    expect(expandArchive(Buffer.from('not a zip at all'), 'zip', limits, BUDGET)).toEqual({
      members: [],
      warnings: ['zip end-of-directory record not found'],
      truncated: false,
    });
  });

  it('reports corrupt deflate data without throwing', () => {
    const zip = zipSync({ 'a.txt': Buffer.from('hello hello hello hello') }).slice();
    zip.fill(0xff, 35, 42); // inside the 9 bytes of deflate data, before the central directory
    const { members } = expandArchive(zip, 'zip', limits, BUDGET);
    expect(members[0]?.warnings.join(' ')).toMatch(/a\.txt: /);
  });
});

describe('expandArchive: gzip and tar', () => {
  it('names the gzip member gzip_file and keeps a truncated stream as partial output with a warning', () => {
    const gz = gzipSync(Buffer.from('some gzip text '.repeat(100)));
    expect(text(expandArchive(gz, 'gz', limits, BUDGET).members[0]?.bytes)).toBe('some gzip text '.repeat(100));
    const cut = expandArchive(gz.subarray(0, gz.length - 12), 'gz', limits, BUDGET);
    expect(cut.members[0]?.name).toBe('gzip_file');
    expect(cut.members[0]?.warnings.join(' ')).toMatch(/gzip_file: /);
  });

  it('gives no member for data that is not gzip at all', () => {
    const { members, warnings } = expandArchive(Buffer.from('plainly not gzip'), 'gz', limits, BUDGET);
    expect(members).toEqual([]);
    expect(warnings.length).toBe(1);
  });

  it('reads tar members (directories as empty) and caps the member count', () => {
    const tar = createTar([{ name: 'dir/' }, { name: 'dir/a.txt', data: 'alpha' }, { name: 'b.txt', data: 'beta' }]);
    const all = expandArchive(tar, 'tar', limits, BUDGET);
    expect(all.members.map((member) => [member.name, text(member.bytes)])).toEqual([
      ['dir/', ''],
      ['dir/a.txt', 'alpha'],
      ['b.txt', 'beta'],
    ]);
    const capped = expandArchive(tar, 'tar', resolveLimits({ maxArchiveMembers: 2 }), BUDGET);
    expect(capped.members).toHaveLength(2);
    expect(capped.truncated).toBe(true);
  });

  it('reads a tar that sits at an offset inside a larger buffer', () => {
    const tar = createTar([{ name: 'x.txt', data: 'inside' }]);
    const padded = new Uint8Array(tar.length + 100);
    padded.set(tar, 100);
    expect(text(expandArchive(padded.subarray(100), 'tar', limits, BUDGET).members[0]?.bytes)).toBe('inside');
  });

  it('cuts members to the remaining budget', () => {
    const tar = createTar([{ name: 'big.txt', data: 'x'.repeat(5000) }]);
    const { members, truncated } = expandArchive(tar, 'tar', limits, 1000);
    expect(members[0]?.bytes.length).toBe(1000);
    expect(truncated).toBe(true);
  });
});
