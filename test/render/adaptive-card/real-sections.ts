/**
 * Real Sections for renderer tests, produced by running the core: every answer a user can get from the demo
 * workspace (help, alerts, each top alert and its investigation, an unknown id, a bad command) and the FTP -s alert
 * investigation on msticpy's real data (the largest real investigation in ../shared/data).
 */
import type { Section } from '../../../src/core/section.js';
import { importPaths } from '../../../src/data/local/import-into-workspace.js';
import { createLocalProvider } from '../../../src/data/local/local-provider.js';
import { openWorkspace } from '../../../src/data/local/workspace.js';
import { investigate } from '../../../src/investigation/commands/investigate.js';
import { createLogger } from '../../../src/logger.js';
import { sharedFile } from '../../helpers/shared-data.js';
import { createTestSocbot } from '../../helpers/test-socbot.js';

/** The answer to one command. */
export interface Answer {
  command: string;
  sections: Section[];
}

/** msticpy's FTP -s alert on MSTICALERTSWIN1. */
export const ftpAlertId = '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd';

const msticpyFiles = ['alertlist.csv', 'processes_on_host.csv', 'process_tree.csv', 'host_logons.csv'];

/** The alert ids of the `alerts-top` table. */
export function topAlertIds(sections: readonly Section[]): string[] {
  const table = sections.find((s) => s.id === 'alerts-top')?.blocks.find((b) => b.kind === 'table');
  return table?.kind === 'table' ? table.rows.map((row) => row.id ?? '').filter(Boolean) : [];
}

/**
 * Answers from the demo workspace: fixed commands, then `alert` and `investigate` for every alert of the top table,
 * then `extra(ids)` (commands that need an alert id).
 */
export async function demoAnswers(extra: (alertIds: string[]) => string[] = () => []): Promise<Answer[]> {
  const socbot = await createTestSocbot();
  try {
    const ask = async (command: string): Promise<Answer> => ({
      command,
      sections: await socbot.answer(command, { correlationId: 'renderer-test' }),
    });
    const answers = [
      await ask('help'),
      await ask('help alerts'),
      await ask('alerts last 7d'),
      await ask('investigate'),
      await ask('alert does-not-exist'),
      await ask('investigate does-not-exist'),
      await ask('frobnicate the widgets'),
    ];
    const ids = topAlertIds(answers[2]?.sections ?? []);
    for (const id of ids) answers.push(await ask(`alert ${id}`), await ask(`investigate ${id}`));
    for (const command of extra(ids)) answers.push(await ask(command));
    return answers;
  } finally {
    await socbot.close();
  }
}

/** The FTP -s alert investigated on msticpy's data (imported into an in-memory workspace). */
export async function ftpInvestigation(): Promise<Section[]> {
  const workspace = await openWorkspace(':memory:');
  try {
    await importPaths(
      workspace,
      msticpyFiles.map((file) => sharedFile(`msticpy/${file}`)),
    );
    const data = createLocalProvider(workspace);
    const ctx = {
      data,
      now: () => new Date('2019-01-16T00:00:00Z'),
      log: createLogger('silent'),
      correlationId: 'renderer-test',
    };
    try {
      return await investigate(ftpAlertId, ctx);
    } finally {
      await data.close();
    }
  } finally {
    workspace.close();
  }
}
