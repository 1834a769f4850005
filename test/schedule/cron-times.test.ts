/**
 * When a digest runs: the next runs in a time zone (checked against node-cron's own walker), the runs in a past
 * interval (the catch-up), daylight-saving days, and the shortest gap used to refuse flooding schedules.
 */
import { createTask } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { nextRuns, runsBetween, shortestGapMinutes } from '../../src/schedule/cron-times.js';
import { parseDigestSchedule } from '../../src/schedule/digest-schedule.js';

const fieldsOf = (cron: string) => parseDigestSchedule(cron).fields;
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('nextRuns', () => {
  it('finds the next runs of a daily digest in its zone, across the spring-forward day', () => {
    const runs = nextRuns(fieldsOf('daily 08:00'), 'Europe/Paris', new Date('2026-03-28T07:00:00Z'), 3);
    // The 28th's run is exactly `after`: not counted. Then CET → CEST.
    expect(iso(runs)).toEqual(['2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z', '2026-03-31T06:00:00.000Z']);
  });

  it('skips a time the clocks jump over, as cron does', () => {
    const runs = nextRuns(fieldsOf('30 2 * * *'), 'Europe/Paris', new Date('2026-03-28T00:00:00Z'), 2);
    expect(iso(runs)).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it('walks weekdays and far-away days by calendar day', () => {
    // Friday 2026-05-08 10:00 UTC: next weekday 09:30 in New York is Monday.
    const weekdays = nextRuns(fieldsOf('weekdays 09:30'), 'America/New_York', new Date('2026-05-08T14:00:00Z'), 2);
    expect(iso(weekdays)).toEqual(['2026-05-11T13:30:00.000Z', '2026-05-12T13:30:00.000Z']);
    const leapDay = nextRuns(fieldsOf('0 12 29 2 *'), 'UTC', new Date('2026-03-01T00:00:00Z'), 1);
    expect(iso(leapDay)).toEqual(['2028-02-29T12:00:00.000Z']);
  });

  it('agrees with node-cron on the next runs', () => {
    const now = new Date();
    for (const [cron, zone] of [
      ['0 8 * * *', 'Europe/Paris'],
      ['30 9 * * 1-5', 'America/New_York'],
      ['*/15 * * * *', 'Asia/Kolkata'],
      ['0 */6 * * sun', 'Australia/Sydney'],
      ['45 23 1,15 * *', 'UTC'],
    ] as const) {
      const task = createTask(cron, () => undefined, { timezone: zone });
      try {
        expect(iso(nextRuns(fieldsOf(cron), zone, now, 5)), `${cron} in ${zone}`).toEqual(iso(task.getNextRuns(5)));
      } finally {
        void task.destroy();
      }
    }
  });
});

describe('runsBetween', () => {
  it('lists the runs in (from, to], oldest first', () => {
    const runs = runsBetween(
      fieldsOf('0 8,12 * * *'),
      'Europe/Paris',
      new Date('2026-05-04T06:00:00Z'),
      new Date('2026-05-05T06:00:00Z'),
    );
    // 08:00 Paris on the 4th is exactly `from`: excluded; 08:00 on the 5th is exactly `to`: included.
    expect(iso(runs)).toEqual(['2026-05-04T10:00:00.000Z', '2026-05-05T06:00:00.000Z']);
    expect(
      runsBetween(fieldsOf('hourly'), 'UTC', new Date('2026-05-04T06:10:00Z'), new Date('2026-05-04T06:50:00Z')),
    ).toEqual([]);
  });
});

describe('shortestGapMinutes', () => {
  it('measures within the hour and across run hours', () => {
    expect(shortestGapMinutes({ minutes: [0], hours: [8] })).toBe(1440);
    expect(shortestGapMinutes({ minutes: [0, 15, 30, 45], hours: Array.from({ length: 24 }, (_, h) => h) })).toBe(15);
    expect(shortestGapMinutes({ minutes: [50], hours: [8, 9] })).toBe(60);
    expect(shortestGapMinutes({ minutes: [0, 50], hours: [8, 9] })).toBe(10);
    expect(shortestGapMinutes({ minutes: [0], hours: [0, 23] })).toBe(60);
  });
});
