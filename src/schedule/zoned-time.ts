/**
 * Wall-clock time in an IANA time zone, with `Intl` only: validating a zone name, reading an instant's local
 * date and time there, turning a local date and time back into an instant, and showing it to people. Pure.
 */

/** A local date and time in some zone (month 1–12, weekday 0 = Sunday, as cron counts). */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The canonical name of an IANA zone (`europe/paris` → `Europe/Paris`), or `undefined` when there is none. */
export function canonicalTimeZone(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The local date and time of `instant` in `timeZone`. */
export function localTimeOf(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays[parts.weekday ?? ''] ?? 0,
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds (seconds ignored: zones today are whole minutes). */
function offsetMs(instant: Date, timeZone: string): number {
  const local = localTimeOf(instant, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant a local date and time names in `timeZone`. A time skipped by a daylight-saving jump does not exist:
 * `undefined`, as cron then never fires. A time that happens twice (clocks going back) is its first occurrence.
 */
export function instantOf(
  local: Pick<LocalTime, 'year' | 'month' | 'day' | 'hour' | 'minute'>,
  timeZone: string,
): Date | undefined {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // The zone's offsets a day either side are the ones before and after any transition near this time; trying both
  // finds the instant (or both instants, or none) whose local reading is this wall time. The earlier one wins.
  const candidates = [...new Set([-1, 1].map((days) => wall - offsetMs(new Date(wall + days * 86_400_000), timeZone)))];
  candidates.sort((a, b) => a - b);
  for (const candidate of candidates) {
    const back = localTimeOf(new Date(candidate), timeZone);
    if (
      back.year === local.year &&
      back.month === local.month &&
      back.day === local.day &&
      back.hour === local.hour &&
      back.minute === local.minute
    ) {
      return new Date(candidate);
    }
  }
  return undefined;
}

/** The calendar day after `day` (year, month, day), as a plain date. */
export function nextDay(
  day: { year: number; month: number; day: number },
  step = 1,
): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + step));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(day: { year: number; month: number; day: number }): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `Mon 2026-05-04 08:00 GMT+2` — how a run time reads in its own zone. */
export function formatInZone(instant: Date, timeZone: string): string {
  const local = localTimeOf(instant, timeZone);
  const zoneName =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const day = Object.keys(weekdays).find((name) => weekdays[name] === local.weekday) ?? '';
  return `${day} ${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(local.hour)}:${pad(local.minute)} ${zoneName}`;
}
