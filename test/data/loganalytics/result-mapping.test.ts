/**
 * Result mapping on real data: the fake workspace serves msticpy's exported alerts and events (parsed by the
 * importer, projected onto exactly the columns and Kusto types each rendered query returns, written in the wire
 * format: ISO datetimes, "" for empty strings, JSON booleans), and the Log Analytics provider must return the same
 * rows as the local provider on the same files — same columns, Dates, numbers, booleans and nulls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QueryName, type QueryParams, queryCatalog } from '../../../src/data/catalog.js';
import { loadKqlQueries, renderNamedQuery } from '../../../src/data/loganalytics/kql-queries.js';
import type { DataProvider } from '../../../src/data/provider.js';
import {
  type FakeLogAnalytics,
  queryBody,
  startFakeLogAnalytics,
  wireRows,
  wireTable,
} from '../../fakes/log-analytics-server.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import {
  ftpAlertId,
  importedWorkspace,
  msticpyFiles,
  type TestWorkspace,
} from '../../investigation/steps/step-test-context.js';
import { providerOnFake } from './fake-workspace.js';
import { analyzeKql, loadKusto } from './kusto-check.js';
import {
  canonical,
  kqlHas,
  parseSentinelFiles,
  projectAlert,
  projectEvent,
  type SentinelData,
} from './sentinel-rows.js';

const texts = loadKqlQueries();
// The language service loads in a second or two (more on a busy machine): once per file, before the tests.
beforeAll(loadKusto, 30_000);
const everything = { start: new Date('2018-01-01T00:00:00Z'), end: new Date('2020-01-01T00:00:00Z') };
const host = 'MSTICAlertsWin1';
const inWindow = (t: Date) => t >= everything.start && t <= everything.end;
const newestFirst = (a: { TimeGenerated: Date }, b: { TimeGenerated: Date }) =>
  b.TimeGenerated.getTime() - a.TimeGenerated.getTime();

describe.skipIf(!hasSharedData)('Log Analytics rows equal local rows on msticpy data', () => {
  let data: SentinelData;
  let local: TestWorkspace;
  let fake: FakeLogAnalytics;
  let remote: DataProvider;

  beforeAll(async () => {
    [data, local, fake] = await Promise.all([
      parseSentinelFiles(msticpyFiles),
      importedWorkspace(msticpyFiles),
      startFakeLogAnalytics(),
    ]);
    remote = providerOnFake(fake);
  });
  afterAll(async () => {
    await remote.close();
    await fake.close();
    await local.close();
  });

  /** Serves `rows` (already filtered as the KQL would) projected onto the query's result columns, then compares. */
  async function compare<Q extends QueryName>(
    name: Q,
    params: QueryParams<Q>,
    serve: (columns: { name: string; type: string }[]) => Record<string, unknown>[],
  ): Promise<number> {
    const { columns, diagnostics } = analyzeKql(renderNamedQuery(texts, name, params, 50_000));
    expect(diagnostics).toEqual([]);
    fake.handler = () => ({ body: queryBody([wireTable(columns, wireRows(serve(columns), columns))]) });
    const [expected, actual] = await Promise.all([local.data.run(name, params), remote.run(name, params)]);
    expect(actual.truncated).toBe(false);
    expect(canonical(actual.rows)).toEqual(canonical(expected.rows));
    if (queryCatalog[name].returns === 'events') expect(Object.keys(actual.rows[0] ?? {})).toHaveLength(45);
    return actual.rows.length;
  }

  it('get_alert: the FTP -s alert with msticpy projection names, Entities and ExtendedProperties as text', async () => {
    const n = await compare('get_alert', { system_alert_id: ftpAlertId }, (columns) =>
      data.alerts.filter((a) => a.SystemAlertId === ftpAlertId).map((a) => projectAlert(a, columns)),
    );
    expect(n).toBe(1);
  });

  it('list_alerts: every alert, with booleans, reals and datetimes mapped', async () => {
    const n = await compare('list_alerts', everything, (columns) =>
      data.alerts
        .filter((a) => inWindow(a.TimeGenerated))
        .sort(newestFirst)
        .map((a) => projectAlert(a, columns)),
    );
    expect(n).toBe(189);
  });

  it('list_alerts_counts: counts as numbers, first and last as Dates', async () => {
    const n = await compare('list_alerts_counts', everything, () => {
      const groups = new Map<string | null, { alertCount: number; firstAlert: Date; lastAlert: Date }>();
      for (const alert of data.alerts.filter((a) => inWindow(a.TimeGenerated))) {
        const group = groups.get(alert.AlertName);
        const t = alert.TimeGenerated;
        if (!group) groups.set(alert.AlertName, { alertCount: 1, firstAlert: t, lastAlert: t });
        else {
          group.alertCount += 1;
          if (t < group.firstAlert) group.firstAlert = t;
          if (t > group.lastAlert) group.lastAlert = t;
        }
      }
      return [...groups].map(([AlertName, group]) => ({ AlertName, ...group }));
    });
    expect(n).toBeGreaterThan(10);
  });

  it('list_related_alerts: the match flags as booleans', async () => {
    const params = { ...everything, host_name: host };
    const n = await compare('list_related_alerts', params, (columns) =>
      data.alerts
        .filter((a) => inWindow(a.TimeGenerated))
        .map((a) => {
          const host_match = [host].some((t) => kqlHas(a.Entities, t) || kqlHas(a.ExtendedProperties, t));
          return { ...projectAlert(a, columns), host_match, acct_match: false, proc_match: false };
        })
        .filter((row) => row.host_match),
    );
    expect(n).toBeGreaterThan(0);
  });

  it.each([
    ['list_host_processes', 4688],
    ['list_host_logons', 4624],
    ['list_host_logon_failures', 4625],
  ] as const)('%s: event rows with every SecurityEvent column, ints as numbers', async (name, eventId) => {
    const params = { ...everything, host_name: host };
    const n = await compare(name, params, (columns) =>
      data.events
        .filter((e) => e.EventID === eventId && kqlHas(e.Computer, host) && inWindow(e.TimeGenerated))
        .map((e) => projectEvent(e, columns)),
    );
    expect(n).toBeGreaterThan(0);
  });
});
