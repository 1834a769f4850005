/**
 * The Slack channel end to end on loopback: a real socbot core, the bot's express server with `mountSlack`, the
 * real Bolt app, and the fake Slack Web API it talks to. Logs are kept in memory for assertions.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { mountSlack, type SlackChannel, type SlackTuning } from '../../../src/channels/slack/mount-slack.js';
import type { AccessRules } from '../../../src/policy/authorize.js';
import { createServer } from '../../../src/server.js';
import { FakeSlackApi } from '../../fakes/slack-api-server.js';
import { createTestSocbot, type TestSocbot } from '../../helpers/test-socbot.js';
import { botUserId, teamId, testSigningSecret, testToken } from './slack-requests.js';

export interface SlackHarness {
  fake: FakeSlackApi;
  socbot: TestSocbot;
  slack: SlackChannel;
  /** The bot server's base URL (POST `${baseUrl}/slack/events`). */
  baseUrl: string;
  /** Parsed JSON log lines. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts everything; `rules` restrict who may ask (default: everyone). */
export async function startSlackHarness(
  options: { rules?: Partial<AccessRules>; tuning?: SlackTuning; events?: number } = {},
): Promise<SlackHarness> {
  const fake = await FakeSlackApi.start({ token: testToken, teamId, botUserId });
  const socbot = await createTestSocbot({ events: options.events ?? 5_000 });
  const logs: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'debug' },
    { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const app = createServer({
    answer: socbot.answer,
    health: socbot.health,
    images: socbot.images,
    audit: socbot.audit,
  });
  const slack = await mountSlack(app, {
    settings: {
      signingSecret: testSigningSecret,
      botToken: testToken,
      apiUrl: fake.apiUrl,
      rules: { tenants: [], teams: [], conversations: [], users: [], ...options.rules },
    },
    socbot,
    log,
    tuning: { messageIntervalMs: 0, retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 20 }, ...options.tuning },
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fake,
    socbot,
    slack,
    baseUrl,
    logs,
    async close() {
      await slack.idle();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await fake.close();
      await socbot.close();
    },
  };
}

/** The id of a real alert of the demo workspace (the top of `alerts last 7d`). */
export async function someAlertId(socbot: TestSocbot): Promise<string> {
  const sections = await socbot.answer('alerts last 7d', { correlationId: 'test-setup' });
  const table = sections.find((s) => s.id === 'alerts-top')?.blocks.find((b) => b.kind === 'table');
  const id = table?.kind === 'table' ? table.rows[0]?.id : undefined;
  if (!id) throw new Error('the demo workspace has no alert');
  return id;
}

/** The plain text of a message's header block (a Section's title), if it has one. */
export function headerOf(message: { blocks: unknown[] }): string | undefined {
  const header = message.blocks.find(
    (block): block is { type: 'header'; text: { text: string } } =>
      typeof block === 'object' && block !== null && (block as { type?: unknown }).type === 'header',
  );
  return header?.text.text;
}

/** Every button (`value` = command) in a message. */
export function buttonsOf(message: { blocks: unknown[] }): { actionId: string; value: string }[] {
  return message.blocks.flatMap((block) => {
    const elements = (block as { type?: string; elements?: unknown[] }).elements;
    if ((block as { type?: string }).type !== 'actions' || !Array.isArray(elements)) return [];
    return elements.map((e) => ({
      actionId: String((e as { action_id?: unknown }).action_id),
      value: String((e as { value?: unknown }).value),
    }));
  });
}
