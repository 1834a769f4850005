import { describe, expect, it } from 'vitest';
import { decodeBomlessUtf16Le, decodeBytes } from '../../../src/analysis/base64/text-encoding.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('decodeBytes', () => {
  it('decodes strict UTF-8 and keeps a UTF-8 BOM as U+FEFF, as Python does', () => {
    expect(decodeBytes(Buffer.from('héllo'), false)).toEqual({ encodingType: 'utf-8', decodedString: 'héllo' });
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x41), false).decodedString).toBe('\uFEFFA');
  });

  it('reports invalid UTF-8 as binary', () => {
    expect(decodeBytes(bytes(0x80, 0x81, 0x82), false)).toEqual({ encodingType: 'binary', decodedString: null });
  });

  it('with utf16 tries UTF-16 first: BOM picks the order, none means little-endian', () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x74, 0, 0x78, 0), true).decodedString).toBe('tx');
    expect(decodeBytes(bytes(0xfe, 0xff, 0, 0x74, 0, 0x78), true).decodedString).toBe('tx');
    expect(decodeBytes(bytes(0x41, 0x42), true)).toEqual({ encodingType: 'utf-16', decodedString: '\u4241' });
  });

  it('without utf16 a BOM-marked UTF-16 payload stays binary (msticpy records it so)', () => {
    expect(decodeBytes(bytes(0xff, 0xfe, 0x74, 0, 0x65, 0, 0x78, 0, 0x74, 0), false).encodingType).toBe('binary');
  });
});

describe('decodeBomlessUtf16Le (socbot fix for -EncodedCommand payloads)', () => {
  it('detects ASCII text in UTF-16LE', () => {
    expect(decodeBomlessUtf16Le(Buffer.from('Invoke-WebRequest http://x', 'utf16le'))).toBe(
      'Invoke-WebRequest http://x',
    );
  });

  it('leaves zeros, odd lengths, short data and UTF-8 alone', () => {
    expect(decodeBomlessUtf16Le(new Uint8Array(64))).toBeNull();
    expect(decodeBomlessUtf16Le(Buffer.from('abcdefghi', 'utf16le').subarray(0, 17))).toBeNull();
    expect(decodeBomlessUtf16Le(Buffer.from('ab', 'utf16le'))).toBeNull();
    expect(decodeBomlessUtf16Le(Buffer.from('plain utf-8 text here'))).toBeNull();
  });

  it('refuses mostly-control-character results (16-bit binary data)', () => {
    expect(decodeBomlessUtf16Le(Uint8Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? (i % 7) + 1 : 0)))).toBeNull();
  });
});
