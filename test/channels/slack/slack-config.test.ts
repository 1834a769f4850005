/**
 * Slack's configuration fragment: off when absent, an error naming the missing half, allowlists as id lists, and
 * the API URL kept with its trailing slash.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requireCompleteSlack, slackConfigSchema, slackSettings } from '../../../src/channels/slack/slack-config.js';

const secret = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const token = 'xoxb-1-2-abc';
const parse = (env: Record<string, string>) => slackConfigSchema.parse(env);

describe('slackConfigSchema and slackSettings', () => {
  it('is off when neither the secret nor the token is set', () => {
    expect(slackSettings(parse({}))).toBeUndefined();
  });

  it('builds settings with allowlists from comma lists', () => {
    const settings = slackSettings(
      parse({
        SLACK_SIGNING_SECRET: secret,
        SLACK_BOT_TOKEN: token,
        SLACK_ALLOWED_WORKSPACES: 'T0123ABCD',
        SLACK_ALLOWED_CHANNELS: ' C0SOC , G0PRIVATE,',
        SLACK_ALLOWED_USERS: 'U0ANALYST',
      }),
    );
    expect(settings).toEqual({
      signingSecret: secret,
      botToken: token,
      rules: { tenants: ['T0123ABCD'], teams: [], conversations: ['C0SOC', 'G0PRIVATE'], users: ['U0ANALYST'] },
    });
  });

  it('keeps the API URL ending with a slash (the Web API client appends method names)', () => {
    expect(parse({ SLACK_API_URL: 'http://127.0.0.1:9999/api' }).SLACK_API_URL).toBe('http://127.0.0.1:9999/api/');
    expect(parse({ SLACK_API_URL: 'http://127.0.0.1:9999/api/' }).SLACK_API_URL).toBe('http://127.0.0.1:9999/api/');
  });

  it('rejects channel names where ids belong, and a token that is not a bot token', () => {
    const names = slackConfigSchema.safeParse({ SLACK_ALLOWED_CHANNELS: '#soc,C0SOC' });
    expect(names.success).toBe(false);
    expect(names.error?.issues[0]?.path).toEqual(['SLACK_ALLOWED_CHANNELS']);
    const userToken = slackConfigSchema.safeParse({ SLACK_BOT_TOKEN: 'xoxp-user-token' });
    expect(userToken.error?.issues[0]?.message).toContain('xoxb-');
  });

  it('names the missing half when only one of secret and token is set', () => {
    expect(() => slackSettings(parse({ SLACK_BOT_TOKEN: token }))).toThrow(/SLACK_SIGNING_SECRET/);
    const refined = slackConfigSchema.superRefine(requireCompleteSlack);
    const result = refined.safeParse({ SLACK_SIGNING_SECRET: secret });
    expect(result.error?.issues.map((i) => i.path)).toEqual([['SLACK_BOT_TOKEN']]);
  });

  it('merges into a larger configuration schema', () => {
    const schema = z
      .object({ PORT: z.coerce.number().default(3978), ...slackConfigSchema.shape })
      .superRefine(requireCompleteSlack);
    const config = schema.parse({ SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: token });
    expect(config.PORT).toBe(3978);
    expect(slackSettings(config)?.rules.users).toEqual([]);
  });
});
