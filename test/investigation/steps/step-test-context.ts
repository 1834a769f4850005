/**
 * Test helpers for investigation steps: an in-memory workspace with real files imported, a command context on it
 * (fixed clock, silent logger), and a step context so a step's findings can be read as well as its Sections.
 */
import type { Alert } from '../../../src/core/alert.js';
import type { Section } from '../../../src/core/section.js';
import type { RelativeWindow } from '../../../src/core/time-window.js';
import { importPaths } from '../../../src/data/local/import-into-workspace.js';
import { createLocalProvider } from '../../../src/data/local/local-provider.js';
import { openWorkspace, type Workspace } from '../../../src/data/local/workspace.js';
import type { DataProvider } from '../../../src/data/provider.js';
import type { CommandContext } from '../../../src/investigation/context.js';
import type { StepContext } from '../../../src/investigation/step.js';
import { createLogger } from '../../../src/logger.js';
import { sharedFile } from '../../helpers/shared-data.js';

/** The FTP -s alert of msticpy's demo data (alertlist.csv row 101) and what the notebook knows about it. */
export const ftpAlertId = '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd';
export const ftpAlertTime = new Date('2019-01-15T05:15:20Z');

/** msticpy's files for the FTP alert: the alert list, its host's processes, tree, logons and failed logons. */
export const msticpyFiles = [
  'msticpy/alertlist.csv',
  'msticpy/processes_on_host.csv',
  'msticpy/process_tree.csv',
  'msticpy/host_logons.csv',
  'msticpy/localdata/host_logons.jsonl',
  'msticpy/localdata/failed_logons.jsonl',
];

/** A workspace with the files imported and the embedded provider on it. */
export interface TestWorkspace {
  workspace: Workspace;
  data: DataProvider;
  close(): Promise<void>;
}

/** Opens an in-memory workspace and imports shared-data files (paths relative to ../shared/data). */
export async function importedWorkspace(files: readonly string[]): Promise<TestWorkspace> {
  const workspace = await openWorkspace(':memory:');
  await importPaths(workspace, files.map(sharedFile));
  const data = createLocalProvider(workspace);
  return {
    workspace,
    data,
    async close() {
      await data.close();
      workspace.close();
    },
  };
}

/** A command context on a provider, with a fixed clock. */
export function commandContext(data: DataProvider, now: Date): CommandContext {
  return { data, now: () => now, log: createLogger('silent'), correlationId: 'test-correlation' };
}

/** A step context for running one step directly (queries go straight to the provider). */
export function stepContext(ctx: CommandContext, alert: Alert, window?: RelativeWindow): StepContext {
  return {
    ...ctx,
    alert,
    query: (name, params) => ctx.data.run(name, params),
    findings: [],
    ...(window ? { window } : {}),
  };
}

/** The Section with this id (the test fails with the ids present when there is none). */
export function sectionById(sections: readonly Section[], id: string): Section {
  const found = sections.find((s) => s.id === id);
  if (!found) throw new Error(`no Section ${id} among ${sections.map((s) => s.id).join(', ')}`);
  return found;
}

/** The facts of a Section's first facts block, as label → value. */
export function factsOf(section: Section): Record<string, string> {
  const block = section.blocks.find((b) => b.kind === 'facts');
  return block?.kind === 'facts' ? Object.fromEntries(block.facts.map((f) => [f.label, f.value])) : {};
}

/** The tables of a Section, in order. */
export function tablesOf(section: Section) {
  return section.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
}
