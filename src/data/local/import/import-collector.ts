/**
 * Gathers the rows of one file, whatever its format: each record is routed by table, a bad record becomes a
 * `skipped` entry with its line, rows of tables or events socbot does not use are counted in `ignored`.
 */
import type { SecurityEventRow, StoredSecurityAlert } from '../../../core/rows.js';
import { alertFromRecord } from './alert-record.js';
import { RowProblem } from './cell-values.js';
import { usedEventIds } from './event-derived.js';
import { eventFromRecord, eventIdOf } from './event-record.js';
import type { ImportFormat, ParsedFile, SkippedRow, SourceRecord } from './import-types.js';
import { detectRecordKind } from './table-detection.js';
import { readWindowsEvent } from './windows-event.js';
import { WindowsEventBatch } from './windows-event-batch.js';

/** Accumulates one file's rows; call `add` per record in file order, then `finish`. */
export class ImportCollector {
  private readonly alerts: StoredSecurityAlert[] = [];
  private readonly events: SecurityEventRow[] = [];
  private readonly skipped: SkippedRow[] = [];
  private readonly ignored = new Map<string, number>();
  private readonly windowsEvents = new WindowsEventBatch();
  private windowsEventLines = 0;

  constructor(readonly file: string) {}

  /** Routes one record (1-based `line`); never throws for bad data. */
  add(line: number, record: SourceRecord): void {
    try {
      this.route(record);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      this.skip(line, error.message);
    }
  }

  /** Records a line that could not be read at all (broken JSON, wrong CSV column count). */
  skip(line: number, reason: string): void {
    this.skipped.push({ line, reason });
  }

  /** Counts rows socbot does not use. */
  ignore(reason: string, count = 1): void {
    this.ignored.set(reason, (this.ignored.get(reason) ?? 0) + count);
  }

  private route(record: SourceRecord): void {
    const kind = detectRecordKind(record);
    switch (kind.kind) {
      case 'SecurityAlert':
        this.alerts.push(alertFromRecord(record));
        return;
      case 'SecurityEvent':
        this.addSentinelEvent(record);
        return;
      case 'windows-event':
        this.addWindowsEvent(record);
        return;
      case 'other':
        this.ignore(kind.reason);
        return;
    }
  }

  private addSentinelEvent(record: SourceRecord): void {
    const eventId = eventIdOf(record);
    if (!usedEventIds.has(eventId)) {
      this.ignore(`SecurityEvent EventID ${eventId}`);
      return;
    }
    this.events.push(eventFromRecord(record));
  }

  private addWindowsEvent(record: SourceRecord): void {
    this.windowsEventLines++;
    const { outcome, sample } = readWindowsEvent(record);
    if (outcome.kind === 'ignored') this.ignore(outcome.reason);
    this.windowsEvents.add(outcome.kind === 'event' ? outcome.event : null, sample);
  }

  /** Completes the file: corrects raw-event times, drops Sysmon twins, returns the result. */
  finish(format: Exclude<ImportFormat, 'windows-events'>): ParsedFile {
    const windows = this.windowsEvents.finish();
    if (windows.sysmonTwinsDropped > 0) {
      this.ignore('Sysmon EventID 1 duplicating a Security 4688', windows.sysmonTwinsDropped);
    }
    return {
      file: this.file,
      format: this.windowsEventLines > 0 ? 'windows-events' : format,
      alerts: this.alerts,
      events: windows.rows.length > 0 ? this.events.concat(windows.rows) : this.events,
      skipped: this.skipped,
      ignored: [...this.ignored].map(([reason, count]) => ({ reason, count })),
      notes: windows.notes,
    };
  }
}
