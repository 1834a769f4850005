/**
 * The importer's parsing layer turns exported files into rows of socbot's two tables. These are the shapes it
 * hands to the writer (which stores and de-duplicates them).
 */
import type { SecurityEventRow, StoredSecurityAlert } from '../../../core/rows.js';

/** The tables an import fills. */
export type ImportTable = 'SecurityAlert' | 'SecurityEvent';

/** How the file was read: Log Analytics exports (CSV, JSON array/object, JSON Lines) or raw Windows event lines. */
export type ImportFormat = 'csv' | 'json' | 'jsonl' | 'windows-events';

/** A row that could not be used, with its 1-based line (CSV: the record's first line; JSON Lines: the line). */
export interface SkippedRow {
  line: number;
  reason: string;
}

/** Rows of tables or event ids socbot does not use: counted, not errors. */
export interface IgnoredRows {
  reason: string;
  count: number;
}

/** Everything one file yielded. */
export interface ParsedFile {
  file: string;
  format: ImportFormat;
  /** Raw Sentinel column names (DisplayName, AlertSeverity, StartTime, EndTime). */
  alerts: StoredSecurityAlert[];
  events: SecurityEventRow[];
  skipped: SkippedRow[];
  ignored: IgnoredRows[];
  /** What the parser corrected on the way (e.g. the UTC offset it derived for a host's local timestamps). */
  notes?: string[];
}

/** One record of a file before mapping: CSV cells are strings, JSON values anything. */
export type SourceRecord = Readonly<Record<string, unknown>>;
