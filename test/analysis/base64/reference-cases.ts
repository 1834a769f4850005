/** Loads msticpy's verified base64 cases and test files from the shared folders (never copied here). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Base64Record } from '../../../src/analysis/base64/decode-record.js';

const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const CASES_FILE = `${SHARED}reference/msticpy-cases/base64unpack_cases.json`;
const DATA_DIR = `${SHARED}data/msticpy/`;

export const hasReferenceCases = existsSync(CASES_FILE);
export const hasTestData = existsSync(DATA_DIR);

const rowSchema = z.object({
  reference: z.tuple([z.string(), z.string(), z.string()]),
  original_string: z.string(),
  file_name: z.string(),
  file_type: z.string().nullable(),
  input_bytes: z.object({ base64: z.string(), len: z.number() }),
  decoded_string: z.string().nullable(),
  encoding_type: z.string(),
  md5: z.string(),
  sha1: z.string(),
  sha256: z.string(),
  printable_bytes: z.string(),
});

const outputSchema = z.object({ decoded_string: z.string(), rows: z.array(rowSchema).nullable() });

const casesSchema = z.object({
  cases: z.array(
    z.object({
      id: z.string(),
      input: z.string(),
      observed_decoded_string: z.string().optional(),
      observed_rows: z.array(rowSchema).optional(),
      msticpy_test_asserts: z.unknown(),
    }),
  ),
  behaviour_probes: z.array(
    z.object({
      id: z.string(),
      input: z.string(),
      kwargs: z.object({ utf16: z.boolean().optional() }).nullable(),
      unpack_items_string: outputSchema,
      unpack_string_no_padding: outputSchema,
    }),
  ),
});

/** One msticpy record row. */
export type ObservedRow = z.infer<typeof rowSchema>;

/** `base64unpack_cases.json`, or null when the reference folder is absent. */
export function base64Cases(): z.infer<typeof casesSchema> | null {
  return hasReferenceCases ? casesSchema.parse(JSON.parse(readFileSync(CASES_FILE, 'utf8'))) : null;
}

/** A msticpy test file from `shared/data/msticpy`. */
export function testDataFile(name: string): string {
  return readFileSync(`${DATA_DIR}${name}`, 'utf8');
}

/** A socbot record in msticpy's column names and value forms, to compare with observed rows. */
export function asObservedRow(record: Base64Record): ObservedRow {
  return {
    reference: [...record.reference],
    original_string: record.originalString,
    file_name: record.fileName,
    file_type: record.fileType,
    input_bytes: { base64: Buffer.from(record.inputBytes).toString('base64'), len: record.inputBytes.length },
    decoded_string: record.decodedString,
    encoding_type: record.encodingType,
    md5: record.md5,
    sha1: record.sha1,
    sha256: record.sha256,
    printable_bytes: record.printableBytes,
  };
}
