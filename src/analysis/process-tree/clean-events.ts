/**
 * Step 1 of the tree build (msticpy `_clean_proc_data`): keep process creations with a valid time, drop exact
 * duplicates, sort by time, and read every value the parent match needs once.
 */
import { keyTimeFormatter } from './key-time.js';
import {
  effectiveLogonId,
  idKey,
  isProcessCreation,
  type ProcessEvent,
  type ProcessSchema,
  timeMs,
  valueText,
} from './process-event.js';

/** A process event with the values the builder compares, read once. */
export interface CleanEvent<E extends ProcessEvent> {
  event: E;
  time: number;
  /** The event time as a Date (the event's own when it is one). */
  date: Date;
  /** msticpy's `proc_key`: `lower(image)|pid|time`. */
  procKey: string;
  /** NewProcessId as written (for keys) and canonical (for matching). */
  pidText: string;
  pidKey: string | null;
  /** Lower-cased image path; `''` when the event has none. */
  nameLc: string;
  ppidText: string;
  ppidKey: string | null;
  /** ParentProcessName, `unknown` when empty (msticpy), null for schemas without parent names. */
  parentName: string | null;
  parentNameLc: string;
  subjectLogonId: string | null;
  effectiveLogonId: string | null;
  computer: string | null;
}

/** Cleaned events in time order, and how many input rows were left out. */
export interface CleanResult<E extends ProcessEvent> {
  events: CleanEvent<E>[];
  ignored: number;
}

const columnsCompared = [
  'TimeGenerated',
  'Computer',
  'NewProcessId',
  'NewProcessName',
  'ProcessId',
  'ParentProcessName',
  'SubjectLogonId',
  'TargetLogonId',
  'CommandLine',
  'SubjectUserName',
  'SubjectUserSid',
  'Account',
  'EventID',
] as const satisfies readonly (keyof ProcessEvent)[];

/** True when two events hold the same value in every ProcessEvent column (msticpy `drop_duplicates`). */
function sameValues(a: ProcessEvent, b: ProcessEvent): boolean {
  return columnsCompared.every((column) =>
    column === 'TimeGenerated'
      ? timeMs(a[column]) === timeMs(b[column])
      : valueText(a[column]) === valueText(b[column]),
  );
}

function readEvent<E extends ProcessEvent>(
  event: E,
  time: number,
  schema: ProcessSchema,
  formatTime: (ms: number) => string,
): CleanEvent<E> {
  const rawParent = valueText(event.ParentProcessName);
  // msticpy replaces an empty parent name with "unknown"; null is treated the same way (msticpy would
  // produce NaN keys and lose the row from the tree).
  const parentName = schema === 'linux' ? null : rawParent ? rawParent : 'unknown';
  const date = event.TimeGenerated instanceof Date ? event.TimeGenerated : new Date(time);
  const pidText = valueText(event.NewProcessId) ?? '';
  const nameLc = (valueText(event.NewProcessName) ?? '').toLowerCase();
  return {
    event,
    time,
    date,
    procKey: `${nameLc}|${pidText}|${formatTime(time)}`,
    pidText,
    pidKey: idKey(event.NewProcessId),
    nameLc,
    ppidText: valueText(event.ProcessId) ?? '',
    ppidKey: idKey(event.ProcessId),
    parentName,
    parentNameLc: parentName === null ? 'unknown' : parentName.toLowerCase(),
    subjectLogonId: valueText(event.SubjectLogonId),
    effectiveLogonId: effectiveLogonId(event),
    computer: valueText(event.Computer),
  };
}

function isTimeOrdered(events: readonly { time: number }[]): boolean {
  for (let i = 1; i < events.length; i += 1) if (events[i]!.time < events[i - 1]!.time) return false;
  return true;
}

/** Filters, de-duplicates and time-sorts the events (a stable sort: ties keep their input order). */
export function cleanEvents<E extends ProcessEvent>(events: readonly E[], schema: ProcessSchema): CleanResult<E> {
  // Exact duplicates share a procKey, so only events with the same key are compared column by column.
  const firstByKey = new Map<string, CleanEvent<E>>();
  const moreByKey = new Map<string, CleanEvent<E>[]>();
  const kept: CleanEvent<E>[] = [];
  const formatTime = keyTimeFormatter();
  for (const event of events) {
    const time = timeMs(event.TimeGenerated);
    if (!Number.isFinite(time) || !isProcessCreation(event, schema)) continue;
    const clean = readEvent(event, time, schema, formatTime);
    const first = firstByKey.get(clean.procKey);
    if (first) {
      const others = moreByKey.get(clean.procKey) ?? [];
      if ([first, ...others].some((seen) => sameValues(seen.event, event))) continue;
      moreByKey.set(clean.procKey, [...others, clean]);
    } else {
      firstByKey.set(clean.procKey, clean);
    }
    kept.push(clean);
  }
  // Query results usually arrive in time order already; sorting is skipped then.
  if (!isTimeOrdered(kept)) kept.sort((a, b) => a.time - b.time);
  return { events: kept, ignored: events.length - kept.length };
}
