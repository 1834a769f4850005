import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeFragment } from '../../../src/analysis/base64/decode-fragment.js';
import { resolveLimits } from '../../../src/analysis/base64/limits.js';

const context = { prefix: '3.', fragmentIndex: 2, depth: 2, limits: resolveLimits(), utf16: false, budgetLeft: 1e7 };

describe('decodeFragment', () => {
  it('is null for a candidate that is not valid base64', () => {
    expect(decodeFragment('QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo', context)).toBeNull();
  });

  it('formats a single text record with the level prefix', () => {
    const fragment = decodeFragment(Buffer.from('hello there, this is text').toString('base64'), context);
    expect(fragment?.markup).toBe(
      "<decoded type='string' name='[None]' index='3.2' depth='2'>hello there, this is text</decoded>",
    );
    expect(fragment?.records[0]?.reference).toEqual(['3.', '2.', '2']);
  });

  it('indexes multi-member archive children once (msticpy repeats the prefix: 3.3.2.1)', () => {
    const zip = zipSync({ 'a.txt': Buffer.from('alpha text'), 'b.txt': Buffer.from('beta text') });
    const fragment = decodeFragment(Buffer.from(zip).toString('base64'), context);
    expect(fragment?.records.map((record) => [record.index, record.fileName, record.fileType])).toEqual([
      ['3.2.1', 'a.txt', 'zip'],
      ['3.2.2', 'b.txt', 'zip'],
    ]);
    expect(fragment?.markup).toBe(
      "<decoded value='multiple binary' type='multiple' index='3.2' depth='2'>" +
        "<decoded type='string' name='[zip] Filename: a.txt' index='3.2.1' depth='3'>alpha text</decoded>" +
        "<decoded type='string' name='[zip] Filename: b.txt' index='3.2.2' depth='3'>beta text</decoded></decoded>",
    );
    expect(fragment?.bytesUsed).toBe(zip.length + 19);
  });
});
