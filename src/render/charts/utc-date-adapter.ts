/**
 * A Chart.js date adapter that works in UTC. chartjs-adapter-date-fns computes ticks and labels in the process'
 * local time zone (it passes no options to startOf/add), so socbot installs this one instead: the same date-fns
 * functions and format tokens, fed a Date whose "local" fields are the UTC fields. date-fns (v3+) keeps the
 * class of the Date it is given, so every tick, unit boundary and label is UTC whatever TZ the server runs in.
 */
import { _adapters, type TimeUnit } from 'chart.js';
import {
  addDays,
  addHours,
  addMilliseconds,
  addMinutes,
  addMonths,
  addQuarters,
  addSeconds,
  addWeeks,
  addYears,
  type Day,
  differenceInDays,
  differenceInHours,
  differenceInMilliseconds,
  differenceInMinutes,
  differenceInMonths,
  differenceInQuarters,
  differenceInSeconds,
  differenceInWeeks,
  differenceInYears,
  endOfDay,
  endOfHour,
  endOfMinute,
  endOfMonth,
  endOfQuarter,
  endOfSecond,
  endOfWeek,
  endOfYear,
  format,
  isValid,
  parseISO,
  startOfDay,
  startOfHour,
  startOfMinute,
  startOfMonth,
  startOfQuarter,
  startOfSecond,
  startOfWeek,
  startOfYear,
} from 'date-fns';

/** A Date whose local getters and setters are the UTC ones (what @date-fns/utc's UTCDate does). */
export class UtcDate extends Date {}

for (const field of ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
  Object.defineProperty(UtcDate.prototype, `get${field}`, { value: Reflect.get(Date.prototype, `getUTC${field}`) });
  if (field !== 'Day') {
    Object.defineProperty(UtcDate.prototype, `set${field}`, { value: Reflect.get(Date.prototype, `setUTC${field}`) });
  }
}
Object.defineProperty(UtcDate.prototype, 'getTimezoneOffset', { value: () => 0 });

const identity = (date: Date): Date => date;

const adders: Record<TimeUnit, (date: Date, amount: number) => Date> = {
  millisecond: addMilliseconds,
  second: addSeconds,
  minute: addMinutes,
  hour: addHours,
  day: addDays,
  week: addWeeks,
  month: addMonths,
  quarter: addQuarters,
  year: addYears,
};

const differences: Record<TimeUnit, (later: Date, earlier: Date) => number> = {
  millisecond: differenceInMilliseconds,
  second: differenceInSeconds,
  minute: differenceInMinutes,
  hour: differenceInHours,
  day: differenceInDays,
  week: differenceInWeeks,
  month: differenceInMonths,
  quarter: differenceInQuarters,
  year: differenceInYears,
};

const starts: Record<TimeUnit, (date: Date) => Date> = {
  millisecond: identity,
  second: startOfSecond,
  minute: startOfMinute,
  hour: startOfHour,
  day: startOfDay,
  week: (date) => startOfWeek(date),
  month: startOfMonth,
  quarter: startOfQuarter,
  year: startOfYear,
};

const ends: Record<TimeUnit, (date: Date) => Date> = {
  millisecond: identity,
  second: endOfSecond,
  minute: endOfMinute,
  hour: endOfHour,
  day: endOfDay,
  week: (date) => endOfWeek(date),
  month: endOfMonth,
  quarter: endOfQuarter,
  year: endOfYear,
};

/** 24-hour defaults (charts set their own display formats; these cover anything they leave out). */
const defaultFormats: Record<TimeUnit | 'datetime', string> = {
  datetime: 'yyyy-MM-dd HH:mm:ss',
  millisecond: 'HH:mm:ss.SSS',
  second: 'HH:mm:ss',
  minute: 'HH:mm',
  hour: 'HH:mm',
  day: 'MMM d',
  week: 'MMM d',
  month: 'MMM yyyy',
  quarter: 'qqq yyyy',
  year: 'yyyy',
};

function utc(time: number): UtcDate {
  return new UtcDate(time);
}

function parseTime(value: unknown): number | null {
  const date =
    typeof value === 'number' || value instanceof Date
      ? new Date(value)
      : typeof value === 'string'
        ? parseISO(value)
        : undefined;
  return date && isValid(date) ? date.getTime() : null;
}

let installed = false;

/** Installs the UTC adapter for every Chart.js chart in this process. Idempotent. */
export function useUtcTimeAxes(): void {
  if (installed) return;
  installed = true;
  _adapters._date.override({
    formats: () => defaultFormats,
    parse: (value: unknown) => parseTime(value),
    format: (time: number, fmt: string) => format(utc(time), fmt),
    add: (time: number, amount: number, unit: TimeUnit) => adders[unit](utc(time), amount).getTime(),
    diff: (later: number, earlier: number, unit: TimeUnit) => differences[unit](utc(later), utc(earlier)),
    startOf: (time: number, unit: TimeUnit | 'isoWeek', weekday?: number | boolean) =>
      (unit === 'isoWeek'
        ? startOfWeek(utc(time), { weekStartsOn: isoWeekStart(weekday) })
        : starts[unit](utc(time))
      ).getTime(),
    endOf: (time: number, unit: TimeUnit) => ends[unit](utc(time)).getTime(),
  });
}

/** Chart.js passes ISO weekdays 1 (Monday) … 7 (Sunday) or `true` for Monday; date-fns wants 0 (Sunday) … 6. */
function isoWeekStart(weekday: number | boolean | undefined): Day {
  const iso = typeof weekday === 'number' && Number.isFinite(weekday) ? Math.trunc(weekday) : 1;
  // ((n % 7) + 7) % 7 is always an integer in 0…6.
  return (((iso % 7) + 7) % 7) as Day;
}
