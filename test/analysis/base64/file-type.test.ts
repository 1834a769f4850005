import { describe, expect, it } from 'vitest';
import { sniffFileType } from '../../../src/analysis/base64/file-type.js';

const PE = `TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAA${'A'.repeat(30)}`;

describe('sniffFileType (msticpy prefixes)', () => {
  it.each([
    [`${PE}+AAAAA4fug`, 'exe'],
    [`${PE}8AAAAA4fug`, 'dll'],
    [`${PE}6AAAAA4fug`, 'sys'],
    ['UEsDBBQAAAAIAxxxx', 'zip'],
    ['UEsDBBQAAQAIAxxxx', 'zip (pwd protected)'],
    ['H4sIAAAAAAAC', 'gz'],
    ['N3q8ryccAARxx', '7z'],
    ['UmFyIRoHAMxx', 'rar'],
    ['JVBERi0xLjcNCxx', 'pdf'],
    ['0M8R4KGxGuExx', 'msi'],
    ['TVNXSU0AAADQxx', 'wim'],
  ])('%s… is %s', (candidate, type) => {
    expect(sniffFileType(candidate)).toBe(type);
  });

  it('finds the tar marker anywhere in the first 160 characters, case-insensitively', () => {
    expect(sniffFileType(`${'A'.repeat(100)}daxmda3nzcamdawmdawm`)).toBe('tar');
    expect(sniffFileType(`${'A'.repeat(160)}DAxMDA3NzcAMDAwMDAwM`)).toBeNull();
  });

  it('ignores CR/LF inside the prefix and treats stored zips as unknown', () => {
    expect(sniffFileType('H4\r\nsIAAAA')).toBe('gz');
    expect(sniffFileType('UEsDBBQAAAAAAJWuel36')).toBeNull();
  });
});
