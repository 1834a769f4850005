import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractIocs, extractIocsFromRows } from '../../../src/analysis/iocs/extract.js';
import { type IocType, isIocType } from '../../../src/analysis/iocs/ioc-types.js';
import { trimUrlTail } from '../../../src/analysis/iocs/url-rescan.js';
import { hasReferenceCases, iocCases, sortedByType, sortedObserved } from './reference-cases.js';

const cases = iocCases();

/**
 * msticpy's observed output with socbot's deliberate fixes applied (facts §j.6): URLs lose a trailing quote or
 * unbalanced parenthesis, and a URL's `//user@host` is not an email. Returns the fixes that changed something.
 */
function withSocbotFixes(observed: Record<string, string[]>): { expected: Record<string, string[]>; fixes: string[] } {
  const expected: Record<string, string[]> = {};
  const fixes: string[] = [];
  for (const [type, values] of Object.entries(observed)) {
    let kept = values;
    if (type === 'url') kept = [...new Set(values.map(trimUrlTail))].sort();
    if (type === 'email') kept = values.filter((value) => !value.startsWith('//'));
    if (kept.join('\n') !== values.join('\n')) {
      fixes.push(type === 'url' ? 'URL without trailing quote' : 'URL userinfo is not an email');
    }
    if (kept.length > 0) expected[type] = kept;
  }
  return { expected, fixes };
}

function countOf(results: ReadonlyMap<IocType, ReadonlySet<string>>, type: string): number {
  return isIocType(type) ? (results.get(type)?.size ?? 0) : 0;
}

function title(id: string, fixes: string[]): string {
  return fixes.length === 0
    ? `${id} matches msticpy`
    : `${id} matches msticpy except (deliberate): ${fixes.join(', ')}`;
}

describe.skipIf(!hasReferenceCases)('extractIocs on msticpy test strings (iocextract_cases.json)', () => {
  for (const testCase of cases?.string_cases ?? []) {
    const { expected, fixes } = withSocbotFixes(sortedObserved(testCase.observed_output_by_type));
    it(title(testCase.id, fixes), () => {
      const results = extractIocs(testCase.input, { includePaths: true });
      for (const [type, count] of Object.entries(testCase.msticpy_test_asserts_counts)) {
        expect(countOf(results, type), `${type} count asserted by msticpy`).toBe(count);
      }
      expect(sortedByType(results)).toEqual(expected);
    });
  }

  for (const testCase of cases?.defanged_cases ?? []) {
    const { expected, fixes } = withSocbotFixes(sortedObserved(testCase.observed_output_by_type_defanged_true));
    it(`defanged ${title(testCase.id, fixes)}`, () => {
      const results = extractIocs(testCase.input);
      expect(countOf(results, testCase.ioc_type) > 0).toBe(testCase.expected_found);
      expect(sortedByType(results)).toEqual(expected);
    });
  }
});

const kwargsSchema = z.object({ ioc_types: z.array(z.string()).optional(), include_paths: z.boolean().optional() });

/** The DataFrame call's keyword arguments: `**{...}` at the end of the recorded call. */
function callOptions(call: string): { types?: IocType[]; includePaths?: boolean } {
  const kwargs = kwargsSchema.parse(JSON.parse(/\*\*(\{.*\})\)$/.exec(call)?.[1] ?? '{}'));
  const types = (kwargs.ioc_types ?? []).filter(isIocType);
  return { ...(types.length > 0 ? { types } : {}), includePaths: kwargs.include_paths === true };
}

describe.skipIf(!hasReferenceCases)('extractIocsFromRows on the msticpy test frame', () => {
  const rows = (cases?.string_cases ?? []).map((testCase) => ({ id: testCase.id, input: testCase.input }));
  for (const frameCase of cases?.dataframe_cases ?? []) {
    const options = callOptions(frameCase.call);
    const leaksDns = options.types !== undefined && !options.types.includes('dns');
    const name = leaksDns
      ? `${frameCase.call} — deliberately no dns rows (msticpy leaks URL hosts as dns when dns was not asked for)`
      : frameCase.call;
    it(name, () => {
      const found = extractIocsFromRows(rows, 'input', options);
      const counts: Record<string, number> = {};
      for (const row of found) counts[row.IoCType] = (counts[row.IoCType] ?? 0) + 1;
      for (const [type, count] of Object.entries(frameCase.msticpy_test_asserts_counts_by_IoCType ?? {})) {
        expect(counts[type] ?? 0, `${type} count asserted by msticpy`).toBe(count);
      }
      const observed = frameCase.observed_rows
        .filter((row) => !(leaksDns && row.IoCType === 'dns'))
        .filter((row) => !(row.IoCType === 'email' && row.Observable.startsWith('//')))
        .map(
          (row) =>
            `${row.SourceIndex} ${row.IoCType} ${row.IoCType === 'url' ? trimUrlTail(row.Observable) : row.Observable}`,
        );
      const ours = found.map((row) => `${rows[row.SourceIndex]?.id} ${row.IoCType} ${row.Observable}`);
      expect(ours.sort()).toEqual(observed.sort());
      for (const row of found) expect(row.Input).toBe(rows[row.SourceIndex]?.input);
    });
  }
});

describe('extractIocsFromRows', () => {
  it('skips cells that are not strings and reports the row index', () => {
    const rows = [{ cmd: null }, { cmd: 'ping 8.8.8.8' }, { cmd: 42 }];
    expect(extractIocsFromRows(rows, 'cmd')).toEqual([
      { IoCType: 'ipv4', Observable: '8.8.8.8', SourceIndex: 1, Input: 'ping 8.8.8.8' },
    ]);
  });

  it('leaves paths out by default and includes windows paths (not linux paths) with includePaths', () => {
    const rows = [{ cmd: 'C:\\tools\\x.exe /c run' }];
    expect(extractIocsFromRows(rows, 'cmd')).toEqual([]);
    expect(extractIocsFromRows(rows, 'cmd', { includePaths: true }).map((row) => row.IoCType)).toEqual([
      'windows_path',
    ]);
  });
});

describe('extractIocs basics', () => {
  it('returns nothing for empty or blank text', () => {
    expect(extractIocs('').size).toBe(0);
    expect(extractIocs('   \n\t').size).toBe(0);
  });

  it('restricts the scan to the requested types', () => {
    const results = extractIocs('see http://evil.example.com/x from 8.8.8.8', { types: ['ipv4'] });
    expect(sortedByType(results)).toEqual({ ipv4: ['8.8.8.8'] });
  });

  it('drops path types from a text scan with includePaths: false', () => {
    const results = extractIocs('/usr/bin/curl c:\\x\\y.exe 8.8.8.8', { includePaths: false });
    expect(sortedByType(results)).toEqual({ ipv4: ['8.8.8.8'] });
  });

  it('keeps the best-priority type for the same exact string', () => {
    const results = extractIocs('resolve foo.example.com now');
    expect(sortedByType(results)).toEqual({ dns: ['foo.example.com'] });
  });
});
