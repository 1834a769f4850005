/** Loads msticpy's verified IoC and pre-filter cases from the shared reference folder (never copied here). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const CASES_DIR = fileURLToPath(new URL('../../../../shared/reference/msticpy-cases/', import.meta.url));
export const hasReferenceCases = existsSync(CASES_DIR);

const byType = z.record(z.string(), z.array(z.string())).nullable();

const iocCasesSchema = z.object({
  string_cases: z.array(
    z.object({
      id: z.string(),
      input: z.string(),
      msticpy_test_asserts_counts: z.record(z.string(), z.number()),
      observed_output_by_type: byType,
    }),
  ),
  dataframe_cases: z.array(
    z.object({
      call: z.string(),
      msticpy_test_asserts_counts_by_IoCType: z.record(z.string(), z.number()).nullable(),
      observed_counts_by_IoCType: z.record(z.string(), z.number()),
      observed_rows: z.array(z.object({ IoCType: z.string(), Observable: z.string(), SourceIndex: z.string() })),
    }),
  ),
  defanged_cases: z.array(
    z.object({
      id: z.string(),
      input: z.string(),
      ioc_type: z.string(),
      expected_found: z.boolean(),
      observed_output_by_type_defanged_true: byType,
    }),
  ),
  behaviour_probes: z.array(z.object({ input: z.string(), string_default: byType, df_default_types: byType })),
});

const prefilterSchema = z.object({
  preprocess_observable_cases: z.array(
    z.object({
      source: z.string(),
      ioc_type: z.string(),
      input: z.string(),
      observed: z.object({ observable: z.string().nullable(), status: z.string() }),
    }),
  ),
  clean_url_cases: z.array(z.object({ input: z.string(), msticpy_test_expected: z.string() })),
});

function load(name: string): unknown {
  return hasReferenceCases ? JSON.parse(readFileSync(`${CASES_DIR}${name}`, 'utf8')) : null;
}

/** `iocextract_cases.json`, or null when the reference folder is absent. */
export function iocCases(): z.infer<typeof iocCasesSchema> | null {
  const data = load('iocextract_cases.json');
  return data === null ? null : iocCasesSchema.parse(data);
}

/** `vt_preprocess_cases.json`, or null when the reference folder is absent. */
export function prefilterCases(): z.infer<typeof prefilterSchema> | null {
  const data = load('vt_preprocess_cases.json');
  return data === null ? null : prefilterSchema.parse(data);
}

/** Results as a plain object of sorted arrays, for `toEqual`. */
export function sortedByType(results: ReadonlyMap<string, ReadonlySet<string>>): Record<string, string[]> {
  return Object.fromEntries([...results].map(([type, values]) => [type, [...values].sort()]));
}

/** msticpy's observed output in the same shape (null → {}). */
export function sortedObserved(observed: Record<string, string[]> | null): Record<string, string[]> {
  return Object.fromEntries(Object.entries(observed ?? {}).map(([type, values]) => [type, [...values].sort()]));
}
