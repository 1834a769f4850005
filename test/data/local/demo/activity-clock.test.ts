import { describe, expect, it } from 'vitest';
import { ActivityClock, hourWeight } from '../../../../src/data/local/demo/activity-clock.js';

// Saturday 2024-05-25 00:00 UTC to Saturday 2024-06-01 00:00 UTC.
const start = Date.UTC(2024, 4, 25);
const end = Date.UTC(2024, 5, 1);

describe('ActivityClock', () => {
  it('maps 0 to the start, 1 to just before the end, monotonically', () => {
    const clock = new ActivityClock(start, end);
    const times = Array.from({ length: 1_001 }, (_, i) => clock.timeAt(i / 1_000));
    expect(times[0]).toBe(start);
    expect(times.at(-1)).toBeLessThan(end);
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] as number))).toBe(true);
  });

  it('puts more activity into weekday office hours than into nights and weekends', () => {
    expect(hourWeight(Date.UTC(2024, 4, 28, 10))).toBeGreaterThan(hourWeight(Date.UTC(2024, 4, 28, 3)));
    expect(hourWeight(Date.UTC(2024, 4, 25, 10))).toBe(hourWeight(Date.UTC(2024, 4, 25, 3)));
    const clock = new ActivityClock(start, end);
    const hours = Array.from({ length: 10_000 }, (_, i) => new Date(clock.timeAt(i / 10_000)));
    const tuesday = hours.filter((d) => d.getUTCDay() === 2);
    const office = tuesday.filter((d) => d.getUTCHours() >= 7 && d.getUTCHours() < 19).length;
    expect(office / tuesday.length).toBeGreaterThan(0.65);
  });
});
