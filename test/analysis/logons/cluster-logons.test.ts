import { describe, expect, it } from 'vitest';
import { alertLogonSession, clusterLogons, isSystemLogonId } from '../../../src/analysis/logons/cluster-logons.js';
import { haveMsticpyData, parseCaseTime, parseNaiveUtc, readCases, readMsticpyCsv } from '../cluster/msticpy-data.js';

interface LogonClusterCase {
  id: string;
  observed_labels_per_input_row: number[];
  observed_output_rows: {
    row_index: number;
    AccountNum: number;
    ClusterId: number;
    ClusterSize: number;
    TimeGenerated: string;
    LastEventTime: string;
  }[];
}

describe.skipIf(!haveMsticpyData)('clusterLogons on host_logons.csv (msticpy EventClustering notebook)', () => {
  const logons = haveMsticpyData
    ? readMsticpyCsv('host_logons.csv').map((r) => ({
        Account: r.Account ?? null,
        LogonType: Number(r.LogonType),
        TimeGenerated: parseNaiveUtc(r.TimeGenerated ?? '')!,
        TargetLogonId: r.TargetLogonId ?? null,
      }))
    : [];
  const expected = haveMsticpyData
    ? readCases<{ clustering_cases: LogonClusterCase[] }>('eventcluster_cases.json').clustering_cases.find(
        (c) => c.id === 'logon_clustering_docs_notebook',
      )!
    : undefined;

  it('gives msticpy’s labels and rows: adm1nistrator alone, MSTICAdmin ×2, SYSTEM ×11', () => {
    const result = clusterLogons(logons);
    expect([...result.labels]).toEqual(expected!.observed_labels_per_input_row);
    expect(result.sourceIndex).toEqual(expected!.observed_output_rows.map((r) => r.row_index));
    result.rows.forEach((row, k) => {
      const want = expected!.observed_output_rows[k]!;
      expect(row).toMatchObject({
        AccountNum: want.AccountNum,
        ClusterId: want.ClusterId,
        ClusterSize: want.ClusterSize,
      });
      // msticpy's TimeGenerated of an output row is the cluster's first time (our FirstEventTime; §j.5).
      expect(row.FirstEventTime).toEqual(parseCaseTime(want.TimeGenerated));
      expect(row.LastEventTime).toEqual(parseCaseTime(want.LastEventTime));
    });
  });

  it('finds the alert logon session 0xfaac27 and skips the system session', () => {
    const found = alertLogonSession(logons, '0xfaac27');
    expect(found.status).toBe('found');
    expect(found.status === 'found' && found.logons.map((l) => l.Account)).toEqual(['MSTICAlertsWin1\\MSTICAdmin']);
    expect(alertLogonSession(logons, '0x3e7')).toEqual({ status: 'system-session', logonId: '0x3e7' });
  });
});

describe('alertLogonSession', () => {
  const rows = [{ TargetLogonId: '0xabc' }];
  it('skips 0x3e7 in any case and -1, like the notebook', () => {
    expect(alertLogonSession(rows, '0X3E7').status).toBe('system-session');
    expect(alertLogonSession(rows, '-1').status).toBe('system-session');
    expect(isSystemLogonId('0x3e8')).toBe(false);
  });

  it('reports a missing logon id and an unknown session', () => {
    expect(alertLogonSession(rows, null)).toEqual({ status: 'no-logon-id' });
    expect(alertLogonSession(rows, '')).toEqual({ status: 'no-logon-id' });
    expect(alertLogonSession(rows, '0xdef')).toEqual({ status: 'not-found', logonId: '0xdef' });
  });
});

describe('clusterLogons', () => {
  it('treats a missing logon type as Unknown (0) and a missing account as empty', () => {
    const t = new Date('2024-01-01T00:00:00Z');
    const result = clusterLogons([
      { Account: null, LogonType: null, TimeGenerated: t },
      { Account: null, LogonType: 0, TimeGenerated: t },
      { Account: 'x', LogonType: 3, TimeGenerated: t },
    ]);
    expect([...result.labels]).toEqual([0, 0, -1]);
    expect(result.rows.map((r) => [r.AccountNum, r.LogonType, r.ClusterSize])).toEqual([
      [120, 3, 1],
      [0, 0, 2],
    ]);
  });
});
