import { describe, expect, it } from 'vitest';
import { buildRecord, type RecordContext } from '../../../src/analysis/base64/decode-record.js';

const context: RecordContext = {
  reference: ['', '1.', '1'],
  index: '1',
  depth: 1,
  originalString: 'aGVsbG8=',
  fileName: 'unknown',
  fileType: null,
  warnings: [],
  utf16: false,
  maxPrintableBytes: 4,
};

describe('buildRecord', () => {
  it('hashes the bytes and decodes text', () => {
    const record = buildRecord(Buffer.from('abc'), context);
    expect(record.md5).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(record.sha1).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(record.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(record.decodedString).toBe('abc');
    expect(record.printableBytes).toBe('61 62 63');
  });

  it('cuts printable bytes after the limit and marks the cut', () => {
    expect(buildRecord(Uint8Array.of(0, 1, 2, 3, 255, 254), context).printableBytes).toBe('00 01 02 03 …');
  });
});
