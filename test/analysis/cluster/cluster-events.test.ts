import { describe, expect, it } from 'vitest';
import { clusterEvents } from '../../../src/analysis/cluster/cluster-events.js';
import { addProcessFeatures } from '../../../src/analysis/cluster/process-features.js';
import { charOrdScore } from '../../../src/analysis/cluster/string-features.js';
import { SocbotError } from '../../../src/core/errors.js';
import { haveMsticpyData, parseCaseTime, parseNaiveUtc, readCases, readMsticpyCsv } from './msticpy-data.js';

interface OutputRow {
  row_index: number;
  ClusterId: number;
  ClusterSize: number;
  Clustered?: boolean;
  TimeGenerated: string;
  FirstEventTime?: string;
  LastEventTime: string;
}
interface ClusteringCase {
  id: string;
  observed_labels_per_input_row: number[];
  observed_output_rows: OutputRow[];
}

const cases = haveMsticpyData
  ? readCases<{ clustering_cases: ClusteringCase[] }>('eventcluster_cases.json').clustering_cases
  : [];
const caseById = (id: string) => cases.find((c) => c.id === id)!;

function loadProcesses() {
  const rows = readMsticpyCsv('processes_on_host.csv').map((r) => ({
    NewProcessName: r.NewProcessName ?? null,
    CommandLine: r.CommandLine ?? null,
    SubjectLogonId: r.SubjectLogonId ?? null,
    TimeGenerated: parseNaiveUtc(r.TimeGenerated ?? ''),
  }));
  return addProcessFeatures(rows, { pathSeparator: '\\' });
}

/** Asserts msticpy's per-row labels, and its output rows, times included, except where socbot fixes §j.5. */
function expectMsticpyOutput(
  result: ReturnType<typeof clusterEvents<{ TimeGenerated: Date | null }>>,
  c: ClusteringCase,
) {
  expect([...result.labels]).toEqual(c.observed_labels_per_input_row);
  expect(result.sourceIndex).toEqual(c.observed_output_rows.map((r) => r.row_index));
  result.rows.forEach((row, k) => {
    const want = c.observed_output_rows[k]!;
    expect(row).toMatchObject({ ClusterId: want.ClusterId, ClusterSize: want.ClusterSize });
    expect(row.Clustered).toBe(want.ClusterId >= 0);
    if (want.ClusterId >= 0) {
      // msticpy's TimeGenerated for a cluster exemplar is the cluster's first time: that is our FirstEventTime.
      expect(row.FirstEventTime).toEqual(parseCaseTime(want.TimeGenerated));
      expect(row.LastEventTime).toEqual(parseCaseTime(want.LastEventTime));
    }
  });
}

describe.skipIf(!haveMsticpyData)('clusterEvents on processes_on_host.csv (msticpy test_clustering)', () => {
  const events = haveMsticpyData ? loadProcesses() : [];

  it('pathScore × commandlineTokensFull × isSystemSession, eps 0.0001 → 62 rows, sizes 1..71', () => {
    const result = clusterEvents(events, {
      columns: ['pathScore', 'commandlineTokensFull', 'isSystemSession'],
      eps: 0.0001,
      minSamples: 2,
    });
    expect(result.rows).toHaveLength(62);
    expect(Math.max(...result.rows.map((r) => r.ClusterSize))).toBe(71);
    expect(Math.min(...result.rows.map((r) => r.ClusterSize))).toBe(1);
    expectMsticpyOutput(result, caseById('test_clustering_1'));
  });

  it('pathHash × commandlineTokensHash × isSystemSession, eps 0.001 → 121 rows, max 70, max id 31, 89 noise', () => {
    const result = clusterEvents(events, {
      columns: ['pathHash', 'commandlineTokensHash', 'isSystemSession'],
      eps: 0.001,
    });
    expect(result.rows).toHaveLength(121);
    expect(Math.max(...result.rows.map((r) => r.ClusterSize))).toBe(70);
    expect(Math.min(...result.rows.map((r) => r.ClusterSize))).toBe(1);
    expect(Math.max(...result.rows.map((r) => r.ClusterId))).toBe(31);
    expect(result.rows.filter((r) => r.ClusterId === -1)).toHaveLength(89);
    expect(result.clusterCount).toBe(32);
    expectMsticpyOutput(result, caseById('test_clustering_2'));
  });

  it("the notebook's configuration (commandlineTokensFull, pathScore, isSystemSession; eps 0.0001)", () => {
    const result = clusterEvents(events, {
      columns: ['commandlineTokensFull', 'pathScore', 'isSystemSession'],
      eps: 0.0001,
    });
    expect(result.rows).toHaveLength(62);
    expectMsticpyOutput(result, caseById('notebook_params'));
  });

  it('differs from msticpy on purpose (§j.5): noise rows keep their own time, TimeGenerated is never overwritten', () => {
    const result = clusterEvents(events, {
      columns: ['pathScore', 'commandlineTokensFull', 'isSystemSession'],
      eps: 0.0001,
    });
    const observed = caseById('test_clustering_1').observed_output_rows;
    const noise = result.rows.filter((r) => r.ClusterId === -1);
    expect(noise).toHaveLength(33);
    // msticpy gives all 33 noise rows the same span (min/max of the whole noise set)…
    expect(new Set(observed.filter((r) => r.ClusterId === -1).map((r) => r.LastEventTime)).size).toBe(1);
    // …socbot keeps each row's own time.
    result.rows.forEach((row, k) => {
      const own = events[result.sourceIndex[k]!]!.TimeGenerated;
      expect(row.TimeGenerated).toEqual(own);
      if (row.ClusterId === -1) {
        expect(row.FirstEventTime).toEqual(own);
        expect(row.LastEventTime).toEqual(own);
      }
    });
    expect(new Set(noise.map((r) => r.LastEventTime?.getTime())).size).toBeGreaterThan(1);
  });
});

describe.skipIf(!haveMsticpyData)('clusterEvents on host_logons.csv (msticpy EventClustering notebook)', () => {
  it('AccountNum × LogonType, eps 0.0001 → clusters of 2 and 11, one noise row', () => {
    const logons = readMsticpyCsv('host_logons.csv').map((r) => ({
      Account: r.Account ?? '',
      AccountNum: charOrdScore(r.Account ?? ''),
      LogonType: Number(r.LogonType),
      TimeGenerated: parseNaiveUtc(r.TimeGenerated ?? ''),
    }));
    const result = clusterEvents(logons, { columns: ['AccountNum', 'LogonType'], eps: 0.0001 });
    const c = caseById('logon_clustering_docs_notebook');
    expect([...result.labels]).toEqual(c.observed_labels_per_input_row);
    expect(result.rows.map((r) => [r.Account, r.AccountNum, r.ClusterId, r.ClusterSize])).toEqual([
      ['MSTICAlertsWin1\\adm1nistrator', 2799, -1, 1],
      ['MSTICAlertsWin1\\MSTICAdmin', 2319, 0, 2],
      ['NT AUTHORITY\\SYSTEM', 1484, 1, 11],
    ]);
    result.rows.forEach((row, k) => {
      const want = c.observed_output_rows[k]!;
      expect(row.FirstEventTime).toEqual(parseCaseTime(want.TimeGenerated));
      expect(row.LastEventTime).toEqual(parseCaseTime(want.LastEventTime));
    });
  });
});

describe('clusterEvents behaviour', () => {
  const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));
  const rows = [
    { a: 1, b: true, TimeGenerated: at(5) },
    { a: 9, b: false, TimeGenerated: at(1) },
    { a: 1, b: true, TimeGenerated: at(2) },
    { a: 2, b: true, TimeGenerated: at(9) },
  ];

  it('orders noise first, then exemplars (first member in input order) by ClusterId', () => {
    const result = clusterEvents(rows, { columns: ['a', 'b'], eps: 0.001 });
    expect([...result.labels]).toEqual([0, -1, 0, -1]);
    expect(result.sourceIndex).toEqual([1, 3, 0]);
    expect(result.rows[2]).toMatchObject({ ClusterId: 0, ClusterSize: 2, Clustered: true });
    expect(result.rows[2]!.FirstEventTime).toEqual(at(2));
    expect(result.rows[2]!.LastEventTime).toEqual(at(5));
    expect(result.rows[2]!.TimeGenerated).toEqual(at(5));
  });

  it('normalize: false clusters raw values', () => {
    const result = clusterEvents(rows, { columns: ['a'], eps: 1, normalize: false });
    expect([...result.labels]).toEqual([0, -1, 0, 0]);
  });

  it('returns nothing for no rows, and refuses non-numeric features', () => {
    expect(clusterEvents([], { columns: ['a' as never] }).rows).toEqual([]);
    expect(() => clusterEvents([{ a: 'x' }], { columns: ['a'] })).toThrow(SocbotError);
    expect(() => clusterEvents([{ a: 1 }], { columns: [] })).toThrow(SocbotError);
  });
});
