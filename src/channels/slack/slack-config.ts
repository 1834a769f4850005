/**
 * Slack's settings: a zod fragment for the validated configuration, and the settings the adapter needs. Slack is on
 * when both its secret and its token are set, off when neither is; half of it is a configuration error.
 */
import { z } from 'zod';
import { commaSeparated } from '../../config-values.js';
import type { AccessRules } from '../../policy/authorize.js';

/** Slack ids (`T…`, `E…`, `C…`, `G…`, `D…`, `U…`, `W…`): upper-case letters and digits, never `#names`. */
const slackIdPattern = /^[A-Z][A-Z0-9]{2,}$/;

function commaList(what: string) {
  return commaSeparated().refine((ids) => ids.every((id) => slackIdPattern.test(id)), {
    message: `comma-separated Slack ${what} ids like ${what === 'user' ? 'U0123ABCD' : 'C0123ABCD'} (ids, not names)`,
  });
}

/** The Slack variables, to merge into the configuration schema (`z.object({ ...base, ...slackConfigSchema.shape })`). */
export const slackConfigSchema = z.object({
  SLACK_SIGNING_SECRET: z
    .string()
    .min(16, 'the signing secret from the Slack app page (Basic Information → Signing Secret)')
    .optional()
    .describe('Verifies that requests to /slack/events come from Slack'),
  SLACK_BOT_TOKEN: z
    .string()
    .startsWith('xoxb-', 'a bot token starts with xoxb- (OAuth & Permissions → Bot User OAuth Token)')
    .optional()
    .describe("The bot's token for Slack's Web API"),
  SLACK_API_URL: z
    .url()
    .optional()
    // The Web API client appends method names to this URL: it must end with a slash.
    .transform((url) => (url === undefined || url.endsWith('/') ? url : `${url}/`))
    .describe("Slack's Web API base URL (tests point it at a fake); default https://slack.com/api/"),
  SLACK_ALLOWED_WORKSPACES: commaList('workspace').describe('Workspace (team) ids allowed; empty = any'),
  SLACK_ALLOWED_CHANNELS: commaList('channel').describe(
    'Channel ids allowed (DM ids D… too); empty = any channel of an allowed workspace',
  ),
  SLACK_ALLOWED_USERS: commaList('user').describe('User ids allowed; empty = anyone in an allowed channel'),
});

/** The parsed Slack variables. */
export type SlackConfig = z.infer<typeof slackConfigSchema>;

/**
 * A `superRefine` check for the whole configuration: Slack is configured completely or not at all. Wire it with
 * `schema.superRefine(requireCompleteSlack)` so the start-up error names the missing variable.
 */
export function requireCompleteSlack(
  value: Pick<SlackConfig, 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN'>,
  ctx: z.RefinementCtx,
): void {
  const missing = incompleteSlackVariable(value);
  if (missing) ctx.addIssue({ code: 'custom', path: [missing], message: slackPairMessage(missing) });
}

function incompleteSlackVariable(value: Pick<SlackConfig, 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN'>) {
  if (value.SLACK_SIGNING_SECRET && !value.SLACK_BOT_TOKEN) return 'SLACK_BOT_TOKEN' as const;
  if (value.SLACK_BOT_TOKEN && !value.SLACK_SIGNING_SECRET) return 'SLACK_SIGNING_SECRET' as const;
  return undefined;
}

function slackPairMessage(missing: string): string {
  return `set ${missing} too (Slack needs both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN), or neither to turn Slack off`;
}

/** What the Slack adapter runs with. */
export interface SlackSettings {
  signingSecret: string;
  botToken: string;
  /** Web API base URL ending with `/`; Slack's own when absent. */
  apiUrl?: string;
  rules: AccessRules;
}

/** Slack's settings, or `undefined` when Slack is off; throws (naming the variable) when only half is set. */
export function slackSettings(config: SlackConfig): SlackSettings | undefined {
  const missing = incompleteSlackVariable(config);
  if (missing) throw new Error(`Invalid configuration: ${missing}: ${slackPairMessage(missing)}`);
  if (!config.SLACK_SIGNING_SECRET || !config.SLACK_BOT_TOKEN) return undefined;
  return {
    signingSecret: config.SLACK_SIGNING_SECRET,
    botToken: config.SLACK_BOT_TOKEN,
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    rules: {
      tenants: config.SLACK_ALLOWED_WORKSPACES,
      // Slack has no level between workspace and channel.
      teams: [],
      conversations: config.SLACK_ALLOWED_CHANNELS,
      users: config.SLACK_ALLOWED_USERS,
    },
  };
}
