/**
 * Loads msticpy's test data (../shared/data/msticpy) and verified outputs (../shared/reference/msticpy-cases)
 * for the clustering and logon tests. Never copied into the repo: tests skip when the folders are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const sharedRoot = new URL('../../../../shared/', import.meta.url);

/** Folder of msticpy's data files. */
export const msticpyDataDir = new URL('data/msticpy/', sharedRoot);
/** Folder of the extracted msticpy cases. */
export const msticpyCasesDir = new URL('reference/msticpy-cases/', sharedRoot);
/** True when both shared folders are present. */
export const haveMsticpyData = existsSync(msticpyDataDir) && existsSync(msticpyCasesDir);

/** A parsed JSON case file, as unknown-typed data the test narrows with its own interface. */
export function readCases<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, msticpyCasesDir), 'utf8')) as T;
}

/** pandas' naive `2019-01-15 05:24:24.010` (UTC) → Date; empty → null. */
export function parseNaiveUtc(text: string): Date | null {
  return text ? new Date(`${text.replace(' ', 'T')}Z`) : null;
}

/** Rows of a msticpy CSV (first, unnamed column = pandas index), cells as strings. */
export function readMsticpyCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(new URL(name, msticpyDataDir), 'utf8'), { columns: true }) as Record<string, string>[];
}

/** Rows of a msticpy JSONL file. */
export function readMsticpyJsonl(name: string): Record<string, unknown>[] {
  return readFileSync(new URL(name, msticpyDataDir), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** msticpy-cases times are naive ISO with microseconds (`2019-01-15T04:23:43.103000`) → Date. */
export function parseCaseTime(text: string): Date {
  return new Date(`${text.slice(0, 23)}Z`);
}
