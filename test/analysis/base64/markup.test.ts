import { describe, expect, it } from 'vitest';
import {
  binaryMarkup,
  markupName,
  multipleMarkup,
  stringMarkup,
  stripDecodedTags,
} from '../../../src/analysis/base64/markup.js';

describe('decoded markup (msticpy formats)', () => {
  it('formats a string record', () => {
    expect(stringMarkup('[None]', '1', 1, 'hi')).toBe(
      "<decoded type='string' name='[None]' index='1' depth='1'>hi</decoded>",
    );
  });

  it('formats a binary record with two spaces before name and None for an unknown type', () => {
    expect(binaryMarkup('[None]', null, '2.1', 2, 'ff fe')).toBe(
      "<decoded value='binary'  name='[None]' type='None' index='2.1' depth='2'>ff fe</decoded>",
    );
  });

  it('wraps the members of a multi-member archive', () => {
    expect(multipleMarkup('1', 1, ['<a/>', '<b/>'])).toBe(
      "<decoded value='multiple binary' type='multiple' index='1' depth='1'><a/><b/></decoded>",
    );
  });

  it("replaces quotes and angle brackets in names (socbot; msticpy's tags break on them)", () => {
    expect(markupName("[zip] Filename: a'b<c>.txt")).toBe('[zip] Filename: a_b_c_.txt');
  });

  it('strips tags and keeps the decoded content', () => {
    expect(stripDecodedTags(`x ${stringMarkup('[None]', '1', 1, 'inner')} y`)).toBe('x inner y');
  });
});
