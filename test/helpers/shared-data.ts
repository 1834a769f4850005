/**
 * Where the shared real datasets live (beside the repository), and whether they are there.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared/data` relative to the repository root. */
export const sharedDataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** `../shared/reference` relative to the repository root. */
export const sharedReferenceDir = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));

/** True when the shared data folder exists; tests that need it skip (with this message) otherwise. */
export const hasSharedData = existsSync(sharedDataDir);

if (!hasSharedData) {
  console.warn(`shared data not found at ${sharedDataDir}: tests on real datasets are skipped`);
}

/** A file inside the shared data folder. */
export function sharedFile(relative: string): string {
  return `${sharedDataDir}${relative}`;
}
