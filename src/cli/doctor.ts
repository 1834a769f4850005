/**
 * `socbot doctor`: checks the Azure Log Analytics set-up step by step — configuration, sign-in, workspace access,
 * the tables socbot reads — and prints what to fix. Never prints a secret or a token.
 */
import type { TokenCredential } from '@azure/identity';
import { LogsQueryResultStatus } from '@azure/monitor-query-logs';
import { isSocbotError } from '../core/errors.js';
import { createAzureCredential, describeCredential } from '../data/loganalytics/azure-credential.js';
import { readKqlFile } from '../data/loganalytics/kql-queries.js';
import {
  type LogAnalyticsConfig,
  logAnalyticsConfigProblems,
  queryEndpoint,
  queryScope,
} from '../data/loganalytics/loganalytics-config.js';
import { createLogsClient, type ExtraPolicies } from '../data/loganalytics/logs-client.js';
import { tableToRows } from '../data/loganalytics/map-rows.js';
import { type ErrorContext, signInError, toQueryError } from '../data/loganalytics/query-errors.js';
import { isIdentityError } from '../data/loganalytics/rest-failure.js';

/** Test seams: the credential and extra pipeline policies (the loopback redirect). */
export interface DoctorOptions {
  credential?: TokenCredential;
  policies?: ExtraPolicies;
  /** Seconds each network check may take. */
  timeoutSeconds?: number;
}

type Print = (line: string) => void;

const ok = (print: Print, text: string) => print(`✔ ${text}`);
const bad = (print: Print, text: string, fix?: string) => print(`✘ ${text}${fix ? `\n    fix: ${fix}` : ''}`);
const warn = (print: Print, text: string, fix: string) => print(`⚠ ${text}\n    fix: ${fix}`);

function withTimeout<T>(promise: Promise<T>, seconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DOMException(`${what} took longer than ${seconds} s`, 'TimeoutError')),
      seconds * 1000,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function checkConfiguration(config: LogAnalyticsConfig & { SOCBOT_PROVIDER?: string }, print: Print): boolean {
  if (config.SOCBOT_PROVIDER !== undefined && config.SOCBOT_PROVIDER !== 'loganalytics') {
    print(
      `ℹ SOCBOT_PROVIDER=${config.SOCBOT_PROVIDER}: socbot reads its embedded workspace. ` +
        'Set SOCBOT_PROVIDER=loganalytics to use Azure; checking the Azure settings anyway.',
    );
  }
  const problems = logAnalyticsConfigProblems(config);
  for (const problem of problems) bad(print, problem);
  if (problems.length > 0) return false;
  ok(
    print,
    `Configuration: workspace ${config.LOG_ANALYTICS_WORKSPACE_ID}, credential ${describeCredential(config)}, ` +
      `endpoint ${queryEndpoint(config)}, scope ${queryScope(config)}`,
  );
  return true;
}

async function checkSignIn(credential: TokenCredential, scope: string, context: ErrorContext, print: Print) {
  try {
    const token = await withTimeout(credential.getToken(scope), context.timeoutSeconds, 'Signing in');
    if (!token) throw new Error('the credential returned no token');
    ok(
      print,
      `Signed in to Microsoft Entra ID (token valid until ${new Date(token.expiresOnTimestamp).toISOString()})`,
    );
    return true;
  } catch (error) {
    const failure = isIdentityError(error) ? signInError(error, context) : toQueryError(error, context, false);
    bad(print, failure.message, failure.hint);
    return false;
  }
}

/** What each table probe row means, and what to do when it is missing. */
const expectations = [
  {
    table: 'SecurityAlert',
    eventId: null,
    what: 'alerts (SecurityAlert)',
    fix: 'Connect Microsoft Defender for Cloud / Defender XDR or enable Sentinel analytics rules; their alerts land in SecurityAlert.',
  },
  {
    table: 'SecurityEvent',
    eventId: 4688,
    what: 'process creation events (SecurityEvent 4688)',
    fix: 'Enable "Audit Process Creation" and "Include command line in process creation events" by group policy, and collect Security events with the Windows Security Events via AMA connector (Common or All events).',
  },
  {
    table: 'SecurityEvent',
    eventId: 4624,
    what: 'logon events (SecurityEvent 4624)',
    fix: 'Enable "Audit Logon" (success) and collect Security events with the Windows Security Events via AMA connector.',
  },
  {
    table: 'SecurityEvent',
    eventId: 4625,
    what: 'failed logon events (SecurityEvent 4625)',
    fix: 'Enable "Audit Logon" (failure); without failures on record this may also just mean there were none.',
  },
] as const;

/** Prints the result of the table probe; true when alerts and process events are there. */
function reportTables(rows: Record<string, unknown>[], print: Print): boolean {
  let usable = true;
  for (const expected of expectations) {
    const row = rows.find((r) => r.Table === expected.table && (r.EventID ?? null) === expected.eventId);
    const count = typeof row?.Rows === 'number' ? row.Rows : 0;
    if (count > 0) {
      const last = row?.Last instanceof Date ? `, last ${row.Last.toISOString()}` : '';
      ok(print, `${count} ${expected.what} in the last 30 days${last}`);
    } else if (expected.eventId === 4625) {
      warn(print, `No ${expected.what} in the last 30 days`, expected.fix);
    } else {
      usable = false;
      bad(print, `No ${expected.what} in the last 30 days`, expected.fix);
    }
  }
  return usable;
}

/**
 * Runs the checks and prints one line per check (✔ / ⚠ / ✘ with a fix). Resolves with the exit code: 0 when socbot
 * can investigate with this workspace, 1 otherwise.
 */
export async function runDoctor(
  config: LogAnalyticsConfig & { SOCBOT_PROVIDER?: string },
  print: Print,
  options: DoctorOptions = {},
): Promise<number> {
  print('socbot doctor: Azure Log Analytics');
  if (!checkConfiguration(config, print)) return 1;
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  const context: ErrorContext = {
    queryName: 'table probe',
    workspaceId: config.LOG_ANALYTICS_WORKSPACE_ID ?? '',
    credential: describeCredential(config),
    endpointHost: new URL(queryEndpoint(config)).host,
    timeoutSeconds,
    secrets: config.AZURE_CLIENT_SECRET ? [config.AZURE_CLIENT_SECRET] : [],
  };
  let credential: TokenCredential;
  try {
    credential = options.credential ?? createAzureCredential(config);
  } catch (error) {
    bad(
      print,
      isSocbotError(error) ? error.message : String(error),
      'Check SOCBOT_AZURE_CREDENTIAL and its variables.',
    );
    return 1;
  }
  if (!(await checkSignIn(credential, queryScope(config), context, print))) return 1;

  const client = createLogsClient(config, credential, options.policies);
  try {
    const answer = await withTimeout(
      client.queryWorkspace(
        context.workspaceId,
        readKqlFile('_table_probe'),
        { duration: 'P30D' },
        {
          serverTimeoutInSeconds: timeoutSeconds,
          requestOptions: { timeout: timeoutSeconds * 1000 },
        },
      ),
      timeoutSeconds,
      'The workspace check',
    );
    ok(print, `Workspace ${context.workspaceId} answers queries`);
    const tables = answer.status === LogsQueryResultStatus.PartialFailure ? answer.partialTables : answer.tables;
    return reportTables(tableToRows(tables[0], false), print) ? 0 : 1;
  } catch (error) {
    const failure = toQueryError(error, context, false);
    bad(print, failure.message, failure.hint);
    return 1;
  }
}
