/**
 * `socbot import`: parses files and adds their rows to the workspace, each row once however often it is imported.
 * A bad row is reported with its line and skipped; a bad file is reported and the others still load.
 */
import { isSocbotError } from '../../core/errors.js';
import { listImportFiles, parseImportFile } from './import/index.js';
import { alertKey, eventKey } from './row-keys.js';
import { insertNewRows, type Workspace } from './workspace.js';

export interface TableImportCount {
  loaded: number;
  duplicates: number;
}

export interface ImportSummary {
  files: number;
  failedFiles: number;
  alerts: TableImportCount;
  events: TableImportCount;
  skipped: number;
}

/** How many skipped-row reasons to print per file before summarising the rest. */
const shownProblemsPerFile = 10;

/** The largest groups of ignored rows, then a count of the rest: one readable line per file. */
function summariseIgnored(ignored: readonly { reason: string; count: number }[]): string {
  const sorted = [...ignored].sort((a, b) => b.count - a.count);
  const shown = sorted.slice(0, 3).map((i) => `${i.count} ${i.reason}`);
  const rest = sorted.slice(3).reduce((n, i) => n + i.count, 0);
  return [...shown, ...(rest > 0 ? [`${rest} more rows of ${sorted.length - 3} other kinds`] : [])].join('; ');
}

/** Imports files and folders into the workspace; `report` receives one human line per file and per problem. */
export async function importPaths(
  workspace: Workspace,
  paths: readonly string[],
  report: (line: string) => void = () => undefined,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    files: 0,
    failedFiles: 0,
    alerts: { loaded: 0, duplicates: 0 },
    events: { loaded: 0, duplicates: 0 },
    skipped: 0,
  };
  const files: string[] = [];
  for (const target of paths) files.push(...(await listImportFiles(target)));
  for (const file of files) {
    summary.files += 1;
    try {
      const parsed = await parseImportFile(file);
      const alertsLoaded = await insertNewRows(
        workspace.connection,
        'SecurityAlert',
        parsed.alerts,
        parsed.alerts.map(alertKey),
      );
      const eventsLoaded = await insertNewRows(
        workspace.connection,
        'SecurityEvent',
        parsed.events,
        parsed.events.map(eventKey),
      );
      summary.alerts.loaded += alertsLoaded;
      summary.alerts.duplicates += parsed.alerts.length - alertsLoaded;
      summary.events.loaded += eventsLoaded;
      summary.events.duplicates += parsed.events.length - eventsLoaded;
      summary.skipped += parsed.skipped.length;
      const ignored = summariseIgnored(parsed.ignored);
      report(
        `${file}: SecurityAlert ${alertsLoaded} loaded (${parsed.alerts.length - alertsLoaded} already present), ` +
          `SecurityEvent ${eventsLoaded} loaded (${parsed.events.length - eventsLoaded} already present), ` +
          `${parsed.skipped.length} skipped${ignored ? `; ignored: ${ignored}` : ''}`,
      );
      for (const note of parsed.notes ?? []) report(`  note: ${note}`);
      for (const skip of parsed.skipped.slice(0, shownProblemsPerFile)) report(`  line ${skip.line}: ${skip.reason}`);
      if (parsed.skipped.length > shownProblemsPerFile)
        report(`  … ${parsed.skipped.length - shownProblemsPerFile} more skipped rows`);
    } catch (error) {
      summary.failedFiles += 1;
      const message = isSocbotError(error) || error instanceof Error ? error.message : String(error);
      report(`${file}: not imported: ${message}`);
    }
  }
  return summary;
}
