/**
 * `investigate` through the fake Log Analytics workspace gives the same Sections as through the local provider on
 * the same data (msticpy's FTP -s alert and its host's events).
 *
 * The fake cannot run KQL, so it is loaded by recording: the playbook first runs on the local provider; each
 * query it asks is rendered to the exact KQL the Log Analytics provider will send, and the fake answers that text
 * with the local rows projected onto the KQL's own result columns and types (from the Kusto language service) in
 * the wire format. A KQL column set that differs from the local views, a mapping slip, or a query the provider
 * words differently shows up as a different Section or an unexpected query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../../src/core/section.js';
import type { QueryName, QueryParams } from '../../../src/data/catalog.js';
import { loadKqlQueries, renderNamedQuery } from '../../../src/data/loganalytics/kql-queries.js';
import { type DataProvider, defaultRowLimit } from '../../../src/data/provider.js';
import { investigate } from '../../../src/investigation/commands/investigate.js';
import {
  errorBody,
  type FakeLogAnalytics,
  type FakeReply,
  queryBody,
  startFakeLogAnalytics,
  wireRows,
  wireTable,
} from '../../fakes/log-analytics-server.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import {
  commandContext,
  ftpAlertId,
  importedWorkspace,
  msticpyFiles,
  type TestWorkspace,
} from '../../investigation/steps/step-test-context.js';
import { providerOnFake } from './fake-workspace.js';
import { analyzeKql, loadKusto } from './kusto-check.js';

const texts = loadKqlQueries();
// The language service loads in a second or two (more on a busy machine): once per file, before the tests.
beforeAll(loadKusto, 30_000);
const now = new Date('2019-01-16T00:00:00Z');

/** The answer the real service would give to a query whose rows are `rows`. */
function replyFor(query: string, rows: readonly object[]): FakeReply {
  const { columns, diagnostics } = analyzeKql(query);
  expect(diagnostics).toEqual([]);
  return { body: queryBody([wireTable(columns, wireRows(rows as Record<string, unknown>[], columns))]) };
}

/**
 * Sections as a user sees them. The verdict lists equally weighted findings in the order the steps happened to
 * finish (a remote provider finishes them in another order), so its table rows compare as a set.
 */
function visible(sections: readonly Section[]): Section[] {
  return sections.map((s) =>
    s.id !== 'verdict'
      ? s
      : {
          ...s,
          blocks: s.blocks.map((b) =>
            b.kind === 'table'
              ? { ...b, rows: [...b.rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))) }
              : b,
          ),
        },
  );
}

describe.skipIf(!hasSharedData)('investigate through the fake Log Analytics workspace', () => {
  let local: TestWorkspace;
  let fake: FakeLogAnalytics;
  let remote: DataProvider;
  const answers = new Map<string, FakeReply>();
  const unexpected: string[] = [];

  beforeAll(async () => {
    [local, fake] = await Promise.all([importedWorkspace(msticpyFiles), startFakeLogAnalytics()]);
    fake.handler = (request) => {
      const reply = answers.get(request.query);
      if (reply) return reply;
      unexpected.push(request.query.split('\n').find((line) => line.startsWith('//')) ?? request.query.slice(0, 80));
      return { status: 400, body: errorBody('BadArgumentError', 'The fake has no answer for this query') };
    };
    remote = providerOnFake(fake);
  });
  afterAll(async () => {
    await remote.close();
    await fake.close();
    await local.close();
  });

  it('gives the same Sections, step by step, as the local provider', async () => {
    const recording: DataProvider = {
      id: 'local',
      async run<Q extends QueryName>(name: Q, params: QueryParams<Q>, options: { rowLimit?: number } = {}) {
        const result = await local.data.run(name, params, options);
        const query = renderNamedQuery(texts, name, params, options.rowLimit ?? defaultRowLimit);
        answers.set(query, replyFor(query, result.rows));
        return result;
      },
      close: async () => {},
    };
    const expected = await investigate(ftpAlertId, commandContext(recording, now));
    expect(answers.size).toBeGreaterThanOrEqual(6);

    const actual = await investigate(ftpAlertId, commandContext(remote, now));
    expect(unexpected).toEqual([]);
    expect(actual.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    expect(actual.map((s) => [s.id, s.status, s.title])).toEqual(expected.map((s) => [s.id, s.status, s.title]));
    expect(actual.filter((s) => s.status === 'failed')).toEqual([]);
    expect(visible(actual)).toEqual(visible(expected));
    // Every query the playbook asked was answered by the fake, once (the provider's cache and the playbook's
    // memo share repeated questions).
    expect(fake.requests).toHaveLength(answers.size);
  });
});
