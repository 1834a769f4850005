import { describe, expect, it } from 'vitest';
import { parseUtcTime, parseWallClock, toTime } from '../../../../src/data/local/import/time-values.js';

const iso = (text: string) => parseUtcTime(text)?.toISOString() ?? null;

describe('parseUtcTime', () => {
  it.each([
    ['2019-01-15 05:15:03.047', '2019-01-15T05:15:03.047Z'], // pandas CSV, no zone = UTC
    ['2019-01-15 05:15:20', '2019-01-15T05:15:20.000Z'],
    ['2019-02-14T04:23:55.400000Z', '2019-02-14T04:23:55.400Z'], // microseconds
    ['2021-08-02T13:05:32.7650000Z', '2021-08-02T13:05:32.765Z'], // Kusto's 7 digits
    ['2021-08-02T13:32:07Z', '2021-08-02T13:32:07.000Z'],
    ['2020-09-04T16:09:55-04:00', '2020-09-04T20:09:55.000Z'],
    ['2020-09-04T16:09:55+0530', '2020-09-04T10:39:55.000Z'],
    ['10/18/2024, 9:29:21.125 AM', '2024-10-18T09:29:21.125Z'], // portal "Export to CSV"
    ['10/18/2024, 12:05:00.000 AM', '2024-10-18T00:05:00.000Z'],
    ['10/18/2024, 12:05:00 PM', '2024-10-18T12:05:00.000Z'],
    ['3/1/2024, 9:29:21 PM', '2024-03-01T21:29:21.000Z'],
    ['3/1/2024 21:29', '2024-03-01T21:29:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    '2019-02-30 05:15:00',
    '2019-01-15 24:00:00',
    '3/31/2022, 14:51:35.857 PM', // a 24-hour time with PM: Azure-Sentinel's hand-written sample, not an export
    'yesterday',
    '1547529303047',
    '',
  ])('%s is not a time', (text) => {
    expect(parseUtcTime(text)).toBeNull();
  });
});

describe('parseWallClock', () => {
  it('ignores a zone designator (local time mislabelled Z)', () => {
    expect(parseWallClock('2020-12-19T07:00:03.821Z')?.toISOString()).toBe('2020-12-19T07:00:03.821Z');
    expect(parseWallClock('2020-12-19T07:00:03.821+02:00')?.toISOString()).toBe('2020-12-19T07:00:03.821Z');
    expect(parseWallClock('2020-10-18 07:50:05.910')?.toISOString()).toBe('2020-10-18T07:50:05.910Z');
  });
});

describe('toTime', () => {
  it('empty cells are null, bad ones throw a row problem naming the column', () => {
    expect(toTime('', 'StartTime')).toBeNull();
    expect(toTime('NaT', 'StartTime')).toBeNull();
    expect(toTime(null, 'StartTime')).toBeNull();
    expect(() => toTime('soon', 'StartTime')).toThrow("bad date in StartTime: 'soon'");
    expect(() => toTime(1547529303047, 'StartTime')).toThrow(/bad date in StartTime/);
  });
});
