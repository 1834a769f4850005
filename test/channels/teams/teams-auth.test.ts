/**
 * With an app id configured, `/api/messages` accepts only requests carrying a valid token for that app id: the
 * Agents SDK's JWT middleware checks it against a signing key set (here a local one, served over loopback, with
 * tokens signed by a key this test made). Anything else is a 401 and never reaches socbot.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connections } from '@microsoft/agents-hosting';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountTeams, type TeamsChannel } from '../../../src/channels/teams/mount-teams.js';
import { section } from '../../../src/core/section.js';
import { createLogger } from '../../../src/logger.js';
import type { AuditEntry } from '../../../src/policy/audit.js';
import type { StoredConversation } from '../../../src/store/conversation-store.js';
import { FakeBotConnector } from '../../fakes/bot-connector-server.js';
import { deliver, message, personalChat } from './teams-fixtures.js';

const appId = '3f1b7c52-9d7e-4a0b-8a55-2c1c7f0e9a11';
const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const kid = 'socbot-test-key';
const botToken = 'bot-token-from-entra';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function jwt(claims: Record<string, unknown>, key: KeyObject): string {
  const unsigned = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${base64url(sign('RSA-SHA256', Buffer.from(unsigned), key))}`;
}

/** Token-provider stand-in: the bot's own outgoing token would come from Entra (MSAL); not reachable in a test. */
function fakeConnections(): Connections {
  const provider = {
    getAccessToken: async () => botToken,
    getAgenticApplicationToken: async () => botToken,
    getAgenticInstanceToken: async () => botToken,
    getAgenticUserToken: async () => botToken,
    acquireTokenOnBehalfOf: async () => botToken,
  };
  return {
    getConnection: () => provider,
    getDefaultConnection: () => provider,
    getTokenProvider: () => provider,
    getTokenProviderFromActivity: () => provider,
    getDefaultConnectionConfiguration: () => ({ clientId: appId }),
  };
}

describe('Teams endpoint with an app id: JWT validation on', () => {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: Server;
  let bot: Server;
  let botUrl: string;
  let connector: FakeBotConnector;
  let teams: TeamsChannel;
  const asked: string[] = [];
  const audit: AuditEntry[] = [];
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown> = {}) => ({
    aud: appId,
    iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
    tid: tenant,
    serviceurl: connector.url,
    iat: now() - 60,
    nbf: now() - 60,
    exp: now() + 3600,
    ...extra,
  });

  beforeAll(async () => {
    // The signing key set, where the SDK looks for it: {authority}/discovery/v2.0/keys.
    const jwk = { ...signing.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
    keys = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    keys.listen(0, '127.0.0.1');
    await once(keys, 'listening');
    connector = await FakeBotConnector.start();
    const app = express();
    const conversations = new Map<string, StoredConversation>();
    teams = mountTeams(app, {
      socbot: {
        answer: async (text) => {
          asked.push(text);
          return [section({ id: 'help', title: 'socbot commands' })];
        },
        images: { attach: async (sections) => sections },
        audit: { append: async (entry) => void audit.push(entry), recent: async () => [...audit].reverse() },
        conversations: {
          save: async (c) => void conversations.set(c.conversationId, c),
          get: async (_channel, id) => conversations.get(id),
          list: async () => [...conversations.values()],
        },
      },
      settings: {
        credentials: { clientId: appId, clientSecret: 'not-used-here', tenantId: tenant },
        rules: { tenants: [], teams: [], conversations: [], users: [] },
      },
      log: createLogger('silent'),
      auth: { authorityEndpoint: `http://127.0.0.1:${(keys.address() as AddressInfo).port}/${tenant}` },
    });
    teams.adapter.connectionManager = fakeConnections();
    bot = app.listen(0, '127.0.0.1');
    await once(bot, 'listening');
    botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await teams?.idle();
    await new Promise((resolve) => bot?.close(resolve));
    await new Promise((resolve) => keys?.close(resolve));
    await connector?.close();
  });

  const refusals: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['a garbage bearer token', () => 'Bearer not.a.jwt'],
    ['a token signed by another key', () => `Bearer ${jwt(claims(), other.privateKey)}`],
    ['a token for another app id', () => `Bearer ${jwt(claims({ aud: 'another-app' }), signing.privateKey)}`],
    ['an expired token', () => `Bearer ${jwt(claims({ exp: now() - 3600 }), signing.privateKey)}`],
    ['a Basic credential', () => `Basic ${base64url('user:password')}`],
  ];

  it.each(refusals)('rejects %s with 401, before socbot sees anything', async (_name, token) => {
    const chat = personalChat();
    const response = await deliver(botUrl, message(connector.url, chat, 'help'), token());
    expect(response.status).toBe(401);
    await teams.idle();
    expect(asked).toEqual([]);
    expect(connector.callsIn(chat.conversationId)).toEqual([]);
    expect(audit).toEqual([]);
  });

  it('accepts a valid token for the app id and answers with the bot’s own token', async () => {
    const chat = personalChat();
    const response = await deliver(
      botUrl,
      message(connector.url, chat, 'help'),
      `Bearer ${jwt(claims(), signing.privateKey)}`,
    );
    expect(response.status).toBe(200);
    await teams.idle();
    expect(asked).toEqual(['help']);
    const replies = connector.callsIn(chat.conversationId);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((call) => call.authorization === `Bearer ${botToken}`)).toBe(true);
    expect(audit).toHaveLength(1);
  });
});
