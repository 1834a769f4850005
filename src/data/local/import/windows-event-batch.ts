/**
 * Raw Windows event lines of one file, held until the file is read: only then are the hosts' UTC offsets known
 * (from Sysmon samples anywhere in the file) and Sysmon rows can be matched with their Security 4688 twins.
 */
import type { SecurityEventRow } from '../../../core/rows.js';
import { ClockOffsets, type DerivedOffset, localToUtc } from './clock-offsets.js';
import { dropSysmonTwins } from './sysmon-twins.js';
import type { ClockSample, EventClock, PendingWindowsEvent } from './windows-event.js';

/** The rows of a file's raw events after correction, with notes and counts for the caller. */
export interface WindowsEventsResult {
  rows: SecurityEventRow[];
  sysmonTwinsDropped: number;
  notes: string[];
}

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const minutes = Math.abs(ms) / 60_000;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function describeCorrection(host: string, clock: EventClock, offset: DerivedOffset): string {
  const source = offset.scope === 'host' ? `${offset.samples} Sysmon UtcTime samples` : "another host's Sysmon samples";
  const clockText = clock === 'local-12h' ? 'local time on a 12-hour clock' : 'local time';
  return `${host}: TimeCreated is ${clockText}; corrected by ${formatOffset(offset.offsetMs)} derived from ${source}`;
}

/** Accumulates pending raw events and clock samples; `finish` corrects times and drops Sysmon twins. */
export class WindowsEventBatch {
  private readonly pending: PendingWindowsEvent[] = [];
  private readonly offsets = new ClockOffsets();

  get size(): number {
    return this.pending.length;
  }

  add(event: PendingWindowsEvent | null, sample: ClockSample | null): void {
    if (event) this.pending.push(event);
    if (sample) this.offsets.addSample(sample.host, sample.wall, sample.utc);
  }

  finish(): WindowsEventsResult {
    const notes = new Map<string, string>();
    for (const { row, clock } of this.pending) {
      if (clock === 'utc') continue;
      const offset = this.offsets.offsetFor(row.Computer);
      if (offset) {
        row.TimeGenerated = localToUtc(row.TimeGenerated, offset, clock === 'local-12h');
        notes.set(row.Computer, describeCorrection(row.Computer, clock, offset));
      } else {
        notes.set(
          row.Computer,
          `${row.Computer}: TimeCreated may be local time but the file has no Sysmon UtcTime to derive the offset; kept as written (read as UTC)`,
        );
      }
    }
    const { rows, dropped } = dropSysmonTwins(this.pending.map((p) => p.row));
    return { rows, sysmonTwinsDropped: dropped, notes: [...notes.values()] };
  }
}
