import { describe, expect, it } from 'vitest';
import {
  type LogonSummaryRow,
  logonCountsByAccountAndType,
  logonsOverTime,
} from '../../../src/analysis/logons/logon-summary.js';
import {
  haveMsticpyData,
  parseNaiveUtc,
  readCases,
  readMsticpyCsv,
  readMsticpyJsonl,
} from '../cluster/msticpy-data.js';

const tableKey = 'notebook_logon_counts_by_account_and_type_for_localdata_host_logons_jsonl';

function localHostLogons(): LogonSummaryRow[] {
  return readMsticpyJsonl('localdata/host_logons.jsonl').map((r) => ({
    Account: r.Account as string,
    LogonType: r.LogonType as number,
    TimeGenerated: new Date(String(r.TimeGenerated)),
  }));
}

describe.skipIf(!haveMsticpyData)('logonCountsByAccountAndType (notebook Account × logon type table)', () => {
  it('matches the table the notebook computes on localdata/host_logons.jsonl', () => {
    const expected =
      readCases<Record<string, Record<string, Record<string, number>>>>('logon_display_cases.json')[tableKey]!;
    const table = logonCountsByAccountAndType(localHostLogons());
    expect(table.logonTypes).toEqual(['Interactive', 'Network', 'Service', 'Unknown']);
    expect(table.rows.map((r) => r.account)).toEqual(Object.keys(expected));
    expect(Object.fromEntries(table.rows.map((r) => [r.account, r.counts]))).toEqual(expected);
  });
});

describe('logonCountsByAccountAndType', () => {
  it('drops logon types missing from the name table and rows without an account', () => {
    const table = logonCountsByAccountAndType([
      { Account: 'b', LogonType: 3 },
      { Account: 'a', LogonType: 6 },
      { Account: null, LogonType: 3 },
      { Account: 'a', LogonType: 10 },
    ]);
    expect(table).toEqual({
      logonTypes: ['Network', 'RemoteInteractive'],
      rows: [
        { account: 'a', counts: { Network: 0, RemoteInteractive: 1 } },
        { account: 'b', counts: { Network: 1, RemoteInteractive: 0 } },
      ],
    });
  });
});

describe.skipIf(!haveMsticpyData)('logonsOverTime (notebook "Number of logons by type")', () => {
  const at = (hhmm: string, day = '2019-02-12') => new Date(`${day}T${hhmm}:00.000Z`);

  it('counts localdata/host_logons.jsonl per type in 10-minute buckets', () => {
    expect(logonsOverTime(localHostLogons())).toEqual([
      { logonType: 'Interactive', buckets: [{ start: at('04:40'), count: 2 }] },
      { logonType: 'Network', buckets: [{ start: at('04:30'), count: 4 }] },
      {
        logonType: 'Service',
        buckets: [
          { start: at('04:40'), count: 15 },
          { start: at('04:50'), count: 3 },
        ],
      },
      { logonType: 'Unknown', buckets: [{ start: at('04:40'), count: 1 }] },
    ]);
  });

  it('keeps empty buckets between a type’s first and last logon (host_logons.csv)', () => {
    const rows = readMsticpyCsv('host_logons.csv').map((r) => ({
      Account: r.Account ?? null,
      LogonType: Number(r.LogonType),
      TimeGenerated: parseNaiveUtc(r.TimeGenerated ?? '')!,
    }));
    const service = logonsOverTime(rows).find((s) => s.logonType === 'Service')!;
    const day = '2019-01-15';
    expect(service.buckets).toHaveLength(22); // 01:40 … 05:10
    expect(service.buckets[0]).toEqual({ start: at('01:40', day), count: 2 });
    expect(service.buckets.at(-1)).toEqual({ start: at('05:10', day), count: 3 });
    expect(service.buckets.filter((b) => b.count > 0).map((b) => b.start.toISOString().slice(11, 16))).toEqual([
      '01:40',
      '02:40',
      '03:00',
      '03:20',
      '05:10',
    ]);
    expect(service.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(11);
    expect(logonsOverTime(rows, 60).find((s) => s.logonType === 'Batch')!.buckets).toEqual([
      { start: at('04:00', day), count: 1 },
      { start: at('05:00', day), count: 1 },
    ]);
  });
});
