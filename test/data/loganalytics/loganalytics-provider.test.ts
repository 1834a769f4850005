/**
 * The Log Analytics provider through the real LogsQueryClient against the loopback fake: the request on the wire,
 * mapping of typed columns, throttling (429 then success, Retry-After honoured), 5xx retries, a timeout, a partial
 * failure, truncation, authentication failures with clear messages and no secrets, the cache and the limiter.
 */
import { AuthenticationError } from '@azure/identity';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSocbotError, type SocbotError } from '../../../src/core/errors.js';
import type { DataProvider } from '../../../src/data/provider.js';
import {
  errorBody,
  type FakeLogAnalytics,
  queryBody,
  startFakeLogAnalytics,
  wireTable,
} from '../../fakes/log-analytics-server.js';
import { FakeCredential, fakeConfig, fakeSecret, providerOnFake } from './fake-workspace.js';

const window = { start: new Date('2019-01-15T04:15:20Z'), end: new Date('2019-01-15T05:25:20Z') };
const hostParams = { ...window, host_name: 'MSTICAlertsWin1' };

const processColumns = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Computer', type: 'string' },
  { name: 'EventID', type: 'int' },
  { name: 'NewProcessName', type: 'string' },
  { name: 'CommandLine', type: 'string' },
];
const processRow = ['2019-01-15T05:15:20.1230000Z', 'MSTICAlertsWin1', 4688, 'C:\\w\\ftp.exe', ''];
const okBody = queryBody([wireTable(processColumns, [processRow])]);

async function failure(promise: Promise<unknown>): Promise<SocbotError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSocbotError(error)) throw new Error(`expected a SocbotError, got ${String(error)}`);
  return error;
}

function expectNoSecrets(error: SocbotError, fake: FakeLogAnalytics): void {
  const text = `${error.message} ${error.hint ?? ''} ${JSON.stringify(error.cause ?? null)}`;
  expect(text).not.toContain(fakeSecret);
  expect(text).not.toContain(fake.token);
  expect(text).not.toContain(fake.baseUrl);
  expect(text).not.toMatch(/Bearer\s+\w/);
}

describe('Log Analytics provider on the fake workspace', () => {
  let fake: FakeLogAnalytics;
  let provider: DataProvider;

  beforeAll(async () => {
    fake = await startFakeLogAnalytics();
  });
  afterAll(() => fake.close());
  afterEach(async () => {
    await provider?.close();
    fake.requests.length = 0;
    fake.handler = () => ({ body: okBody });
  });

  it('POSTs the rendered KQL with a timespan, server timeout and bearer token, and maps typed columns', async () => {
    fake.handler = () => ({ body: okBody });
    provider = providerOnFake(fake);
    const result = await provider.run('list_host_processes', hostParams);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ workspaceId: fake.workspaceId, authorization: `Bearer ${fake.token}` });
    expect(request?.prefer).toBe('wait=5');
    expect(request?.query).toContain('Computer has host');
    expect(request?.query).toContain('let host = "MSTICAlertsWin1";');
    expect(request?.query).toMatch(/\| take long\(50001\)\s*$/);
    expect(request?.timespan).toBe('2019-01-14T04:15:20.000Z/2019-01-15T05:26:20.000Z');
    expect(result.truncated).toBe(false);
    expect(result.warnings).toEqual([]);
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0]!;
    expect(row.TimeGenerated).toEqual(new Date('2019-01-15T05:15:20.123Z'));
    expect(row.EventID).toBe(4688);
    expect(row.CommandLine).toBeNull();
    // Columns the query does not project are there, as null (the local provider does the same).
    expect(row.LogonType).toBeNull();
    expect(Object.keys(row)).toHaveLength(45);
  });

  it('retries a 429 after the Retry-After the server asked for, then returns the rows', async () => {
    provider = providerOnFake(fake);
    fake.enqueue({ status: 429, headers: { 'Retry-After': '1' }, body: errorBody('ThrottledError', 'Too many') });
    fake.handler = () => ({ body: okBody });
    const started = Date.now();
    const result = await provider.run('list_host_processes', hostParams);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.rows).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
  });

  it('retries 5xx with backoff, and reports a persistent 503 as QueryFailed', async () => {
    provider = providerOnFake(fake);
    fake.enqueue(
      { status: 502, body: errorBody('BadGateway', 'x') },
      { status: 500, body: errorBody('Internal', 'y') },
    );
    expect((await provider.run('list_host_logons', hostParams)).rows).toHaveLength(1);
    expect(fake.requests).toHaveLength(3);
    fake.requests.length = 0;
    fake.handler = () => ({ status: 503, body: errorBody('ServiceUnavailable', 'down') });
    const error = await failure(provider.run('list_host_logon_failures', hostParams));
    expect(error.code).toBe('QueryFailed');
    expect(error.message).toContain('HTTP 503');
    expect(fake.requests).toHaveLength(4);
  });

  it('gives up on throttling whose Retry-After would pass the deadline: RateLimited, at once', async () => {
    provider = providerOnFake(fake, { config: fakeConfig(fake, { LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS: 2 }) });
    fake.handler = () => ({ status: 429, headers: { 'Retry-After': '60' }, body: errorBody('ThrottledError', 'x') });
    const started = Date.now();
    const error = await failure(provider.run('list_host_processes', hostParams));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('RateLimited');
    expect(error.message).toContain('60 s');
  });

  it('times out a slow query at the configured deadline', async () => {
    provider = providerOnFake(fake, { config: fakeConfig(fake, { LOG_ANALYTICS_QUERY_TIMEOUT_SECONDS: 0.3 }) });
    fake.handler = () => ({ body: okBody, delayMs: 3_000 });
    const started = Date.now();
    const error = await failure(provider.run('list_host_processes', hostParams));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.code).toBe('Timeout');
    expect(error.message).toContain('0.3 s');
    expect(fake.requests[0]?.prefer).toBe('wait=1');
  });

  it('maps a server-side gateway timeout (504) to Timeout', async () => {
    provider = providerOnFake(fake, { retry: { maxRetries: 0 } });
    fake.handler = () => ({ status: 504, body: errorBody('GatewayTimeout', 'The query took too long') });
    expect((await failure(provider.run('list_host_processes', hostParams))).code).toBe('Timeout');
  });

  it('returns the rows of a partial failure with a warning, and does not cache them', async () => {
    provider = providerOnFake(fake);
    fake.handler = () => ({
      body: queryBody([wireTable(processColumns, [processRow])], 'Partition 3 was unavailable'),
    });
    const result = await provider.run('list_host_processes', hostParams);
    expect(result.rows).toHaveLength(1);
    expect(result.truncated).toBe(false);
    expect(result.warnings).toEqual(['Log Analytics returned partial results: Partition 3 was unavailable']);
    await provider.run('list_host_processes', hostParams);
    expect(fake.requests).toHaveLength(2);
  });

  it('marks results past the row limit, or trimmed by the service, as truncated', async () => {
    provider = providerOnFake(fake);
    fake.handler = () => ({ body: queryBody([wireTable(processColumns, [processRow, processRow, processRow])]) });
    const result = await provider.run('list_host_processes', hostParams, { rowLimit: 2 });
    expect(fake.requests[0]?.query).toMatch(/\| take long\(3\)\s*$/);
    expect(result.rows).toHaveLength(2);
    expect(result).toMatchObject({ truncated: true, warnings: [expect.stringContaining('first 2 rows')] });
    fake.handler = () => ({
      body: queryBody(
        [wireTable(processColumns, [processRow])],
        'Query result set has exceeded the internal record count limit 500000 (E_QUERY_RESULT_SET_TOO_LARGE)',
      ),
    });
    const trimmed = await provider.run('list_host_logons', hostParams);
    expect(trimmed.truncated).toBe(true);
  });

  it('says what to check when sign-in fails, without the secret', async () => {
    const signIn = new AuthenticationError(401, {
      error: 'invalid_client',
      error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent is the client secret value. secret=${fakeSecret}`,
    });
    provider = providerOnFake(fake, { credential: new FakeCredential(fake.token, signIn) });
    const error = await failure(provider.run('get_alert', { system_alert_id: 'x' }));
    expect(error.code).toBe('QueryFailed');
    expect(error.message).toContain('client-secret (tenant aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(error.message).toContain('AADSTS7000215: the client secret is wrong');
    expect(error.hint).toMatch(/AZURE_TENANT_ID, AZURE_CLIENT_ID/);
    expectNoSecrets(error, fake);
    expect(fake.requests).toHaveLength(0);
  });

  it('says which role is missing on 403, and what is wrong on 401 and 404, without secrets', async () => {
    provider = providerOnFake(fake);
    fake.handler = () => ({
      status: 403,
      body: errorBody('InsufficientAccessError', 'The provided credentials have insufficient access'),
    });
    const forbidden = await failure(provider.run('get_alert', { system_alert_id: 'x' }));
    expect(forbidden.hint).toContain('Log Analytics Reader');
    expect(forbidden.message).toContain(fake.workspaceId);
    expectNoSecrets(forbidden, fake);
    const wrongToken = providerOnFake(fake, { credential: new FakeCredential('some-other-token') });
    const unauthorised = await failure(wrongToken.run('get_alert', { system_alert_id: 'y' }));
    expect(unauthorised.message).toContain('HTTP 401');
    expect(`${unauthorised.message}${unauthorised.hint}`).not.toContain('some-other-token');
    const otherWorkspace = providerOnFake(fake, {
      config: fakeConfig(fake, { LOG_ANALYTICS_WORKSPACE_ID: '99999999-2222-3333-4444-555555555555' }),
    });
    const missing = await failure(otherWorkspace.run('get_alert', { system_alert_id: 'z' }));
    expect(missing.hint).toContain('LOG_ANALYTICS_WORKSPACE_ID');
  });

  it('reports a bad query with the service message (400), not retried', async () => {
    provider = providerOnFake(fake);
    fake.handler = () => ({
      status: 400,
      body: errorBody('BadArgumentError', 'The request had some invalid properties', {
        code: 'SemanticError',
        message: "'where' operator: Failed to resolve column named 'Computr'",
      }),
    });
    const error = await failure(provider.run('list_host_processes', hostParams));
    expect(error.message).toContain("Failed to resolve column named 'Computr'");
    expect(fake.requests).toHaveLength(1);
  });

  it('answers the same query from its cache, sharing one request between concurrent callers', async () => {
    provider = providerOnFake(fake);
    fake.handler = () => ({ body: okBody, delayMs: 50 });
    const [a, b] = await Promise.all([
      provider.run('list_host_processes', hostParams),
      provider.run('list_host_processes', { ...hostParams }),
    ]);
    await provider.run('list_host_processes', hostParams);
    expect(fake.requests).toHaveLength(1);
    expect(a.rows).toEqual(b.rows);
    a.rows[0]!.Computer = 'changed';
    expect((await provider.run('list_host_processes', hostParams)).rows[0]?.Computer).toBe('MSTICAlertsWin1');
    await provider.run('list_host_processes', { ...hostParams, host_name: 'other' });
    expect(fake.requests).toHaveLength(2);
  });

  it('never runs more queries at once than the identity allows, queuing the rest', async () => {
    provider = providerOnFake(fake, {
      config: fakeConfig(fake, { LOG_ANALYTICS_MAX_CONCURRENCY: 2, LOG_ANALYTICS_CACHE_SECONDS: 0 }),
    });
    fake.concurrency.max = 0;
    fake.handler = () => ({ body: okBody, delayMs: 40 });
    const hosts = ['a', 'b', 'c', 'd', 'e', 'f'];
    const results = await Promise.all(
      hosts.map((h) => provider.run('list_host_processes', { ...window, host_name: h })),
    );
    expect(results.every((r) => r.rows.length === 1)).toBe(true);
    expect(fake.requests).toHaveLength(6);
    expect(fake.concurrency.max).toBe(2);
  });

  it('rejects bad parameters before anything is sent', async () => {
    provider = providerOnFake(fake);
    const badDate = await failure(provider.run('list_host_processes', { ...hostParams, start: new Date(Number.NaN) }));
    expect(badDate.code).toBe('BadInput');
    expect(fake.requests).toHaveLength(0);
  });

  it('stops waiting when the caller aborts', async () => {
    provider = providerOnFake(fake);
    fake.handler = () => ({ body: okBody, delayMs: 2_000 });
    const controller = new AbortController();
    const pending = provider.run('list_host_processes', hostParams, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gone')), 50);
    await expect(pending).rejects.toThrow('caller gone');
  });
});
