/**
 * When a 5-field cron expression fires in a time zone: the next runs (shown when subscribing) and the runs in a past
 * interval (the catch-up after a restart). node-cron parses the fields; the walk is by local calendar day, so a
 * weekly or monthly schedule costs a few hundred steps, not a minute-by-minute scan. Pure.
 */
import { instantOf, type LocalTime, localTimeOf, nextDay, weekdayOf } from './zoned-time.js';

/** A cron expression's fields as numbers (node-cron's `parse`, special day tokens excluded). */
export interface CronFields {
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: readonly number[];
  months: readonly number[];
  /** 0 = Sunday. */
  weekdays: readonly number[];
}

type CalendarDay = Pick<LocalTime, 'year' | 'month' | 'day'>;

/** How far ahead `nextRuns` looks: a schedule that never fires in five years (29 February on a Monday…) has none. */
const horizonDays = 366 * 5;

/** node-cron's day rule: day of month, month and weekday must all match (not cron's usual OR of the two days). */
function dayMatches(fields: CronFields, day: CalendarDay): boolean {
  return (
    fields.months.includes(day.month) &&
    fields.daysOfMonth.includes(day.day) &&
    fields.weekdays.includes(weekdayOf(day))
  );
}

/** The run instants of one local day, in order (times a daylight-saving jump skips do not exist). */
function runsOnDay(fields: CronFields, day: CalendarDay, timeZone: string): Date[] {
  if (!dayMatches(fields, day)) return [];
  const runs: Date[] = [];
  for (const hour of [...fields.hours].sort((a, b) => a - b)) {
    for (const minute of [...fields.minutes].sort((a, b) => a - b)) {
      const at = instantOf({ ...day, hour, minute }, timeZone);
      if (at) runs.push(at);
    }
  }
  return runs;
}

/** The first `count` runs strictly after `after`. */
export function nextRuns(fields: CronFields, timeZone: string, after: Date, count: number): Date[] {
  const runs: Date[] = [];
  // A day early: around a clock going back, an instant just after `after` can read as the previous local day.
  let day: CalendarDay = nextDay(localTimeOf(after, timeZone), -1);
  for (let i = 0; i < horizonDays && runs.length < count; i++, day = nextDay(day)) {
    for (const run of runsOnDay(fields, day, timeZone)) {
      if (run.getTime() > after.getTime() && runs.length < count) runs.push(run);
    }
  }
  return runs;
}

/** Every run in `(from, to]`, oldest first. */
export function runsBetween(fields: CronFields, timeZone: string, from: Date, to: Date): Date[] {
  const runs: Date[] = [];
  const last = nextDay(localTimeOf(to, timeZone), 1);
  const lastKey = Date.UTC(last.year, last.month - 1, last.day);
  for (let day: CalendarDay = nextDay(localTimeOf(from, timeZone), -1); ; day = nextDay(day)) {
    if (Date.UTC(day.year, day.month - 1, day.day) > lastKey) break;
    for (const run of runsOnDay(fields, day, timeZone)) {
      if (run.getTime() > from.getTime() && run.getTime() <= to.getTime()) runs.push(run);
    }
  }
  return runs.sort((a, b) => a.getTime() - b.getTime());
}

/**
 * The shortest gap between two runs, in minutes, from the minute and hour lists alone (the day fields only make
 * gaps longer): within an hour, and from the last minute of an hour to the first of the next run hour.
 */
export function shortestGapMinutes(fields: Pick<CronFields, 'minutes' | 'hours'>): number {
  const minutes = [...fields.minutes].sort((a, b) => a - b);
  const hours = [...fields.hours].sort((a, b) => a - b);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < minutes.length; i++) gap = Math.min(gap, minutes[i]! - minutes[i - 1]!);
  const hourGaps = hours.map((hour, i) => (i + 1 < hours.length ? hours[i + 1]! - hour : hours[0]! + 24 - hour));
  const minHourGap = Math.min(...hourGaps);
  // Last run of one hour to the first run of the next run hour.
  gap = Math.min(gap, minHourGap * 60 - minutes.at(-1)! + minutes[0]!);
  return gap;
}
