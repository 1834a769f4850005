import { _adapters } from 'chart.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UtcDate, useUtcTimeAxes } from '../../../src/render/charts/utc-date-adapter.js';

// Node re-reads TZ when it changes: run in zones far from UTC to prove nothing depends on the server's zone.
const savedZone = process.env.TZ;
const at = Date.UTC(2024, 2, 10, 23, 15, 30); // 2024-03-10 23:15:30 UTC; 04:45 next day in Kolkata

describe.each(['Asia/Kolkata', 'America/New_York'])('UTC time axes with TZ=%s', (zone) => {
  beforeEach(() => {
    process.env.TZ = zone;
    useUtcTimeAxes();
  });
  afterEach(() => {
    if (savedZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedZone;
  });

  it('the process really is in another zone (the test would prove nothing otherwise)', () => {
    expect(new Date(at).getTimezoneOffset()).not.toBe(0);
  });

  it('formats labels in UTC', () => {
    const adapter = new _adapters._date();
    expect(adapter.format(at, 'yyyy-MM-dd HH:mm:ss')).toBe('2024-03-10 23:15:30');
    expect(adapter.format(at, 'MMM d HH:mm')).toBe('Mar 10 23:15');
  });

  it('starts and ends units (tick boundaries) at UTC boundaries', () => {
    const adapter = new _adapters._date();
    expect(new Date(adapter.startOf(at, 'day')).toISOString()).toBe('2024-03-10T00:00:00.000Z');
    expect(new Date(adapter.startOf(at, 'hour')).toISOString()).toBe('2024-03-10T23:00:00.000Z');
    expect(new Date(adapter.endOf(at, 'day')).toISOString()).toBe('2024-03-10T23:59:59.999Z');
    expect(new Date(adapter.startOf(at, 'isoWeek', 1)).toISOString()).toBe('2024-03-04T00:00:00.000Z');
  });

  it('adds calendar units and measures differences in UTC', () => {
    const adapter = new _adapters._date();
    expect(new Date(adapter.add(at, 1, 'month')).toISOString()).toBe('2024-04-10T23:15:30.000Z');
    expect(new Date(adapter.add(at, 2, 'hour')).toISOString()).toBe('2024-03-11T01:15:30.000Z');
    expect(adapter.diff(at + 3 * 86_400_000, at, 'day')).toBe(3);
  });

  it('parses numbers, Dates and ISO strings; rejects garbage', () => {
    const adapter = new _adapters._date();
    expect(adapter.parse(at)).toBe(at);
    expect(adapter.parse(new Date(at))).toBe(at);
    expect(adapter.parse('2024-03-10T23:15:30Z')).toBe(at);
    expect(adapter.parse('not a date')).toBeNull();
  });
});

describe('UtcDate', () => {
  it('reads its local fields as UTC fields', () => {
    const date = new UtcDate(at);
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getTimezoneOffset()]).toEqual([
      2024, 2, 10, 23, 0,
    ]);
  });
});
