/**
 * The local chat page in a real headless Chromium: the Adaptive Cards SDK renders socbot's answers, a typed
 * command and a card button both work. Screenshots go to test/artifacts/ (look at them).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../../src/core/section.js';
import { createServer } from '../../../src/server.js';
import { createTestSocbot, type TestSocbot } from '../../helpers/test-socbot.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = new URL('../../artifacts/', import.meta.url);
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`${chromiumPath} not found (apt-get install chromium): browser tests skipped`);

describe.skipIf(!hasChromium)('local chat page in Chromium', () => {
  let socbot: TestSocbot;
  let server: Server;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    socbot = await createTestSocbot();
    server = createServer({
      answer: socbot.answer,
      health: socbot.health,
      images: socbot.images,
      audit: socbot.audit,
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await socbot?.close();
  });

  async function sendAndWait(text: string): Promise<void> {
    const before = await page.locator('.message.bot').count();
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
    await page.locator('.message.bot').nth(before).locator('.card').first().waitFor({ timeout: 20_000 });
  }

  async function screenshot(name: string): Promise<void> {
    const file = new URL(`${name}.png`, artifacts);
    await page.screenshot({ path: file.pathname, fullPage: true });
    // A blank page compresses to almost nothing; a rendered card is tens of kilobytes.
    expect(statSync(file).size).toBeGreaterThan(15_000);
  }

  it('greets with the help card', async () => {
    await page.goto(baseUrl);
    await page.locator('.message.bot .card').first().waitFor({ timeout: 20_000 });
    await expect(page.locator('.message.bot').first().textContent()).resolves.toContain('socbot commands');
    await screenshot('chat-help');
  });

  it('answers `alerts` with the counts and the top alerts, rendered as Adaptive Cards', async () => {
    await sendAndWait('alerts last 7d');
    const reply = page.locator('.message.bot').last();
    const text = await reply.textContent();
    expect(text).toMatch(/\d+ alerts? of \d+ types?/);
    expect(text).toContain('Top ');
    expect(await reply.locator('.ac-adaptiveCard').count()).toBeGreaterThanOrEqual(2);
    await screenshot('chat-alerts');
  });

  it('answers `alert <id>` with properties and entities, and its buttons run commands', async () => {
    const listed: Section[] = await socbot.answer('alerts last 7d severity high', { correlationId: 'test' });
    const table = listed.find((s) => s.id === 'alerts-top')?.blocks.find((b) => b.kind === 'table');
    const alertId = table?.kind === 'table' ? table.rows[0]?.id : undefined;
    expect(alertId).toBeTruthy();
    await sendAndWait(`alert ${alertId}`);
    const reply = page.locator('.message.bot').last();
    const text = await reply.textContent();
    expect(text).toContain('Extended properties');
    expect(text).toContain('Entities');
    expect(text).toContain(String(alertId));
    await screenshot('chat-alert');

    const before = await page.locator('.message.bot').count();
    await reply.getByRole('button', { name: 'Related alerts' }).first().click();
    await page.locator('.message.bot').nth(before).locator('.card').first().waitFor({ timeout: 20_000 });
    await expect(page.locator('.message.user').last().textContent()).resolves.toBe(`related ${alertId}`);
  });

  it('answers an unknown alert id with a friendly card', async () => {
    await sendAndWait('alert does-not-exist');
    const text = await page.locator('.message.bot').last().textContent();
    expect(text).toContain('Alert not found');
    expect(text).toContain('alerts last 7d');
    await screenshot('chat-not-found');
  });
});
