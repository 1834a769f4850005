import { describe, expect, it } from 'vitest';
import {
  addProcessFeatures,
  guessPathSeparator,
  type ProcessFeatures,
} from '../../../src/analysis/cluster/process-features.js';
import { haveMsticpyData, readCases, readMsticpyCsv } from './msticpy-data.js';

/** A row of msticpy's feature output: its features, and the input row they came from. */
interface FeatureRow extends ProcessFeatures {
  row_index: number;
}

const exactKeys = [
  'processName',
  'pathScore',
  'pathHash',
  'commandlineLen',
  'commandlineTokensFull',
  'commandlineScore',
  'commandlineTokensHash',
  'isSystemSession',
] as const;

describe.skipIf(!haveMsticpyData)('addProcessFeatures on processes_on_host.csv (msticpy test_cluster_features)', () => {
  const csv = haveMsticpyData ? readMsticpyCsv('processes_on_host.csv') : [];
  const observed = haveMsticpyData
    ? readCases<{ process_features_observed: { rows: FeatureRow[] } }>('eventcluster_cases.json')
        .process_features_observed.rows
    : [];
  const input = csv.map((r) => ({
    NewProcessName: r.NewProcessName ?? null,
    CommandLine: r.CommandLine ?? null,
    SubjectLogonId: r.SubjectLogonId ?? null,
  }));
  const features = addProcessFeatures(input, { pathSeparator: '\\' });

  it('reads all 363 rows', () => {
    expect(features).toHaveLength(363);
    expect(observed).toHaveLength(363);
  });

  it('matches every observed feature value of every row', () => {
    for (const want of observed) {
      const got = features[want.row_index]!;
      for (const key of exactKeys) expect(got[key], `row ${want.row_index} ${key}`).toBe(want[key]);
      // V8's log10 and CPython's libm may differ in the last bit (row 93: …4799 vs …47992).
      expect(got.pathLogScore).toBeCloseTo(want.pathLogScore, 13);
      expect(got.commandlineLogLen).toBeCloseTo(want.commandlineLogLen, 13);
    }
  });

  it('keeps the input columns', () => {
    expect(features[0]!.NewProcessName).toBe(input[0]!.NewProcessName);
  });
});

describe('addProcessFeatures edge cases', () => {
  it('treats null path and command line as empty, like fillna("")', () => {
    const [row] = addProcessFeatures([{ NewProcessName: null, CommandLine: null, SubjectLogonId: '-1' }]);
    expect(row).toMatchObject({
      processName: '',
      pathScore: 0,
      pathLogScore: 0,
      pathHash: 0,
      commandlineLen: 0,
      commandlineLogLen: 0,
      commandlineTokensFull: 0,
      commandlineScore: 0,
      commandlineTokensHash: 0,
      isSystemSession: true,
    });
  });

  it('only exactly 0x3e7 or -1 is the system session', () => {
    const rows = ['0x3e7', '-1', '0X3E7', '0x3e70', null].map((id) => ({
      NewProcessName: 'x',
      CommandLine: 'x',
      SubjectLogonId: id,
    }));
    expect(addProcessFeatures(rows).map((r) => r.isSystemSession)).toEqual([true, true, false, false, false]);
    expect(addProcessFeatures([{ NewProcessName: 'x', CommandLine: 'x' }])[0]!.isSystemSession).toBe(false);
  });

  it('guesses / from the first 10 image paths, else \\', () => {
    const linux = [{ NewProcessName: '/usr/bin/curl', CommandLine: 'curl' }];
    expect(guessPathSeparator(linux)).toBe('/');
    expect(addProcessFeatures(linux)[0]!.processName).toBe('curl');
    const late = [...Array.from({ length: 10 }, () => ({ NewProcessName: 'a', CommandLine: '' })), linux[0]!];
    expect(guessPathSeparator(late)).toBe('\\');
    expect(addProcessFeatures([{ NewProcessName: 'C:\\Windows\\cmd.exe', CommandLine: '' }])[0]!.processName).toBe(
      'cmd.exe',
    );
  });
});
