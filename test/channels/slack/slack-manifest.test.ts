/**
 * `manifest/slack/manifest.yml`: read back with a strict reader of the YAML subset it uses, then checked against the
 * limits of Slack's manifest schema (slackapi/manifest-schema, v1) and against what the adapter serves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { slackEventsPath } from '../../../src/channels/slack/mount-slack.js';
import { parseTinyYaml } from './tiny-yaml.js';

const requestUrl = z
  .string()
  .regex(/^https:\/\//)
  .max(3000);

/** The parts of Slack's manifest schema (v1) socbot's manifest uses, with Slack's limits. */
const manifestSchema = z.strictObject({
  _metadata: z.strictObject({ major_version: z.literal(1), minor_version: z.number().int() }),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140),
    background_color: z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/),
  }),
  features: z.strictObject({
    app_home: z.strictObject({
      home_tab_enabled: z.boolean(),
      messages_tab_enabled: z.boolean(),
      messages_tab_read_only_enabled: z.boolean(),
    }),
    bot_user: z.strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean() }),
    slash_commands: z
      .array(
        z.strictObject({
          command: z.string().min(2).max(32).regex(/^\//),
          url: requestUrl,
          description: z.string().min(1).max(2000),
          usage_hint: z.string().min(1).max(1000),
          should_escape: z.boolean(),
        }),
      )
      .min(1)
      .max(50),
  }),
  oauth_config: z.strictObject({ scopes: z.strictObject({ bot: z.array(z.string().max(50)).max(255) }) }),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({ request_url: requestUrl, bot_events: z.array(z.string().max(50)) }),
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: requestUrl }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

const source = readFileSync(new URL('../../../manifest/slack/manifest.yml', import.meta.url), 'utf8');

describe('Slack app manifest', () => {
  const manifest = manifestSchema.parse(parseTinyYaml(source));

  it('declares /socbot, sent to the endpoint the adapter serves', () => {
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe('/socbot');
    expect(new URL(command!.url).pathname).toBe(slackEventsPath);
    // Commands are words and alert ids: Slack need not rewrite @names and #channels into ids.
    expect(command?.should_escape).toBe(false);
  });

  it('subscribes to mentions and direct messages, with interactivity on, all at /slack/events', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ]) {
      expect(new URL(url).pathname).toBe(slackEventsPath);
    }
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('asks for the scopes the adapter uses, and no others', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'app_mentions:read',
        'chat:write',
        'chat:write.public',
        'commands',
        'files:write',
        'im:history',
        'im:read',
      ].sort(),
    );
  });

  it('the reader is strict: it refuses YAML outside its subset instead of guessing', () => {
    expect(() => parseTinyYaml('a:\n  b: 1\n c: 2')).toThrow(/line 3/);
    expect(() => parseTinyYaml('a: &anchor 1')).toThrow(/unsupported/);
    expect(() => parseTinyYaml('a: 1\na: 2')).toThrow(/duplicate/);
    expect(parseTinyYaml('a:\n  - x\n  - k: "v"\n    n: 2\nb: true')).toEqual({ a: ['x', { k: 'v', n: 2 }], b: true });
  });
});
