/**
 * A fake Log Analytics query API on loopback, speaking the real wire format: `POST /v1/workspaces/{id}/query` with
 * `{query, timespan}` and a bearer token, answering `{tables: [{name, columns: [{name, type}], rows}]}`, partial
 * errors (`{tables, error}`), error bodies (`{error: {code, message, innererror}}`), Retry-After, slow answers.
 * The real `LogsQueryClient` reaches it through `redirectPolicy()`: the SDK's bearer policy refuses plain http, so
 * the endpoint stays https and a `perRetry` policy rewrites each request to the fake after the token is added.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExtraPolicies } from '../../src/data/loganalytics/logs-client.js';

/** One query the fake received. */
export interface FakeQuery {
  workspaceId: string;
  query: string;
  timespan: string | undefined;
  prefer: string | undefined;
  authorization: string | undefined;
}

/** What the fake answers: status (200), headers, a JSON body, and how long to wait first. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

export type FakeHandler = (request: FakeQuery) => FakeReply | Promise<FakeReply>;

/** A Kusto column of a response. */
export interface WireColumn {
  name: string;
  type: string;
}

/** `{name, columns, rows}`: one result table. */
export function wireTable(columns: WireColumn[], rows: unknown[][], name = 'PrimaryResult') {
  return { name, columns, rows };
}

/** A 200 body: tables, plus a partial error when given (Log Analytics' PartialError shape). */
export function queryBody(tables: ReturnType<typeof wireTable>[], partialError?: string) {
  if (!partialError) return { tables };
  return {
    tables,
    error: {
      code: 'PartialError',
      message: 'There were some errors when processing your query.',
      details: [
        {
          code: 'EngineError',
          message: 'Something went wrong processing your query on the server.',
          innererror: { code: '-2133196797', message: partialError, severity: 2, severityName: 'Error' },
        },
      ],
    },
  };
}

/** An error body as the API sends it with 4xx/5xx. */
export function errorBody(code: string, message: string, inner?: { code: string; message: string }) {
  return { error: { code, message, correlationId: '00000000-0000-0000-0000-000000000000', innererror: inner } };
}

/** A JS value as Log Analytics writes it in a row: datetimes as ISO text, empty strings for null strings. */
export function wireCell(value: unknown, type: string): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return type === 'string' ? '' : null;
  return value;
}

/** Row objects as wire rows, in the columns' order. */
export function wireRows(rows: readonly Record<string, unknown>[], columns: readonly WireColumn[]): unknown[][] {
  return rows.map((row) => columns.map((c) => wireCell(row[c.name], c.type)));
}

export interface FakeLogAnalytics {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  workspaceId: string;
  token: string;
  requests: FakeQuery[];
  /** Answers requests when no queued reply is left. */
  handler: FakeHandler;
  /** One-shot replies, used in order before the handler. */
  enqueue(...replies: FakeReply[]): void;
  /** Requests being answered right now, and the most at once so far. */
  concurrency: { now: number; max: number };
  /** The pipeline policy that sends the SDK's https requests to this fake. */
  redirectPolicy(): ExtraPolicies[number];
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (res.destroyed) return;
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
  res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const pathPattern = /^\/v1\/workspaces\/([^/]+)\/query$/;

/** Starts the fake on a free loopback port. */
export async function startFakeLogAnalytics(
  options: { workspaceId?: string; token?: string; handler?: FakeHandler } = {},
): Promise<FakeLogAnalytics> {
  const workspaceId = options.workspaceId ?? '11111111-2222-3333-4444-555555555555';
  const token = options.token ?? 'fake-access-token';
  const queued: FakeReply[] = [];
  const fake: Pick<FakeLogAnalytics, 'workspaceId' | 'token' | 'requests' | 'handler' | 'concurrency'> = {
    workspaceId,
    token,
    requests: [],
    handler: options.handler ?? ((): FakeReply => ({ body: queryBody([wireTable([], [])]) })),
    concurrency: { now: 0, max: 0 },
  };

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<FakeReply> {
    const match = pathPattern.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      return { status: 404, body: errorBody('PathNotFoundError', `The requested path does not exist`) };
    }
    const body = JSON.parse(await readBody(req)) as { query?: unknown; timespan?: unknown };
    const request: FakeQuery = {
      workspaceId: decodeURIComponent(match[1]!),
      query: String(body.query ?? ''),
      timespan: typeof body.timespan === 'string' ? body.timespan : undefined,
      prefer: typeof req.headers.prefer === 'string' ? req.headers.prefer : undefined,
      authorization: req.headers.authorization,
    };
    fake.requests.push(request);
    if (request.authorization !== `Bearer ${token}`) {
      return {
        status: 401,
        body: errorBody('InvalidTokenError', 'The provided authentication is not valid for this resource.'),
      };
    }
    if (request.workspaceId !== workspaceId) {
      return { status: 404, body: errorBody('WorkspaceNotFoundError', 'Workspace could not be found') };
    }
    const reply = queued.shift() ?? (await fake.handler(request));
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reply.delayMs);
        res.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return reply;
  }

  const server = createServer((req, res) => {
    fake.concurrency.now += 1;
    fake.concurrency.max = Math.max(fake.concurrency.max, fake.concurrency.now);
    answer(req, res)
      .then((reply) => send(res, reply))
      .catch((error: unknown) => send(res, { status: 500, body: errorBody('FakeError', String(error)) }))
      .finally(() => {
        fake.concurrency.now -= 1;
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return Object.assign(fake, {
    baseUrl,
    enqueue: (...replies: FakeReply[]) => queued.push(...replies),
    redirectPolicy: (): ExtraPolicies[number] => ({
      position: 'perRetry',
      policy: {
        name: 'fakeLogAnalyticsRedirect',
        sendRequest: (request, next) => {
          const url = new URL(request.url);
          request.url = `${baseUrl}${url.pathname}${url.search}`;
          request.allowInsecureConnection = true;
          return next(request);
        },
      },
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
