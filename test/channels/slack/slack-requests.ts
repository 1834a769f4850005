/**
 * Requests as Slack sends them to `/slack/events`: slash commands and interactivity as form bodies, events as JSON,
 * each signed like Slack signs (`X-Slack-Signature: v0=HMAC-SHA256(secret, "v0:<ts>:<body>")`).
 */
import { createHmac } from 'node:crypto';

export const testSigningSecret = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
export const testToken = 'xoxb-1-socbot-test-token';
export const teamId = 'T0TEST';
export const botUserId = 'U0SOCBOT';

/** A signed (or deliberately unsigned / old) request body with its headers. */
export interface SlackRequest {
  body: string;
  contentType: string;
}

/** The slash command `/socbot <text>` as Slack posts it. */
export function slashCommand(text: string, who: { user: string; channel: string; responseUrl: string }): SlackRequest {
  const form = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: teamId,
    team_domain: 'socbot-test',
    channel_id: who.channel,
    channel_name: 'soc',
    user_id: who.user,
    user_name: `name-of-${who.user.toLowerCase()}`,
    command: '/socbot',
    text,
    api_app_id: 'A0SOCBOT',
    is_enterprise_install: 'false',
    response_url: who.responseUrl,
    trigger_id: '1.2.3',
  });
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** An Events API envelope around `event`. */
export function eventCallback(event: Record<string, unknown>, eventId: string): SlackRequest {
  return {
    body: JSON.stringify({
      token: 'legacy-verification-token',
      team_id: teamId,
      api_app_id: 'A0SOCBOT',
      event: { event_ts: event.ts, ...event },
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: teamId, user_id: botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    }),
    contentType: 'application/json',
  };
}

/** A click on a socbot button (`block_actions`) on message `messageTs` (in thread `threadTs`). */
export function buttonClick(
  command: string,
  where: { user: string; channel: string; messageTs: string; threadTs?: string; responseUrl: string },
): SlackRequest {
  const payload = {
    type: 'block_actions',
    user: { id: where.user, username: `name-of-${where.user.toLowerCase()}`, name: 'analyst', team_id: teamId },
    api_app_id: 'A0SOCBOT',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: where.messageTs, channel_id: where.channel, is_ephemeral: false },
    trigger_id: '1.2.4',
    team: { id: teamId, domain: 'socbot-test' },
    channel: { id: where.channel, name: 'soc' },
    message: {
      type: 'message',
      ts: where.messageTs,
      bot_id: 'B0SOCBOT',
      text: 'a socbot answer',
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    },
    response_url: where.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: 'socbot_command:0',
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Next', emoji: true },
        value: command,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** Slack's request signature of `body` at `timestamp` (seconds). */
export function slackSignature(body: string, timestamp: number, secret = testSigningSecret): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a request to `/slack/events`, signed now unless told otherwise. */
export function sendToSlackEvents(
  baseUrl: string,
  request: SlackRequest,
  options: { sign?: boolean; timestamp?: number; secret?: string; retryNum?: number } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': request.contentType };
  if (options.sign !== false) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = slackSignature(request.body, timestamp, options.secret);
  }
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body: request.body });
}
