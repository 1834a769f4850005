/**
 * Slack's guards end to end: unsigned, forged and replayed requests get 401 (Bolt's verification, kept on); users
 * outside the allowlists get a polite refusal only they see, with no data; a 429 from Slack is retried after its
 * Retry-After; a message Slack still refuses is logged with the command's correlation id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';
import { botUserId, eventCallback, sendToSlackEvents, slashCommand } from './slack-requests.js';

const channel = 'C0SOC';
const analyst = 'U0ANALYST';
const intruder = 'U0INTRUDER';

describe('Slack: guards', () => {
  let h: SlackHarness;

  beforeAll(async () => {
    h = await startSlackHarness({ rules: { users: [analyst] } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const help = (responseId: string, user = analyst) =>
    slashCommand('help', { user, channel, responseUrl: h.fake.responseUrl(responseId) });

  it('rejects unsigned, forged and replayed requests with 401, before any work', async () => {
    const callsBefore = h.fake.calls.length;
    expect((await sendToSlackEvents(h.baseUrl, help('unsigned'), { sign: false })).status).toBe(401);
    expect((await sendToSlackEvents(h.baseUrl, help('forged'), { secret: 'not-the-signing-secret' })).status).toBe(401);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect((await sendToSlackEvents(h.baseUrl, help('replayed'), { timestamp: tenMinutesAgo })).status).toBe(401);
    await h.slack.idle();
    expect(h.fake.calls.length).toBe(callsBefore);
    expect(await h.socbot.audit.recent(10)).toEqual([]);
  });

  it('refuses a user outside the allowlist politely, only to them, with no data', async () => {
    const response = await sendToSlackEvents(
      h.baseUrl,
      slashCommand('alerts last 7d', {
        user: intruder,
        channel,
        responseUrl: h.fake.responseUrl('intruder'),
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await h.slack.idle();
    const [refusal] = h.fake.callsOf('response_url');
    expect(refusal?.params).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Not allowed') });
    expect(JSON.stringify(refusal?.params)).not.toMatch(/alerts of|investigate /);
    expect(h.fake.callsOf('chat.postMessage')).toEqual([]);
    const [entry] = await h.socbot.audit.recent(1);
    expect(entry).toMatchObject({ command: 'alerts last 7d', outcome: 'refused', actor: { userId: intruder } });
  });

  it('refuses a mention from a user outside the allowlist with an ephemeral message in the thread', async () => {
    const mention = eventCallback(
      { type: 'app_mention', user: intruder, text: `<@${botUserId}> alerts`, ts: '1700002000.000100', channel },
      'Ev0INTRUDER',
    );
    expect((await sendToSlackEvents(h.baseUrl, mention)).status).toBe(200);
    await h.slack.idle();
    const [ephemeral] = h.fake.callsOf('chat.postEphemeral');
    expect(ephemeral?.params).toMatchObject({ channel, user: intruder, thread_ts: '1700002000.000100' });
    expect(String(ephemeral?.params.text)).toContain('Not allowed');
    expect(h.fake.callsOf('chat.postMessage')).toEqual([]);
  });

  it('retries a message Slack rate-limited (429) after its Retry-After', async () => {
    h.fake.rateLimitNext('chat.postMessage', 1);
    const before = h.fake.callsOf('chat.postMessage').length;
    expect((await sendToSlackEvents(h.baseUrl, help('rate-limited'))).status).toBe(200);
    await h.slack.idle();
    const [limited, retried] = h.fake.callsOf('chat.postMessage').slice(before);
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    expect(retried?.params.text).toBe(limited?.params.text);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1000);
    expect(h.fake.messages.some((m) => m.text === `<@${analyst}> asked socbot: \`help\``)).toBe(true);
  });

  it('logs a message Slack still refuses with its correlation id, and goes on with the rest', async () => {
    const mention = eventCallback(
      { type: 'app_mention', user: analyst, text: `<@${botUserId}> help`, ts: '1700003000.000100', channel },
      'Ev0LOST',
    );
    h.fake.failNext('chat.postMessage', 'msg_blocks_too_long');
    await sendToSlackEvents(h.baseUrl, mention);
    await h.slack.idle();
    const lost = h.logs.find((l) => l.msg === 'Slack did not take a message' && l.slackError === 'msg_blocks_too_long');
    expect(lost?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const [entry] = await h.socbot.audit.recent(1);
    expect(entry?.correlationId).toBe(lost?.correlationId);
  });

  it('tells the user when it cannot post in the channel, and audits it', async () => {
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    await sendToSlackEvents(h.baseUrl, help('private'));
    await h.slack.idle();
    const answer = h.fake.callsOf('response_url').at(-1);
    expect(answer?.params.text).toMatch(/cannot post in this conversation/);
    const [entry] = await h.socbot.audit.recent(1);
    expect(entry).toMatchObject({
      command: 'help',
      outcome: 'failed',
      detail: 'slack: cannot post in this conversation',
    });
  });
});
