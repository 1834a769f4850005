/**
 * The time window of a step: the user's window if one was typed, else the notebook's default for the step,
 * resolved around the alert time (msticpy-facts §0) and never reaching further back than `maxLookbackMs`.
 */
import {
  defaultWindows,
  formatDuration,
  formatRelativeWindow,
  formatTime,
  maxLookbackMs,
  type RelativeWindow,
  resolveWindow,
  type TimeWindow,
} from '../../core/time-window.js';
import type { StepContext } from '../step.js';
import { alertHost, originName } from './step-target.js';

/** The default windows a step can use (every one except the alert list's). */
export type StepWindowKind = Exclude<keyof typeof defaultWindows, 'alerts'>;

/** A resolved step window, with what to tell the user about it. */
export interface StepWindow extends TimeWindow {
  relative: RelativeWindow;
  /** `2019-01-14 05:15:20Z → 2019-01-15 05:15:20Z (-1d..+0m around the alert)`. */
  label: string;
  warnings: string[];
}

/**
 * Resolves the step's window around the alert time (TimeGenerated, else StartTimeUtc, else now).
 * @example stepWindow(ctx, 'logons') // { start: alert time − 1 d, end: alert time, … }
 */
export function stepWindow(ctx: Pick<StepContext, 'alert' | 'window' | 'now'>, kind: StepWindowKind): StepWindow {
  const warnings: string[] = [];
  const alertTime = ctx.alert.timeGenerated ?? ctx.alert.startTime;
  if (!alertTime) warnings.push('The alert has no time; the window is relative to now.');
  const origin = alertTime ?? ctx.now();
  const wanted = ctx.window ?? defaultWindows[kind];
  let relative: RelativeWindow = wanted;
  if (wanted.before > maxLookbackMs) {
    // A window wholly beyond the limit keeps nothing of its own; it becomes "from the limit to the origin".
    relative = { before: maxLookbackMs, after: wanted.after > -maxLookbackMs ? wanted.after : 0 };
    warnings.push(
      `Windows reach at most ${formatDuration(maxLookbackMs)} back; ${formatRelativeWindow(wanted)} was shortened.`,
    );
  }
  const window = resolveWindow(origin, relative);
  const around = alertTime ? originName(ctx.alert) : 'now';
  const label = `${formatTime(window.start)} → ${formatTime(window.end)} (${formatRelativeWindow(relative)} around ${around})`;
  return { ...window, relative, label, warnings };
}

/** The subtitle of a step Section: which host, and which window. */
export function windowSubtitle(ctx: Pick<StepContext, 'alert'>, window: StepWindow): string {
  const host = alertHost(ctx.alert);
  return host ? `${host} · ${window.label}` : window.label;
}

/** The host query parameters, built in one place so steps asking the same query share the memoised answer. */
export function hostWindowParams(host: string, window: TimeWindow): { start: Date; end: Date; host_name: string } {
  return { start: window.start, end: window.end, host_name: host };
}
