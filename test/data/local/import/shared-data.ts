/** Where the shared real data lives for the importer tests (beside the repository, never copied into it). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SecurityEventRow } from '../../../../src/core/rows.js';

/** `../shared/data` relative to the repository root. */
export const dataDir = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

/** False when the shared data is absent (tests then skip with this message). */
export const hasSharedData = existsSync(dataDir);
if (!hasSharedData) console.warn(`shared data not found at ${dataDir}: importer data tests skipped`);

/** A path inside the shared data folder. */
export function dataPath(relative: string): string {
  return `${dataDir}${relative}`;
}

/** Counts values of one key over rows, e.g. events by EventID. */
export function countBy<T>(rows: readonly T[], key: (row: T) => unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const k = String(key(row));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

/** EventID of a row, with an `s` suffix for rows mapped from Sysmon 1. */
export function eventKind(row: SecurityEventRow): string {
  return `${row.EventID}${row.EventSourceName === 'Microsoft-Windows-Sysmon' ? '-sysmon' : ''}`;
}
