/**
 * What users type as a digest schedule — `daily 08:00`, `weekdays 09:30`, `hourly`, or a 5-field cron expression —
 * turned into the cron expression node-cron runs, with the schedule in words. Refuses what would flood a channel
 * (more often than every 15 minutes) and what the next-run computation cannot follow. Pure.
 */
import { parse, validateDetailed } from 'node-cron';
import { SocbotError } from '../core/errors.js';
import { type CronFields, shortestGapMinutes } from './cron-times.js';

/** A schedule socbot can run: the cron expression, its fields, and how it reads. */
export interface DigestSchedule {
  cron: string;
  fields: CronFields;
  /** `every day at 08:00`, `Monday to Friday at 09:30`… (without the time zone). */
  words: string;
}

/** Digests no more often than this: a channel flooded with digests stops being read. */
export const minimumGapMinutes = 15;

const examples = 'Try `daily 08:00`, `weekdays 09:30`, `hourly` or a cron like `"0 8 * * 1-5"`.';
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function badSchedule(message: string, hint = examples): SocbotError {
  return new SocbotError('BadInput', message, { hint });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `08:00` / `8:00` → hour and minute. */
function clockTime(text: string | undefined, phrase: string): { hour: number; minute: number } {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text ?? '');
  if (!match) throw badSchedule(`\`${phrase}\` needs a time of day like 08:00.`, `Type \`${phrase} 08:00\`.`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The friendly phrases, as cron. */
function phraseToCron(text: string): string | undefined {
  const [word, time, ...rest] = text.trim().toLowerCase().split(/\s+/);
  if (rest.length > 0) return undefined;
  switch (word) {
    case 'hourly':
      return time === undefined ? '0 * * * *' : undefined;
    case 'daily':
    case 'weekdays': {
      const { hour, minute } = clockTime(time, word);
      return `${minute} ${hour} * * ${word === 'daily' ? '*' : '1-5'}`;
    }
    default:
      return undefined;
  }
}

function isRange(values: readonly number[], from: number, to: number): boolean {
  return values.length === to - from + 1 && values.every((v, i) => v === from + i);
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function daysWords(fields: CronFields): string | undefined {
  if (!isRange(fields.months, 1, 12) || !isRange(fields.daysOfMonth, 1, 31)) return undefined;
  if (isRange(fields.weekdays, 0, 6)) return 'every day';
  if (isRange(fields.weekdays, 1, 5)) return 'Monday to Friday';
  if (fields.weekdays.length === 2 && fields.weekdays[0] === 0 && fields.weekdays[1] === 6) return 'on weekends';
  return `on ${listWords(fields.weekdays.map((d) => dayNames[d] ?? String(d)))}`;
}

/** The schedule in words when it is a common shape; the cron expression itself otherwise. */
export function scheduleWords(cron: string, fields: CronFields): string {
  const days = daysWords(fields);
  if (days && fields.minutes.length === 1 && isRange(fields.hours, 0, 23)) {
    const minute = fields.minutes[0]!;
    return minute === 0
      ? `every hour, on the hour${days === 'every day' ? '' : `, ${days}`}`
      : `every hour at :${pad(minute)}${days === 'every day' ? '' : `, ${days}`}`;
  }
  if (days && fields.minutes.length * fields.hours.length <= 6) {
    const times = fields.hours.flatMap((h) => fields.minutes.map((m) => `${pad(h)}:${pad(m)}`));
    return `${days} at ${listWords(times)}`;
  }
  return `cron \`${cron}\``;
}

/** node-cron lists values as written (`sat,sun` → 6, 0); the words and gaps want them in order, once each. */
const sorted = (values: readonly number[]) => [...new Set(values)].sort((a, b) => a - b);

/** The numeric fields of a valid expression; special day tokens (L, W, #) are refused. */
function numericFields(cron: string): CronFields {
  const parsed = parse(cron);
  const numbers = (values: readonly (number | string)[], what: string): number[] => {
    if (values.some((value) => typeof value !== 'number')) {
      throw badSchedule(`Digest schedules do not support \`L\`, \`W\` or \`#\` in the ${what} field.`);
    }
    return sorted(values as number[]);
  };
  return {
    minutes: sorted(parsed.minute),
    hours: sorted(parsed.hour),
    daysOfMonth: numbers(parsed.dayOfMonth, 'day-of-month'),
    months: sorted(parsed.month),
    weekdays: numbers(parsed.dayOfWeek, 'weekday'),
  };
}

/** Parses a typed schedule; throws a `BadInput` SocbotError that says what to type instead. */
export function parseDigestSchedule(text: string): DigestSchedule {
  const typed = text.trim().replace(/\s+/g, ' ');
  const cron = phraseToCron(typed) ?? typed;
  const fieldCount = cron.split(' ').length;
  if (fieldCount === 6)
    throw badSchedule('Digest schedules have no seconds field: use 5 fields (minute hour day month weekday).');
  if (fieldCount !== 5 || cron.startsWith('@')) {
    throw badSchedule(`"${typed.slice(0, 60)}" is not a schedule I know.`);
  }
  const validation = validateDetailed(cron);
  if (!validation.valid) {
    const error = validation.errors[0];
    const where =
      error?.field && error.field !== 'expression'
        ? ` (the ${error.field} field${error.value ? ` \`${error.value}\`` : ''})`
        : '';
    throw badSchedule(`"${typed.slice(0, 60)}" is not a valid cron expression${where}.`);
  }
  const fields = numericFields(cron);
  const gap = shortestGapMinutes(fields);
  if (gap < minimumGapMinutes) {
    throw badSchedule(
      `That schedule would post a digest every ${gap} minute${gap === 1 ? '' : 's'}; digests run at most every ${minimumGapMinutes} minutes.`,
      'Try `hourly`, `daily 08:00` or `"*/15 * * * *"`.',
    );
  }
  return { cron, fields, words: scheduleWords(cron, fields) };
}
