/**
 * Time windows: absolute `[start, end]` ranges, and the relative forms users type
 * (`last 24h`, `-5d..+1d`) which are resolved against an origin (now, or the alert's time).
 */

/** An absolute, inclusive UTC time range. */
export interface TimeWindow {
  start: Date;
  end: Date;
}

/** Offsets around an origin, in milliseconds: `before` is subtracted, `after` added. */
export interface RelativeWindow {
  before: number;
  after: number;
}

const unitMs = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
type Unit = keyof typeof unitMs;

/** Parses a duration like `24h`, `5d`, `90m`, `2w`, `30s` into milliseconds; `undefined` when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})\s*(s|m|min|mins|h|hr|hrs|hours?|d|days?|w|weeks?)$/i.exec(text.trim());
  if (!match) return undefined;
  const unitText = match[2]!.toLowerCase();
  const unit: Unit = unitText.startsWith('mi') || unitText === 'm' ? 'm' : (unitText[0] as Unit);
  return Number(match[1]) * unitMs[unit];
}

/** Formats milliseconds as the largest whole unit up to days: 86_400_000 → `1d`, 5_400_000 → `90m`. */
export function formatDuration(ms: number): string {
  // Days, not weeks: people type `7d` and expect to read it back.
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms !== 0 && ms % unitMs[unit] === 0) return `${ms / unitMs[unit]}${unit}`;
  }
  return ms === 0 ? '0m' : `${Math.round(ms / 1000)}s`;
}

/**
 * Parses `-5d..+1d` (offsets around an origin) or `last 24h` / `24h` (before the origin, nothing after).
 * Returns a reason string when the text is not a window, so the caller can tell the user what is wrong.
 */
export function parseRelativeWindow(text: string): RelativeWindow | string {
  const trimmed = text.trim();
  const last = /^(?:last\s+)?(\S+)$/i.exec(trimmed);
  if (last && !trimmed.includes('..')) {
    const ms = parseDuration(last[1]!);
    if (ms === undefined) return `"${trimmed}" is not a duration; try 24h, 7d or 90m`;
    if (ms === 0) return 'the window is empty';
    return { before: ms, after: 0 };
  }
  const range = /^([+-]?)(\S+?)\s*\.\.\s*([+-]?)(\S+)$/.exec(trimmed);
  if (!range) return `"${trimmed}" is not a time window; try -5d..+1d or last 24h`;
  // A bare `0` is the alert time itself (`-1d..0`), as people write the notebook's defaults.
  const before = range[2] === '0' ? 0 : parseDuration(range[2]!);
  const after = range[4] === '0' ? 0 : parseDuration(range[4]!);
  if (before === undefined || after === undefined) return `"${trimmed}" has a bad duration; use s, m, h, d or w units`;
  const startOffset = range[1] === '+' ? before : -before;
  const endOffset = range[3] === '-' ? -after : after;
  if (startOffset >= endOffset) return `"${trimmed}" ends before it starts`;
  return { before: -startOffset, after: endOffset };
}

/** Resolves a relative window around `origin`. */
export function resolveWindow(origin: Date, window: RelativeWindow): TimeWindow {
  return { start: new Date(origin.getTime() - window.before), end: new Date(origin.getTime() + window.after) };
}

/** Shows a relative window the way users type it: `-5d..+1d`. */
export function formatRelativeWindow(window: RelativeWindow): string {
  const start = window.before >= 0 ? `-${formatDuration(window.before)}` : `+${formatDuration(-window.before)}`;
  const end = window.after >= 0 ? `+${formatDuration(window.after)}` : `-${formatDuration(-window.after)}`;
  return `${start}..${end}`;
}

/** Shows a UTC time compactly: `2019-01-15 05:15:03Z`. */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** The notebook's default windows, relative to the alert time (msticpy-facts §0). */
export const defaultWindows = {
  alerts: { before: 24 * unitMs.h, after: 0 },
  related: { before: 5 * unitMs.d, after: 1 * unitMs.d },
  tree: { before: 60 * unitMs.m, after: 10 * unitMs.m },
  processes: { before: 60 * unitMs.m, after: 10 * unitMs.m },
  cmdline: { before: 5 * unitMs.d, after: 1 * unitMs.d },
  logons: { before: 1 * unitMs.d, after: 0 },
  'failed-logons': { before: 1 * unitMs.d, after: 0 },
} as const satisfies Record<string, RelativeWindow>;

/** The furthest back any window may reach (related alerts: 28 days, as Sentinel's own retention UI). */
export const maxLookbackMs = 28 * unitMs.d;
