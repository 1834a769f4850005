/**
 * A loopback Bot Framework connector (the Teams side of a bot's replies): accepts
 * `POST /v3/conversations/{id}/activities[/{replyToId}]` and `PUT /v3/conversations/{id}/activities/{activityId}`,
 * records every call with its body and Authorization header, answers `{ id }`, and can be told to fail the next
 * calls (429 with Retry-After, 5xx) to exercise a bot's retries.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** The activity fields tests look at; everything else is kept as sent. */
export const recordedActivitySchema = z.looseObject({
  type: z.string(),
  id: z.string().optional(),
  text: z.string().optional(),
  summary: z.string().optional(),
  replyToId: z.string().optional(),
  attachments: z
    .array(z.looseObject({ contentType: z.string(), content: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
});

export type RecordedActivity = z.infer<typeof recordedActivitySchema>;

export interface ConnectorCall {
  /** `send`: POST to the conversation; `reply`: POST to an activity; `update`: PUT. */
  kind: 'send' | 'reply' | 'update';
  conversationId: string;
  /** The activity replied to (`reply`) or updated (`update`). */
  activityId?: string;
  activity: RecordedActivity;
  authorization?: string;
  /** The status the fake answered, and the activity id it returned (on success). */
  status: number;
  responseId?: string;
  /** `performance.now()` when the call arrived. */
  at: number;
}

/** A scripted failure for the next call (the next one `match` accepts, if given). */
export interface Failure {
  status: number;
  retryAfterSeconds?: number;
  match?: (activity: RecordedActivity) => boolean;
}

const routePattern = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/** The fake connector; `url` is the serviceUrl to put in inbound activities. */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly failures: Failure[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly listeners = new Set<(call: ConnectorCall) => void>();
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts a connector on a free loopback port. */
  static async start(): Promise<FakeBotConnector> {
    let connector: FakeBotConnector | undefined;
    const server = createServer((req, res) => {
      void connector?.handle(req, res);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    connector = new FakeBotConnector(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return connector;
  }

  /** Makes the next (matching) calls fail, one failure per call, in order. */
  failNext(...failures: Failure[]): void {
    this.failures.push(...failures);
  }

  /** Calls `listener` with every call as it arrives (benchmarks time replies this way). */
  onCall(listener: (call: ConnectorCall) => void): void {
    this.listeners.add(listener);
  }

  /** Calls in one conversation (thread), in arrival order. */
  callsIn(conversationId: string): ConnectorCall[] {
    return this.calls.filter((call) => call.conversationId === conversationId);
  }

  /** Resolves once `predicate` holds for the recorded calls (checked on every call); rejects after `timeoutMs`. */
  async waitFor(predicate: (calls: readonly ConnectorCall[]) => boolean, timeoutMs = 20_000): Promise<void> {
    if (predicate(this.calls)) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate(this.calls)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`connector: condition not met in ${timeoutMs} ms (${this.calls.length} calls)`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const path = new URL(req.url ?? '/', 'http://connector').pathname;
    const match = routePattern.exec(path);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT') || (req.method === 'PUT' && !match[2])) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFound"}}');
      return;
    }
    const parsed = recordedActivitySchema.safeParse(await readJson(req));
    if (!parsed.success) {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"BadArgument"}}');
      return;
    }
    const failureIndex = this.failures.findIndex((f) => !f.match || f.match(parsed.data));
    const failure = failureIndex >= 0 ? this.failures.splice(failureIndex, 1)[0] : undefined;
    const status = failure?.status ?? 200;
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const responseId = failure
      ? undefined
      : req.method === 'PUT' && activityId
        ? activityId
        : `activity-${this.nextId++}`;
    const call: ConnectorCall = {
      kind: req.method === 'PUT' ? 'update' : activityId ? 'reply' : 'send',
      conversationId: decodeURIComponent(match[1]!),
      ...(activityId ? { activityId } : {}),
      activity: parsed.data,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      status,
      ...(responseId ? { responseId } : {}),
      at,
    };
    this.calls.push(call);
    for (const listener of this.listeners) listener(call);
    if (failure) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfterSeconds !== undefined) headers['retry-after'] = String(failure.retryAfterSeconds);
      res.writeHead(failure.status, headers).end(JSON.stringify({ error: { code: 'Throttled', message: 'fake' } }));
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: responseId }));
    }
    for (const waiter of [...this.waiters]) waiter();
  }
}
