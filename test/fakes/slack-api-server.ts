/**
 * A loopback Slack Web API speaking the real wire format: `POST /api/<method>` with form-urlencoded, JSON or
 * multipart bodies (as `@slack/web-api` sends them), Bearer-token checks (`invalid_auth`), `auth.test`,
 * `chat.postMessage` / `chat.update` / `chat.postEphemeral`, the three calls of `files.uploadV2`
 * (`files.getUploadURLExternal`, the POST to its `upload_url`, `files.completeUploadExternal`) and `response_url`
 * POSTs. Records everything; can answer 429 with Retry-After, or a Slack error, for the next calls of a method.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface SlackApiCall {
  /** The Web API method, or `upload` (file bytes) / `response_url`. */
  method: string;
  params: Record<string, unknown>;
  contentType: string;
  authorization?: string;
  /** The HTTP status the fake answered. */
  status: number;
  /** `performance.now()` when the call arrived. */
  at: number;
}

/** A message as the fake channel holds it (after updates). */
export interface FakeMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
  updates: number;
}

/** Bytes posted to an upload URL. */
export interface FakeUpload {
  fileId: string;
  bytes: Buffer;
}

/** Identity `auth.test` answers with. */
export interface FakeSlackIdentity {
  token: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
}

/** Fields sent as JSON strings inside form bodies. */
const jsonFields = new Set(['blocks', 'attachments', 'files', 'metadata']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseFormField(key: string, value: string): unknown {
  if (!jsonFields.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Parses a body the way Slack does: form, JSON or multipart (file parts become Buffers). */
async function parseBody(contentType: string, raw: Buffer): Promise<Record<string, unknown>> {
  if (contentType.startsWith('application/json'))
    return raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(raw),
    }).formData();
    const params: Record<string, unknown> = {};
    for (const [key, value] of form) {
      params[key] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer());
    }
    return params;
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) params[key] = parseFormField(key, value);
  return params;
}

/** The fake Web API; `apiUrl` (ends with `/`) goes into Bolt's `clientOptions.slackApiUrl`. */
export class FakeSlackApi {
  readonly calls: SlackApiCall[] = [];
  readonly messages: FakeMessage[] = [];
  readonly uploads: FakeUpload[] = [];
  private readonly scripted = new Map<string, ({ retryAfter: number } | { error: string })[]>();
  private seq = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly identity: FakeSlackIdentity,
  ) {}

  /** Starts the fake on a free loopback port. */
  static async start(identity: FakeSlackIdentity): Promise<FakeSlackApi> {
    let fake: FakeSlackApi | undefined;
    const server = createServer((req, res) => {
      void fake?.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    fake = new FakeSlackApi(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, identity);
    return fake;
  }

  /** The Web API base URL, with its trailing slash. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A `response_url` for a slash command or action payload. */
  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** The next `times` calls of `method` answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(method: string, retryAfterSeconds: number, times = 1): void {
    this.script(
      method,
      Array.from({ length: times }, () => ({ retryAfter: retryAfterSeconds })),
    );
  }

  /** The next call of `method` answers `{ ok: false, error }` (HTTP 200, as Slack does). */
  failNext(method: string, error: string): void {
    this.script(method, [{ error }]);
  }

  /** The calls of one method, in order. */
  callsOf(method: string): SlackApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Messages in the thread of `threadTs` (replies only), in order. */
  thread(channel: string, threadTs: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.threadTs === threadTs);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private script(method: string, outcomes: ({ retryAfter: number } | { error: string })[]): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...outcomes]);
  }

  private nextTs(): string {
    this.seq += 1;
    return `1700000000.${String(this.seq).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const contentType = req.headers['content-type'] ?? '';
    const params = await parseBody(contentType, await readBody(req));
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    const authorization = req.headers.authorization;
    const record = (method: string, status: number) =>
      this.calls.push({ method, params, contentType, status, at, ...(authorization ? { authorization } : {}) });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };

    if (path.startsWith('/response/')) {
      record('response_url', 200);
      json(200, { ok: true });
      return;
    }
    if (path.startsWith('/upload/')) {
      const fileId = path.slice('/upload/'.length);
      const file = Object.values(params).find((value): value is Buffer => Buffer.isBuffer(value));
      this.uploads.push({ fileId, bytes: file ?? Buffer.alloc(0) });
      record('upload', 200);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${file?.length ?? 0}`);
      return;
    }
    const method = /^\/api\/([\w.]+)$/.exec(path)?.[1] ?? 'unknown';
    const outcome = this.scripted.get(method)?.shift();
    if (outcome && 'retryAfter' in outcome) {
      record(method, 429);
      json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(outcome.retryAfter) });
      return;
    }
    record(method, 200);
    if (authorization !== `Bearer ${this.identity.token}`) {
      json(200, { ok: false, error: authorization ? 'invalid_auth' : 'not_authed' });
      return;
    }
    if (outcome) {
      json(200, { ok: false, error: outcome.error });
      return;
    }
    json(200, this.answer(method, params));
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const text = typeof params.text === 'string' ? params.text : '';
    const blocks = Array.isArray(params.blocks) ? params.blocks : [];
    const channel = String(params.channel ?? params.channel_id ?? '');
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://socbot-test.slack.com/',
          team: 'socbot test',
          user: 'socbot',
          team_id: this.identity.teamId ?? 'T0TEST',
          user_id: this.identity.botUserId ?? 'U0SOCBOT',
          bot_id: this.identity.botId ?? 'B0SOCBOT',
        };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const threadTs = typeof params.thread_ts === 'string' ? params.thread_ts : undefined;
        this.messages.push({ channel, ts, text, blocks, updates: 0, ...(threadTs ? { threadTs } : {}) });
        return { ok: true, channel, ts, message: { type: 'message', text, ts, bot_id: this.identity.botId } };
      }
      case 'chat.update': {
        const message = this.messages.find((m) => m.channel === channel && m.ts === params.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        Object.assign(message, { text, blocks, updates: message.updates + 1 });
        return { ok: true, channel, ts: message.ts, text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(this.seq++).padStart(8, '0')}`;
        return { ok: true, upload_url: `${this.baseUrl}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(params.files) ? (params.files as { id: string; title?: string }[]) : [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
