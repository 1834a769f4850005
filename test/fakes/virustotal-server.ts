/**
 * A fake VirusTotal API v3 on loopback, speaking the real wire format: `GET /api/v3/{ip_addresses|domains|urls|
 * files}/{id}` with the `x-apikey` header, answering `{ data: { id, type, attributes } }`, error bodies
 * `{ error: { code, message } }` (401 WrongCredentialsError, 404 NotFoundError, 429 QuotaExceededError with an
 * optional Retry-After), and slow answers. It records every request (path, key header) for the tests to check.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface FakeVtRequest {
  method: string;
  /** The path after `/api/v3`, e.g. `/ip_addresses/1.2.3.4`. */
  path: string;
  apiKey: string | undefined;
}

/** A scripted answer: status, headers, JSON body, and how long to wait first. */
export interface FakeVtReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
}

/** A v3 object as `data` carries it. */
export interface VtObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  links?: Record<string, string>;
}

export interface FakeVirusTotal {
  /** The API base to configure: `http://127.0.0.1:<port>/api/v3`. */
  baseUrl: string;
  requests: FakeVtRequest[];
  /** Stores an object under its API path (`/ip_addresses/1.2.3.4`, `/urls/<base64url>`…). */
  put(path: string, object: VtObject): void;
  /** Answers the next requests with these replies, in order, before falling back to the stored objects. */
  script(...replies: FakeVtReply[]): void;
  close(): Promise<void>;
}

/** `last_analysis_stats` with zeros filled in. */
export function analysisStats(counts: Partial<Record<string, number>> = {}) {
  return { harmless: 0, malicious: 0, suspicious: 0, undetected: 0, timeout: 0, ...counts };
}

/** An error body as VirusTotal sends it. */
export function vtError(code: string, message: string) {
  return { error: { code, message } };
}

/** An IP address object. */
export function ipObject(ip: string, stats: Partial<Record<string, number>>, attributes: Record<string, unknown> = {}) {
  return { id: ip, type: 'ip_address', attributes: { last_analysis_stats: analysisStats(stats), ...attributes } };
}

/** A domain object. */
export function domainObject(domain: string, stats: Partial<Record<string, number>>, attributes = {}) {
  return { id: domain, type: 'domain', attributes: { last_analysis_stats: analysisStats(stats), ...attributes } };
}

/** A URL object: VirusTotal's id of a URL is a SHA-256 (here of the URL itself). */
export function urlObject(url: string, stats: Partial<Record<string, number>>, attributes = {}) {
  const id = createHash('sha256').update(url).digest('hex');
  return { id, type: 'url', attributes: { url, last_analysis_stats: analysisStats(stats), ...attributes } };
}

/** A file object, found by any of its hashes. */
export function fileObject(sha256: string, stats: Partial<Record<string, number>>, attributes = {}) {
  return { id: sha256, type: 'file', attributes: { sha256, last_analysis_stats: analysisStats(stats), ...attributes } };
}

function send(response: ServerResponse, reply: FakeVtReply): void {
  response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
  response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}

/** Starts the fake; every request must carry `apiKey` in `x-apikey` or gets VirusTotal's 401. */
export async function startFakeVirusTotal(options: { apiKey: string }): Promise<FakeVirusTotal> {
  const objects = new Map<string, VtObject>();
  const scripted: FakeVtReply[] = [];
  const requests: FakeVtRequest[] = [];

  function answer(request: IncomingMessage): FakeVtReply {
    const header = request.headers['x-apikey'];
    const apiKey = Array.isArray(header) ? header[0] : header;
    const path = (request.url ?? '').replace(/^\/api\/v3/, '').split('?')[0] ?? '';
    requests.push({ method: request.method ?? '', path, apiKey });
    if (!apiKey) return { status: 401, body: vtError('AuthenticationRequiredError', 'X-Apikey header is missing') };
    if (apiKey !== options.apiKey) return { status: 401, body: vtError('WrongCredentialsError', 'Wrong API key') };
    const next = scripted.shift();
    if (next) return next;
    const object = objects.get(path);
    if (object) return { body: { data: object } };
    const id = decodeURIComponent(path.split('/').pop() ?? '');
    return { status: 404, body: vtError('NotFoundError', `Resource "${id}" not found`) };
  }

  const server = createServer((request, response) => {
    const reply = answer(request);
    if (reply.delayMs) {
      const timer = setTimeout(() => send(response, reply), reply.delayMs);
      response.on('close', () => clearTimeout(timer));
    } else send(response, reply);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v3`,
    requests,
    put: (path, object) => objects.set(path, object),
    script: (...replies) => scripted.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
