/** Readers for the shared msticpy data and cases used by the process-tree tests (never copied into the repo). */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** /work/shared/data/msticpy, relative to this file. */
export const msticpyDataDir = new URL('../../../../shared/data/msticpy/', import.meta.url);
/** /work/shared/reference/msticpy-cases. */
export const msticpyCasesDir = new URL('../../../../shared/reference/msticpy-cases/', import.meta.url);

/** True when both shared folders are there; tests skip otherwise. */
export const sharedDataPresent = existsSync(msticpyDataDir) && existsSync(msticpyCasesDir);

/** A JSON Lines file of the shared data as records. */
export function readJsonl(relative: string): Record<string, unknown>[] {
  const text = readFileSync(new URL(relative, msticpyDataDir), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A CSV file of the shared data as records keyed by header (empty cells become null). */
export function readCsv(relative: string): Record<string, unknown>[] {
  const text = readFileSync(new URL(relative, msticpyDataDir), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : v])));
}

/** One observed row of process_tree_cases.json. */
export interface ObservedTreeRow {
  proc_key: string;
  parent_key: string | null;
  path: string;
  parent_index: string | null;
  source_index: string;
  IsRoot: boolean;
  IsLeaf: boolean;
  IsBranch: boolean;
  EffectiveLogonId: string | number | null;
  TimeGenerated: string;
}

/** One case of process_tree_cases.json. */
export interface TreeCase {
  id: string;
  msticpy_test_asserts: {
    summary: Record<string, number>;
    navigation?: Record<string, number>;
  };
  observed_summary?: Record<string, number>;
  observed_navigation?: Record<string, string | number>;
  observed_rows?: ObservedTreeRow[];
  observed_tree_to_text_for_root4?: string;
}

/** The cases of process_tree_cases.json by id. */
export function readTreeCases(): Map<string, TreeCase> {
  const text = readFileSync(new URL('process_tree_cases.json', msticpyCasesDir), 'utf8');
  const json = JSON.parse(text) as { cases: TreeCase[] };
  return new Map(json.cases.map((c) => [c.id, c]));
}
