/**
 * `socbot doctor` against the fake Log Analytics workspace: configuration problems, sign-in failure, missing
 * access, missing tables, and a healthy workspace — each with the line that says what to fix, never a secret.
 */
import { AuthenticationError } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor.js';
import { FakeCredential, fakeConfig, fakeSecret } from '../data/loganalytics/fake-workspace.js';
import {
  errorBody,
  type FakeLogAnalytics,
  queryBody,
  startFakeLogAnalytics,
  wireTable,
} from '../fakes/log-analytics-server.js';

const probeColumns = [
  { name: 'Table', type: 'string' },
  { name: 'EventID', type: 'int' },
  { name: 'Rows', type: 'long' },
  { name: 'Last', type: 'datetime' },
];

describe('socbot doctor', () => {
  let fake: FakeLogAnalytics;
  beforeAll(async () => {
    fake = await startFakeLogAnalytics();
  });
  afterAll(() => fake.close());

  async function doctor(options: { config?: Parameters<typeof runDoctor>[0]; credential?: FakeCredential } = {}) {
    const lines: string[] = [];
    const code = await runDoctor(options.config ?? fakeConfig(fake), (line) => lines.push(line), {
      credential: options.credential ?? new FakeCredential(fake.token),
      policies: [fake.redirectPolicy()],
      timeoutSeconds: 5,
    });
    const output = lines.join('\n');
    expect(output).not.toContain(fakeSecret);
    expect(output).not.toContain(fake.token);
    return { code, output };
  }

  it('names every missing variable and stops before signing in', async () => {
    const credential = new FakeCredential(fake.token);
    const config = { ...fakeConfig(fake), LOG_ANALYTICS_WORKSPACE_ID: undefined, AZURE_CLIENT_SECRET: undefined };
    const { code, output } = await doctor({ config, credential });
    expect(code).toBe(1);
    expect(output).toContain('✘ LOG_ANALYTICS_WORKSPACE_ID: required');
    expect(output).toContain('✘ AZURE_CLIENT_SECRET: required for SOCBOT_AZURE_CREDENTIAL=client-secret');
    expect(credential.calls).toBe(0);
  });

  it('reports a healthy workspace: configuration, sign-in, access and tables, warning about missing 4625', async () => {
    fake.requests.length = 0;
    fake.handler = () => ({
      body: queryBody([
        wireTable(probeColumns, [
          ['SecurityAlert', null, 189, '2019-01-15T05:15:20Z'],
          ['SecurityEvent', 4688, 363, '2019-01-15T05:24:24.01Z'],
          ['SecurityEvent', 4624, 14, '2019-01-15T05:20:00Z'],
        ]),
      ]),
    });
    const { code, output } = await doctor();
    expect(code).toBe(0);
    expect(output).toContain(`✔ Configuration: workspace ${fake.workspaceId}, credential client-secret (tenant`);
    expect(output).toContain('scope https://api.loganalytics.io/.default');
    expect(output).toMatch(/✔ Signed in to Microsoft Entra ID \(token valid until \d{4}-/);
    expect(output).toContain(`✔ Workspace ${fake.workspaceId} answers queries`);
    expect(output).toContain('✔ 189 alerts (SecurityAlert) in the last 30 days, last 2019-01-15T05:15:20.000Z');
    expect(output).toContain('✔ 363 process creation events (SecurityEvent 4688)');
    expect(output).toContain('⚠ No failed logon events (SecurityEvent 4625)');
    expect(fake.requests[0]?.query).toContain('union isfuzzy=true');
    expect(fake.requests[0]?.timespan).toBe('P30D');
  });

  it('says which tables are missing and how to collect them', async () => {
    fake.handler = () => ({ body: queryBody([wireTable(probeColumns, [])]) });
    const { code, output } = await doctor();
    expect(code).toBe(1);
    expect(output).toContain('✘ No alerts (SecurityAlert) in the last 30 days');
    expect(output).toContain('Audit Process Creation');
  });

  it('explains a sign-in failure without the secret', async () => {
    const failure = new AuthenticationError(400, {
      error: 'unauthorized_client',
      error_description: `AADSTS700016: Application with identifier 'x' was not found. secret ${fakeSecret}`,
    });
    const { code, output } = await doctor({ credential: new FakeCredential(fake.token, failure) });
    expect(code).toBe(1);
    expect(output).toContain('✘ Could not sign in to Azure with the client-secret');
    expect(output).toContain('AADSTS700016: the client id is not an application in this tenant');
    expect(output).toContain('fix: Check AZURE_TENANT_ID, AZURE_CLIENT_ID');
  });

  it('names the role to grant when the identity may not read the workspace', async () => {
    fake.handler = () => ({ status: 403, body: errorBody('InsufficientAccessError', 'insufficient access') });
    const { code, output } = await doctor();
    expect(code).toBe(1);
    expect(output).toContain('✔ Signed in');
    expect(output).toContain('"Log Analytics Reader" role');
  });
});
