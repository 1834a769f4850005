/**
 * msticpy's SecurityAlert outputs (`shared/reference/msticpy-cases/security_alert_cases.json`, see its README §5)
 * and the shared alert data files, loaded for the alert and entity-graph tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { AlertRecord } from '../../src/core/alert.js';

const shared = (path: string) => fileURLToPath(new URL(`../../../shared/${path}`, import.meta.url));

/** The observed msticpy 3.0.2 values the tests compare with (a subset of the file's fields). */
export interface ObservedAlert {
  entity_count: number;
  entities: { Type: string; description: string }[];
  get_entities_of_type_counts: Record<string, number>;
  os_family: string;
  path_separator: string;
  primary_host: { HostName: string; fqdn: string; computer: string } | null;
  hostname: string | null;
  primary_process: {
    ProcessId: string | null;
    ProcessFilePath: string;
    ProcessName: string;
    CommandLine: string;
  } | null;
  primary_account: { Name: string; qualified_name: string; LogonId: string | null } | null;
  get_logon_id: string | null;
  query_params: Record<string, string | null>;
  extended_properties_keys: string[];
  alert_graph: { nodes: string[]; edges: [string, string][] };
}

/** One case: an input row, msticpy's output, and (where msticpy is buggy) the intended values. */
export interface SecurityAlertCase {
  id: string;
  input_alert_row: AlertRecord;
  msticpy_test_asserts: Record<string, unknown> | null;
  observed: ObservedAlert;
  intended?: { os_family: string; path_separator: string };
}

export const casesPath = shared('reference/msticpy-cases/security_alert_cases.json');
export const dataDir = shared('data');
export const hasCases = existsSync(casesPath);
export const hasData = existsSync(dataDir);

/** The cases of security_alert_cases.json (empty when the shared folder is absent). */
export function loadCases(): SecurityAlertCase[] {
  if (!hasCases) return [];
  return (JSON.parse(readFileSync(casesPath, 'utf8')) as { cases: SecurityAlertCase[] }).cases;
}

/** Rows of a shared alert CSV (`msticpy/alertlist.csv`…), every cell a string. */
export function loadCsvAlerts(path: string): Record<string, string>[] {
  return parse(readFileSync(`${dataDir}/${path}`, 'utf8'), { columns: true, relax_quotes: true });
}

/** Rows of a shared JSON Lines file. */
export function loadJsonLines(path: string): AlertRecord[] {
  const lines = readFileSync(`${dataDir}/${path}`, 'utf8').split('\n');
  return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as AlertRecord);
}
