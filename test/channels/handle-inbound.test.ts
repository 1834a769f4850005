/**
 * What every channel does with a command, on the real core: answer and audit once; refuse politely outside the
 * allowlists; keep the command in the inbox exactly while it is being answered; and when posting fails, still
 * close it and audit the failure rather than lose it silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChannelReply, handleInbound, type InboundDeps } from '../../src/channels/handle-inbound.js';
import type { Section } from '../../src/core/section.js';
import { createLogger } from '../../src/logger.js';
import type { Actor } from '../../src/policy/actor.js';
import { createTestSocbot, type TestSocbot } from '../helpers/test-socbot.js';

const actor: Actor = { channel: 'slack', userId: 'U0ANALYST', conversationId: 'C0SOC', tenantId: 'T0TEST' };
const longAgo = new Date('2000-01-01T00:00:00Z');

/** A channel's reply that records what it was given, and how many commands were open in the inbox at the time. */
function recordingReply(socbot: TestSocbot, options: { failPosts?: boolean } = {}) {
  const posted: Section[] = [];
  const openWhilePosting: number[] = [];
  const reply: ChannelReply = {
    async post(sections) {
      openWhilePosting.push((await socbot.inbox.open(longAgo)).length);
      if (options.failPosts) throw new Error('the platform refused the message');
      posted.push(...sections);
    },
    async progress() {},
  };
  return { reply, posted, openWhilePosting };
}

describe('handleInbound', () => {
  let socbot: TestSocbot;
  let deps: InboundDeps;

  beforeAll(async () => {
    socbot = await createTestSocbot({ events: 5_000 });
    deps = {
      answer: socbot.answer,
      attachImages: async (sections) => sections,
      rules: { tenants: [], teams: [], conversations: ['C0SOC'], users: [] },
      audit: socbot.audit,
      log: createLogger('silent'),
      inbox: socbot.inbox,
    };
  });
  afterAll(async () => {
    await socbot?.close();
  });

  it('answers, audits once, and keeps the command in the inbox only while answering', async () => {
    const { reply, posted, openWhilePosting } = recordingReply(socbot);
    await handleInbound({ actor, text: 'help', correlationId: 'c-help', replyTo: { channel: 'C0SOC' } }, reply, deps);
    expect(posted[0]?.id).toBe('help');
    expect(openWhilePosting.every((open) => open === 1)).toBe(true);
    expect(await socbot.inbox.open(longAgo)).toEqual([]);
    const [entry] = await socbot.audit.recent(1);
    expect(entry).toMatchObject({ correlationId: 'c-help', outcome: 'answered', command: 'help', actor });
  });

  it('refuses someone outside the allowlist with no data, audits it, and keeps nothing in the inbox', async () => {
    const { reply, posted, openWhilePosting } = recordingReply(socbot);
    const stranger: Actor = { ...actor, conversationId: 'C0ELSEWHERE' };
    await handleInbound({ actor: stranger, text: 'alerts', correlationId: 'c-refused', replyTo: {} }, reply, deps);
    expect(posted.map((s) => s.problem?.code)).toEqual(['NotAuthorised']);
    expect(openWhilePosting).toEqual([0]);
    const [entry] = await socbot.audit.recent(1);
    expect(entry).toMatchObject({ correlationId: 'c-refused', outcome: 'refused' });
  });

  it('closes the command and audits the failure when nothing can be posted', async () => {
    const { reply } = recordingReply(socbot, { failPosts: true });
    await handleInbound({ actor, text: 'help', correlationId: 'c-lost', replyTo: { channel: 'C0SOC' } }, reply, deps);
    expect(await socbot.inbox.open(longAgo)).toEqual([]);
    const [entry] = await socbot.audit.recent(1);
    expect(entry).toMatchObject({ correlationId: 'c-lost', outcome: 'failed', detail: 'unexpected' });
  });
});
