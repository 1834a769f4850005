/**
 * `npm start` as a deployment runs it: the real entry point in its own process, configured by environment only, with
 * Slack pointed at a loopback fake Web API. It generates its demo workspace, serves /healthz, answers a signed
 * slash command in a thread, and answers at start-up the command a crash left unanswered in the workspace file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/data/local/workspace.js';
import { duckdbCommandInbox, ensureCommandInboxSchema } from '../src/store/duckdb-command-inbox.js';
import {
  sendToSlackEvents,
  slashCommand,
  teamId,
  testSigningSecret,
  testToken,
} from './channels/slack/slack-requests.js';
import { FakeSlackApi } from './fakes/slack-api-server.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const channel = 'C0SOC';
const crashedThread = '1790000000.000300';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** Waits until `predicate` holds, polling; fails with `what` after `ms`. */
async function waitFor(predicate: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm start (src/main.ts) as a process', () => {
  let fake: FakeSlackApi;
  let bot: ChildProcess;
  let baseUrl: string;
  let dataDir: string;
  let output = '';

  beforeAll(async () => {
    fake = await FakeSlackApi.start({ token: testToken, teamId, botUserId: 'U0SOCBOT' });
    dataDir = mkdtempSync(path.join(tmpdir(), 'socbot-main-'));
    // A previous run accepted this command and died before answering it.
    const workspace = await openWorkspace(dataDir);
    await ensureCommandInboxSchema(workspace.connection);
    await duckdbCommandInbox(workspace.connection).accept({
      correlationId: 'crashed-before-restart',
      channel: 'slack',
      actor: { channel: 'slack', userId: 'U0ANALYST', conversationId: channel, tenantId: teamId },
      text: 'help',
      replyTo: { channel, threadTs: crashedThread },
      acceptedAt: new Date(),
    });
    workspace.close();

    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        SOCBOT_DATA_DIR: dataDir,
        SOCBOT_DEMO_EVENTS: '3000',
        SLACK_SIGNING_SECRET: testSigningSecret,
        SLACK_BOT_TOKEN: testToken,
        SLACK_API_URL: fake.apiUrl,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bot.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    bot.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitFor(() => output.includes('socbot is listening') || bot.exitCode !== null, 'the server to listen');
    expect(bot.exitCode, output).toBeNull();
  }, 60_000);

  afterAll(async () => {
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot.once('exit', resolve));
      bot.kill('SIGTERM');
      await exited;
    }
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('is healthy on its generated demo workspace, with Slack on', async () => {
    const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ provider: 'local' });
    expect(output).toContain('Slack channel on');
  });

  it('answers, at start-up and in its thread, the command a crash left unanswered', async () => {
    await waitFor(() => fake.thread(channel, crashedThread).length >= 2, 'the resumed answer', 20_000);
    const thread = fake.thread(channel, crashedThread);
    expect(thread[0]?.text).toContain('socbot restarted while answering');
    expect(thread[1]?.text.toLowerCase()).toContain('commands');
  });

  it('answers a signed slash command in a thread', async () => {
    const before = fake.messages.length;
    const response = await sendToSlackEvents(
      baseUrl,
      slashCommand('alerts last 30d', { user: 'U0ANALYST', channel, responseUrl: fake.responseUrl('main-1') }),
    );
    expect(response.status).toBe(200);
    await waitFor(() => fake.messages.length >= before + 3, 'the answer in Slack', 20_000);
    const header = fake.messages.slice(before).find((m) => !m.threadTs);
    expect(header?.text).toContain('alerts last 30d');
    expect(fake.thread(channel, header!.ts).length).toBeGreaterThan(0);
  });

  it('finishes the commands in flight and exits cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
  });
});
