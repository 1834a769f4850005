/**
 * Slack end to end: the real Bolt app on the bot's express server, talking to a fake Slack Web API, driven by signed
 * requests as Slack sends them. `/socbot investigate` (ack, header, progress updated, every step in the thread,
 * images uploaded), a button continuing it, a `tree` follow-up, a re-delivered event, one audit entry per command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, headerOf, type SlackHarness, someAlertId, startSlackHarness } from './slack-harness.js';
import { botUserId, buttonClick, eventCallback, sendToSlackEvents, slashCommand } from './slack-requests.js';

const channel = 'C0SOC';
const analyst = 'U0ANALYST';

describe('Slack: investigate in a thread', () => {
  let h: SlackHarness;
  let alertId: string;
  let headerTs: string;
  let clicked: string;

  beforeAll(async () => {
    h = await startSlackHarness();
    alertId = await someAlertId(h.socbot);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('/socbot investigate: acks at once, then posts the header, a progress message and every step in its thread', async () => {
    const request = slashCommand(`investigate ${alertId}`, {
      user: analyst,
      channel,
      responseUrl: h.fake.responseUrl('slash-1'),
    });
    const response = await sendToSlackEvents(h.baseUrl, request);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`Working on \`investigate ${alertId}\``);
    // The ack comes before any work: nothing is answered (nor audited) yet.
    expect(await h.socbot.audit.recent(1)).toEqual([]);
    await h.slack.idle();

    const header = h.fake.messages.find((m) => m.channel === channel && !m.threadTs);
    expect(header?.text).toBe(`<@${analyst}> asked socbot: \`investigate ${alertId}\``);
    headerTs = header!.ts;
    const thread = h.fake.thread(channel, headerTs);
    // The progress message comes first and is updated in place until every step is done.
    const progress = thread[0]!;
    expect(progress.updates).toBeGreaterThan(0);
    expect(progress.text).toMatch(/^Investigating: (\d+)\/\1$/);

    const expected = await h.socbot.answer(`investigate ${alertId}`, { correlationId: 'expected' });
    const titles = thread.slice(1).map(headerOf);
    expect(titles).toHaveLength(expected.length);
    expect(new Set(titles)).toEqual(new Set(expected.map((s) => s.title)));
    expect(thread.slice(1).every((m) => m.text.length > 0 && m.blocks.length > 0)).toBe(true);
  });

  it('uploads the charts and graphs into the thread (no public URL is configured)', () => {
    const urlCalls = h.fake.callsOf('files.getUploadURLExternal');
    expect(urlCalls.length).toBeGreaterThan(0);
    expect(h.fake.uploads).toHaveLength(urlCalls.length);
    for (const upload of h.fake.uploads) expect(upload.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(urlCalls.every((call) => Number(call.params.length) > 1000 && String(call.params.alt_text).length > 0)).toBe(
      true,
    );
    const completes = h.fake.callsOf('files.completeUploadExternal');
    expect(completes).toHaveLength(urlCalls.length);
    expect(completes.every((c) => c.params.channel_id === channel && c.params.thread_ts === headerTs)).toBe(true);
  });

  it('sends every Web API call with the bot token, as a form body', () => {
    const posts = h.fake.callsOf('chat.postMessage');
    expect(posts.every((c) => c.authorization === 'Bearer xoxb-1-socbot-test-token')).toBe(true);
    expect(posts.every((c) => c.contentType.startsWith('application/x-www-form-urlencoded'))).toBe(true);
    expect(posts.every((c) => c.params.unfurl_links === 'false')).toBe(true);
  });

  it('a button click runs its command in the same thread', async () => {
    const withTree = h.fake
      .thread(channel, headerTs)
      .find((m) => buttonsOf(m).some((b) => b.value.startsWith('tree ')));
    const button = buttonsOf(withTree!).find((b) => b.value.startsWith('tree '))!;
    clicked = button.value;
    expect(button.actionId).toMatch(/^socbot_command:\d+$/);
    const before = h.fake.thread(channel, headerTs).length;
    const request = buttonClick(button.value, {
      user: analyst,
      channel,
      messageTs: withTree!.ts,
      threadTs: headerTs,
      responseUrl: h.fake.responseUrl('click-1'),
    });
    const response = await sendToSlackEvents(h.baseUrl, request);
    expect(response.status).toBe(200);
    await h.slack.idle();
    const added = h.fake.thread(channel, headerTs).slice(before);
    expect(added.map(headerOf)).toEqual([expect.stringMatching(/^Process tree of /)]);
  });

  it('a bare `tree` mentioned in the thread reuses the investigation’s alert', async () => {
    const before = h.fake.thread(channel, headerTs).length;
    const mention = eventCallback(
      {
        type: 'app_mention',
        user: analyst,
        text: `<@${botUserId}> tree`,
        ts: '1700000999.000100',
        thread_ts: headerTs,
        channel,
        team: 'T0TEST',
      },
      'Ev0FOLLOWUP',
    );
    expect((await sendToSlackEvents(h.baseUrl, mention)).status).toBe(200);
    await h.slack.idle();
    const added = h.fake.thread(channel, headerTs).slice(before);
    expect(added.map(headerOf)).toEqual([expect.stringMatching(/^Process tree of /)]);
    const [latest] = await h.socbot.audit.recent(1);
    expect(latest?.command).toBe(`tree ${alertId}`);
  });

  it('a re-delivered event (X-Slack-Retry-Num: 1) does not start a second investigation', async () => {
    const mention = eventCallback(
      { type: 'app_mention', user: analyst, text: `<@${botUserId}> help`, ts: '1700001000.000100', channel },
      'Ev0RETRIED',
    );
    const auditBefore = (await h.socbot.audit.recent(100)).length;
    const postsBefore = h.fake.callsOf('chat.postMessage').length;
    expect((await sendToSlackEvents(h.baseUrl, mention)).status).toBe(200);
    expect((await sendToSlackEvents(h.baseUrl, mention, { retryNum: 1 })).status).toBe(200);
    await h.slack.idle();
    expect((await h.socbot.audit.recent(100)).length).toBe(auditBefore + 1);
    const posts = h.fake.callsOf('chat.postMessage').slice(postsBefore);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p.params.thread_ts === '1700001000.000100')).toBe(true);
    expect(h.logs.some((l) => l.msg === 'Slack re-delivery ignored' && l.retryNum === 1)).toBe(true);
  });

  it('answers a direct message in its thread, once even when it also arrives as a mention; ignores its own posts', async () => {
    const dm = { user: analyst, text: 'help', ts: '1700004000.000100', channel: 'D0DM', channel_type: 'im' };
    await sendToSlackEvents(h.baseUrl, eventCallback({ type: 'message', ...dm }, 'Ev0DM'));
    await sendToSlackEvents(h.baseUrl, eventCallback({ type: 'app_mention', ...dm }, 'Ev0DMMENTION'));
    const own = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      bot_id: 'B0SOCBOT',
      text: 'help',
      ts: '1700004001.000100',
    };
    await sendToSlackEvents(h.baseUrl, eventCallback(own, 'Ev0OWN'));
    await h.slack.idle();
    const replies = h.fake.thread('D0DM', dm.ts);
    expect(replies.map(headerOf)).toEqual([expect.stringMatching(/command/i)]);
    expect(h.fake.thread('D0DM', own.ts)).toEqual([]);
  });

  it('audits one entry per command, with the Slack actor', async () => {
    const entries = (await h.socbot.audit.recent(100)).reverse();
    expect(entries.map((e) => e.command)).toEqual([
      `investigate ${alertId}`,
      clicked,
      `tree ${alertId}`,
      'help',
      'help',
    ]);
    expect(entries.every((e) => e.outcome === 'answered')).toBe(true);
    expect(entries[0]?.actor).toMatchObject({
      channel: 'slack',
      userId: analyst,
      tenantId: 'T0TEST',
      conversationId: channel,
    });
    expect(new Set(entries.map((e) => e.correlationId)).size).toBe(entries.length);
  });

  it('remembers the channel for proactive posts', async () => {
    expect(await h.socbot.conversations.get('slack', channel)).toMatchObject({
      conversationId: channel,
      reference: { channel, team: 'T0TEST' },
    });
  });
});
