/**
 * The local chat HTTP API in-process: POST /api/chat answers with Adaptive Cards, Markdown and Sections;
 * bad requests get a 400; /healthz reports the workspace.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../../src/channels/local/chat-endpoint.js';
import { createServer } from '../../../src/server.js';
import { createTestSocbot, type TestSocbot } from '../../helpers/test-socbot.js';

describe('local chat endpoint', () => {
  let socbot: TestSocbot;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    socbot = await createTestSocbot({ events: 5_000 });
    server = createServer({
      answer: socbot.answer,
      health: socbot.health,
      images: socbot.images,
      audit: socbot.audit,
      documents: socbot.documents,
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await socbot.close();
  });

  const chat = (body: unknown) =>
    fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers a command with Adaptive Cards 1.5 and Markdown', async () => {
    const response = await chat({ text: 'alerts last 7d' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ChatResponse;
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.cards).toHaveLength(2);
    expect(body.cards[0]).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(body.markdown).toContain('Top ');
    const actions = body.cards[1]?.actions as { type: string; data: { command: string } }[];
    expect(actions[0]?.type).toBe('Action.Submit');
    expect(actions[0]?.data.command).toMatch(/^investigate /);
  });

  it('draws charts as PNG images the bot serves itself', async () => {
    const body = (await (await chat({ text: 'alerts last 7d' })).json()) as ChatResponse;
    const images = JSON.stringify(body.cards).match(/\/charts\/[a-f0-9]{32}\.png/g) ?? [];
    expect(images.length).toBeGreaterThanOrEqual(2);
    const png = await fetch(`${base}${images[0]}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5_000);
    expect((await fetch(`${base}/charts/${'0'.repeat(32)}.png`)).status).toBe(404);
    expect((await fetch(`${base}/charts/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('audits every command of the local chat', async () => {
    await chat({ text: 'alert no-such-alert' });
    const [latest] = await socbot.audit.recent(1);
    expect(latest).toMatchObject({
      command: 'alert no-such-alert',
      outcome: 'failed',
      detail: 'AlertNotFound',
      actor: { channel: 'local', userId: 'local-user' },
    });
    expect(latest?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('rejects a malformed request with 400 and a hint', async () => {
    const response = await chat('{not json');
    expect(response.status).toBe(400);
    const wrongShape = await chat({ command: 'alerts' });
    expect(wrongShape.status).toBe(400);
    expect(await wrongShape.json()).toEqual({ error: 'Send JSON like {"text": "alerts"}.' });
  });

  it('serves the page, the card renderer and health', async () => {
    expect((await fetch(`${base}/`)).headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${base}/vendor/adaptivecards.min.js`)).status).toBe(200);
    const health = (await (await fetch(`${base}/healthz`)).json()) as {
      status: string;
      workspace: Record<string, number>;
    };
    expect(health.status).toBe('ok');
    expect(health.workspace.SecurityEvent).toBeGreaterThan(5_000);
  });

  it('links an exported document for download, as a file, never rendered on the bot’s origin', async () => {
    const alerts = (await (await chat({ text: 'alerts last 7d' })).json()) as ChatResponse;
    const alertId = /investigate ([\w-]+)/.exec(JSON.stringify(alerts.cards))?.[1];
    const body = (await (await chat({ text: `export ${alertId} html` })).json()) as ChatResponse;
    const link = /\/exports\/[a-f0-9]{32}\/[^)"\s]+/.exec(JSON.stringify(body.cards))?.[0];
    expect(link).toBeDefined();
    // The sections keep the document itself: `socbot ask "export …"` prints it when the server answers.
    const attached = body.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'attachment');
    expect(attached?.kind === 'attachment' ? attached.content : '').toContain(alertId);
    const download = await fetch(`${base}${link}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="?socbot-[^"]+\.html"?$/);
    expect(download.headers.get('content-security-policy')).toBe('sandbox');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(await download.text()).toContain(alertId);
    expect((await fetch(`${base}/exports/${'0'.repeat(32)}/x.md`)).status).toBe(404);
    expect((await fetch(`${base}/exports/..%2F..%2Fetc/passwd`)).status).toBe(404);
  });
});
