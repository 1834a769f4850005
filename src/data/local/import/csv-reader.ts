/**
 * CSV exports → records. Quoted cells may hold CR/LF and even `\r\r\n` (the Sentinel notebooks' alertlist.csv):
 * `csv-parse` keeps them inside the cell. Lines are counted by LF, like `wc -l` and `grep -n`.
 */
import { createReadStream } from 'node:fs';
import { type Options, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { SocbotError } from '../../../core/errors.js';
import type { ImportCollector } from './import-collector.js';
import { isIndexColumn, splitHeaderName } from './table-detection.js';

// Column counts are checked here (to report the line); quotes inside unquoted cells are data, not errors.
const csvOptions: Options = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false };

function countLineFeeds(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) count++;
  }
  return count;
}

/** Turns raw CSV records (header first) into named records for the collector. */
export class CsvRecordReader {
  private nextLine = 1;
  private columns: (string | null)[] | null = null;

  constructor(private readonly collector: ImportCollector) {}

  push(fields: string[]): void {
    const line = this.nextLine;
    this.nextLine += 1 + countLineFeeds(fields);
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    if (!this.columns) {
      this.columns = this.readHeader(fields);
      return;
    }
    if (fields.length !== this.columns.length) {
      this.collector.skip(line, `expected ${this.columns.length} columns, found ${fields.length}`);
      return;
    }
    const record: Record<string, string> = {};
    this.columns.forEach((name, i) => {
      if (name !== null) record[name] = fields[i]!;
    });
    this.collector.add(line, record);
  }

  /** A syntax error ends the file (an open quote swallows the rest); rows before it are kept. */
  fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.collector.skip(this.nextLine, `CSV syntax error, the rest of the file was not read: ${message}`);
  }

  /** Column names with the pandas index column as `null` (dropped); refuses exports in local time. */
  private readHeader(fields: string[]): (string | null)[] {
    return fields.map((header) => {
      const { name, zone } = splitHeaderName(header);
      if (zone !== null && zone.toUpperCase() !== 'UTC') {
        throw new SocbotError('BadInput', `${this.collector.file}: column "${header}" is not in UTC.`, {
          hint: 'Export again with the time zone set to UTC.',
        });
      }
      return isIndexColumn(name) ? null : name;
    });
  }
}

/** Reads CSV text completely into the collector. */
export function readCsvText(text: string, collector: ImportCollector): void {
  const reader = new CsvRecordReader(collector);
  try {
    // Records are handed over as they are parsed, so those before a syntax error survive it.
    parseSync(text, {
      ...csvOptions,
      on_record: (fields: string[]) => {
        reader.push(fields);
        return null;
      },
    });
  } catch (error) {
    if (error instanceof SocbotError) throw error;
    reader.fail(error);
  }
}

/** Streams a CSV file into the collector, record by record. */
export async function readCsvFile(path: string, encoding: BufferEncoding, collector: ImportCollector): Promise<void> {
  const reader = new CsvRecordReader(collector);
  const parser = createReadStream(path, { encoding }).pipe(parse(csvOptions));
  try {
    for await (const fields of parser) reader.push(fields as string[]);
  } catch (error) {
    if (error instanceof SocbotError) throw error;
    reader.fail(error);
  } finally {
    parser.destroy();
  }
}
