/**
 * Teams settings: the zod fragment the configuration merges in, and what the channel makes of it (auth config,
 * allowlists, on/off). Teams is on with an app id (JWT validation on) or, for local development only, anonymously.
 */
import { z } from 'zod';
import { commaSeparated } from '../../config-values.js';
import type { AccessRules } from '../../policy/authorize.js';

const commaList = commaSeparated();

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

/** The Teams variables; merge with `schema.extend(teamsConfigSchema.shape)`. */
export const teamsConfigSchema = z.object({
  MICROSOFT_APP_ID: z.string().min(1).optional().describe('Azure Bot app (client) id; turns Teams on, JWT validated'),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional().describe('Client secret of that app registration'),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional().describe('Tenant of a single-tenant app registration'),
  // The Agents SDK's own names, as its samples' .env files spell them; the MICROSOFT_APP_* names win.
  clientId: z.string().min(1).optional().describe('Agents SDK name for MICROSOFT_APP_ID'),
  clientSecret: z.string().min(1).optional().describe('Agents SDK name for MICROSOFT_APP_PASSWORD'),
  tenantId: z.string().min(1).optional().describe('Agents SDK name for MICROSOFT_APP_TENANT_ID'),
  TEAMS_DEV_ANONYMOUS: flag.describe('Serve /api/messages without an app id and without auth (local development)'),
  TEAMS_ALLOWED_TENANTS: commaList.describe('Tenant ids allowed to use the bot (empty: all)'),
  TEAMS_ALLOWED_TEAMS: commaList.describe('Team ids (channelData.team.id) allowed (empty: all)'),
  TEAMS_ALLOWED_CHANNELS: commaList.describe('Channel / chat conversation ids allowed (empty: all)'),
  TEAMS_ALLOWED_USERS: commaList.describe('User AAD object ids allowed (empty: all)'),
});

/** The parsed Teams variables. */
export type TeamsConfig = z.infer<typeof teamsConfigSchema>;

/** The app registration socbot authenticates as; absent in anonymous development mode. */
export interface TeamsCredentials {
  clientId: string;
  clientSecret?: string;
  tenantId?: string;
}

/** What the Teams channel needs, resolved from configuration. */
export interface TeamsSettings {
  /** Undefined = anonymous: no JWT validation, no bot token (local development only). */
  credentials?: TeamsCredentials;
  rules: AccessRules;
}

/** Raised when the Teams variables contradict each other; the message names them. */
export class TeamsConfigError extends Error {}

/**
 * What is wrong with the Teams variables, for the start-up check (`schema.superRefine`): a secret or tenant
 * without an app id is a mistake worth stopping for.
 */
export function teamsConfigProblem(
  config: Pick<
    TeamsConfig,
    'MICROSOFT_APP_ID' | 'MICROSOFT_APP_PASSWORD' | 'MICROSOFT_APP_TENANT_ID' | 'clientId' | 'clientSecret' | 'tenantId'
  >,
): string | undefined {
  const hasId = Boolean(config.MICROSOFT_APP_ID ?? config.clientId);
  const hasOther = Boolean(
    config.MICROSOFT_APP_PASSWORD ?? config.clientSecret ?? config.MICROSOFT_APP_TENANT_ID ?? config.tenantId,
  );
  if (hasId || !hasOther) return undefined;
  return 'MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_ID (or clientId) is not: set the app id of the Azure Bot registration, or unset them to turn Teams off.';
}

/**
 * Resolves the Teams channel from configuration: its settings, or undefined when Teams is off (no app id and no
 * anonymous development mode). A secret or tenant without an app id is a mistake worth stopping for.
 */
export function teamsSettingsFrom(config: TeamsConfig): TeamsSettings | undefined {
  const clientId = config.MICROSOFT_APP_ID ?? config.clientId;
  const clientSecret = config.MICROSOFT_APP_PASSWORD ?? config.clientSecret;
  const tenantId = config.MICROSOFT_APP_TENANT_ID ?? config.tenantId;
  const problem = teamsConfigProblem(config);
  if (problem) throw new TeamsConfigError(problem);
  const rules: AccessRules = {
    tenants: config.TEAMS_ALLOWED_TENANTS,
    teams: config.TEAMS_ALLOWED_TEAMS,
    conversations: config.TEAMS_ALLOWED_CHANNELS,
    users: config.TEAMS_ALLOWED_USERS,
  };
  if (clientId) {
    return {
      credentials: { clientId, ...(clientSecret ? { clientSecret } : {}), ...(tenantId ? { tenantId } : {}) },
      rules,
    };
  }
  return config.TEAMS_DEV_ANONYMOUS ? { rules } : undefined;
}
