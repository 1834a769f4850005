import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unpackBase64 } from '../../../src/analysis/base64/unpack.js';
import { decodedPayloadText, readableDecodedText } from '../../../src/analysis/verdict/readable-decoded.js';
import { hasSharedData, sharedFile } from '../../helpers/shared-data.js';

describe('readableDecodedText', () => {
  it('turns text markup into «decoded: …», nested ones too', () => {
    const inner = Buffer.from('http://203.0.113.9/x', 'utf16le').toString('base64');
    const outer = Buffer.from(`$u=[Convert]::FromBase64String('${inner}')`, 'utf16le').toString('base64');
    const result = unpackBase64(`powershell -enc ${outer}`);
    expect(readableDecodedText(result.decodedText)).toBe(
      "powershell -enc «decoded: $u=[Convert]::FromBase64String('«decoded: http://203.0.113.9/x»')»",
    );
  });

  it('summarises binary payloads instead of dumping hex', () => {
    const pe = `TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+AAAAA4fug4AtAnNIbgBTM0hVGhp`;
    const result = unpackBase64(`x ${pe} y`);
    expect(readableDecodedText(result.decodedText)).toBe('x «decoded binary exe 81 bytes» y');
  });

  it('leaves stray tags that were in the input itself', () => {
    expect(readableDecodedText('echo </decoded> <decoded x>')).toBe('echo </decoded> ');
    expect(readableDecodedText("a <decoded type='string'>b")).toBe('a b');
  });

  it.skipIf(!hasSharedData)("shows msticpy's nested archive sample (base64msg.txt) with members named", () => {
    const result = unpackBase64(readFileSync(sharedFile('msticpy/base64msg.txt'), 'utf8'));
    const text = readableDecodedText(result.decodedText);
    expect(text).toContain('«decoded archive: ');
    expect(text).toMatch(/«decoded: .*»/s);
    expect(text).not.toContain('<decoded');
  });

  it('stays linear on thousands of nested fake tags', () => {
    const hostile = `${'<decoded a>'.repeat(20_000)}x${'</decoded>'.repeat(20_000)}`;
    const started = performance.now();
    expect(readableDecodedText(hostile).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('decodedPayloadText', () => {
  it('joins the text records and skips binary ones', () => {
    const text = Buffer.from('first payload here, long enough').toString('base64');
    const result = unpackBase64(`a ${text} b`);
    expect(decodedPayloadText(result)).toBe('first payload here, long enough');
  });
});
