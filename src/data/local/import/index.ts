/** The importer's parsing layer: exported files → SecurityAlert / SecurityEvent rows. */
export type { IgnoredRows, ImportFormat, ImportTable, ParsedFile, SkippedRow } from './import-types.js';
export { listImportFiles, parseImportFile, parseImportText } from './parse-import.js';
