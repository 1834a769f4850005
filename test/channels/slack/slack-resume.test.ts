/**
 * Nothing accepted is lost: a Slack command is in the inbox while it is answered and leaves it once answered; one a
 * previous run accepted and never answered (a crash) is answered at start-up in its thread, after a note saying why
 * it comes late; one that already cut two runs short is not run again, and its asker is told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resumeOpenCommands } from '../../../src/channels/resume-commands.js';
import { createLogger } from '../../../src/logger.js';
import type { Actor } from '../../../src/policy/actor.js';
import { type SlackHarness, someAlertId, startSlackHarness } from './slack-harness.js';
import { sendToSlackEvents, slashCommand, teamId } from './slack-requests.js';

const channel = 'C0SOC';
const analyst = 'U0ANALYST';
const actor: Actor = { channel: 'slack', userId: analyst, conversationId: channel, tenantId: teamId };
const longAgo = new Date('2000-01-01T00:00:00Z');

describe('Slack: commands cut short by a restart', () => {
  let h: SlackHarness;
  let alertId: string;

  beforeAll(async () => {
    h = await startSlackHarness();
    alertId = await someAlertId(h.socbot);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps a live command in the inbox only until it is answered', async () => {
    const response = await sendToSlackEvents(
      h.baseUrl,
      slashCommand(`alert ${alertId}`, { user: analyst, channel, responseUrl: h.fake.responseUrl('live') }),
    );
    expect(response.status).toBe(200);
    await h.slack.idle();
    const [entry] = await h.socbot.audit.recent(1);
    expect(entry?.outcome).toBe('answered');
    expect(await h.socbot.inbox.open(longAgo)).toEqual([]);
  });

  it('answers, in its thread, a command the previous run accepted and never answered', async () => {
    const threadTs = '1790000000.000100';
    await h.socbot.inbox.accept({
      correlationId: 'crashed-1',
      channel: 'slack',
      actor,
      text: `alert ${alertId}`,
      replyTo: { channel, threadTs },
      acceptedAt: new Date(),
    });
    const resumed = await resumeOpenCommands({
      inbox: h.socbot.inbox,
      channels: { slack: h.slack.resume },
      log: createLogger('silent'),
      now: new Date(),
    });
    expect(resumed).toBe(1);
    await h.slack.idle();

    const thread = h.fake.thread(channel, threadTs);
    expect(thread[0]?.text).toContain('socbot restarted while answering');
    expect(thread[0]?.text).toContain(`alert ${alertId}`);
    const expected = await h.socbot.answer(`alert ${alertId}`, { correlationId: 'expected' });
    expect(thread.length).toBe(1 + expected.length);
    expect(await h.socbot.inbox.open(longAgo)).toEqual([]);
    const [audited] = await h.socbot.audit.recent(1);
    expect(audited).toMatchObject({ correlationId: 'crashed-1', outcome: 'answered', actor });
  });

  it('does not start a third time a command that cut two runs short, and tells its asker', async () => {
    const threadTs = '1790000000.000200';
    const command = {
      correlationId: 'crashed-2',
      channel: 'slack' as const,
      actor,
      text: 'processes host HUGE01',
      replyTo: { channel, threadTs },
      acceptedAt: new Date(),
    };
    await h.socbot.inbox.accept(command);
    await h.socbot.inbox.accept(command);
    await resumeOpenCommands({
      inbox: h.socbot.inbox,
      channels: { slack: h.slack.resume },
      log: createLogger('silent'),
      now: new Date(),
    });
    await h.slack.idle();

    const thread = h.fake.thread(channel, threadTs);
    expect(thread).toHaveLength(1);
    expect(thread[0]?.text).toContain('restarted 2 times while answering');
    expect(await h.socbot.inbox.open(longAgo)).toEqual([]);
  });
});
