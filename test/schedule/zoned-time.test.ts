/**
 * Wall-clock time in IANA zones with Intl only: names checked and canonicalised, local readings, local times back
 * to instants across daylight-saving jumps (a skipped time does not exist, a repeated one is its first occurrence).
 */
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, formatInZone, instantOf, localTimeOf } from '../../src/schedule/zoned-time.js';

describe('zoned time', () => {
  it('knows IANA zone names, whatever their case, and nothing else', () => {
    expect(canonicalTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
    for (const bad of ['Mars/Olympus', 'Paris', '', '../etc/passwd', 'Europe/Paris; DROP TABLE']) {
      expect(canonicalTimeZone(bad)).toBeUndefined();
    }
  });

  it('reads an instant in a zone (weekday as cron counts, Sunday = 0)', () => {
    expect(localTimeOf(new Date('2026-03-29T06:00:00Z'), 'Europe/Paris')).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 8,
      minute: 0,
      weekday: 0,
    });
    expect(localTimeOf(new Date('2026-01-01T03:30:00Z'), 'America/New_York')).toMatchObject({
      year: 2025,
      month: 12,
      day: 31,
      hour: 22,
    });
  });

  it('turns local times into instants, across daylight-saving changes', () => {
    const paris = (day: number, month: number, hour: number, minute = 0) =>
      instantOf({ year: 2026, month, day, hour, minute }, 'Europe/Paris')?.toISOString();
    expect(paris(28, 3, 8)).toBe('2026-03-28T07:00:00.000Z'); // CET, UTC+1
    expect(paris(30, 3, 8)).toBe('2026-03-30T06:00:00.000Z'); // CEST, UTC+2
    // 29 March 2026, clocks jump from 02:00 to 03:00: 02:30 never happens.
    expect(paris(29, 3, 2, 30)).toBeUndefined();
    expect(paris(29, 3, 3, 0)).toBe('2026-03-29T01:00:00.000Z');
    // 25 October 2026, clocks go back from 03:00 to 02:00: 02:30 happens twice; the first is taken.
    expect(paris(25, 10, 2, 30)).toBe('2026-10-25T00:30:00.000Z');
    expect(instantOf({ year: 2026, month: 7, day: 1, hour: 9, minute: 45 }, 'Asia/Kolkata')?.toISOString()).toBe(
      '2026-07-01T04:15:00.000Z',
    );
  });

  it('shows a run time in its own zone', () => {
    expect(formatInZone(new Date('2026-05-04T06:00:00Z'), 'Europe/Paris')).toBe('Mon 2026-05-04 08:00 GMT+2');
    expect(formatInZone(new Date('2026-05-04T06:00:00Z'), 'UTC')).toBe('Mon 2026-05-04 06:00 UTC');
  });
});
