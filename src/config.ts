/**
 * Configuration: read once from the environment (and `.env`), validated once, frozen.
 * A bad or missing variable fails start-up with a message that names it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { requireCompleteSlack, slackConfigSchema } from './channels/slack/slack-config.js';
import { teamsConfigProblem, teamsConfigSchema } from './channels/teams/teams-config.js';
import { logAnalyticsConfigProblems, logAnalyticsConfigSchema } from './data/loganalytics/loganalytics-config.js';
import { virusTotalConfigSchema } from './enrich/virustotal/virustotal-config.js';
import { digestConfigSchema } from './schedule/digest-config.js';

const port = z.coerce.number().int().min(1).max(65535);

const baseSchema = z.object({
  PORT: port.default(3978).describe('HTTP port of the bot server'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on'),
  SOCBOT_DATA_DIR: z.string().min(1).default('./data').describe('Where the embedded workspace and store live'),
  SOCBOT_PROVIDER: z.enum(['local', 'loganalytics']).default('local').describe('Data provider'),
  SOCBOT_DEMO_EVENTS: z.coerce
    .number()
    .int()
    .min(0)
    .max(50_000_000)
    .default(200_000)
    .describe('Events in the generated demo workspace'),
  SOCBOT_DEMO_SEED: z.coerce.number().int().default(42).describe('Seed of the generated demo workspace'),
  PUBLIC_BASE_URL: z.url().optional().describe('Public https URL of this bot, for chart images'),
  QUICKCHART_URL: z
    .url()
    .optional()
    .describe('A QuickChart server; charts become its image URLs instead of local PNGs'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Every setting: the base ones and each integration's own (Log Analytics, …). */
const schema = baseSchema
  .extend(logAnalyticsConfigSchema.shape)
  .extend(slackConfigSchema.shape)
  .extend(teamsConfigSchema.shape)
  .extend(virusTotalConfigSchema.shape)
  .extend(digestConfigSchema.shape)
  .superRefine((config, context) => {
    // An integration's settings are required only once it is chosen.
    if (config.SOCBOT_PROVIDER === 'loganalytics') {
      for (const problem of logAnalyticsConfigProblems(config)) context.addIssue({ code: 'custom', message: problem });
    }
    requireCompleteSlack(config, context);
    const teamsProblem = teamsConfigProblem(config);
    if (teamsProblem) context.addIssue({ code: 'custom', path: ['MICROSOFT_APP_ID'], message: teamsProblem });
  });

/** Every variable socbot reads (`.env.example` documents each one). */
export const configVariables: readonly string[] = Object.keys(schema.shape);

/** The validated configuration. */
export type Config = Readonly<z.infer<typeof schema>>;

/** Raised when the environment is not valid; the message names every bad variable. */
export class ConfigError extends Error {}

/**
 * Reads `.env` (if present) under the real environment: a variable set in the environment wins over `.env`.
 */
export function readEnvFile(file = path.resolve('.env')): Record<string, string> {
  if (!existsSync(file)) return {};
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
}

/** Validates the environment into a `Config`. Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = { ...readEnvFile(), ...process.env }): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    // Cross-field rules (e.g. Log Analytics settings) name their variable in the message itself.
    const lines = result.error.issues.map((issue) =>
      issue.path.length > 0 ? `  ${issue.path.join('.')}: ${issue.message}` : `  ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration; fix these variables (see .env.example):\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}
