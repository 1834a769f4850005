/**
 * Teams settings: the MICROSOFT_APP_* names or the Agents SDK's own, allowlists as comma lists, off when unset.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authConfigOf } from '../../../src/channels/teams/mount-teams.js';
import { TeamsConfigError, teamsConfigSchema, teamsSettingsFrom } from '../../../src/channels/teams/teams-config.js';

const parse = (env: Record<string, string>) => teamsSettingsFrom(teamsConfigSchema.parse(env));

describe('Teams configuration', () => {
  it('is off without an app id, and anonymous only when asked for (local development)', () => {
    expect(parse({})).toBeUndefined();
    expect(parse({ TEAMS_DEV_ANONYMOUS: 'true' })).toEqual({
      rules: { tenants: [], teams: [], conversations: [], users: [] },
    });
  });

  it('reads the Bot Framework names, and the Agents SDK names as alternatives', () => {
    expect(
      parse({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 't' })?.credentials,
    ).toEqual({ clientId: 'app', clientSecret: 'secret', tenantId: 't' });
    expect(parse({ clientId: 'app2', clientSecret: 's2', tenantId: 't2' })?.credentials).toEqual({
      clientId: 'app2',
      clientSecret: 's2',
      tenantId: 't2',
    });
    expect(parse({ MICROSOFT_APP_ID: 'wins', clientId: 'loses' })?.credentials?.clientId).toBe('wins');
  });

  it('reads the allowlists as comma lists', () => {
    const settings = parse({
      MICROSOFT_APP_ID: 'app',
      TEAMS_ALLOWED_TENANTS: ' t1, t2 ,',
      TEAMS_ALLOWED_TEAMS: '19:team@thread.tacv2',
      TEAMS_ALLOWED_CHANNELS: '19:a@thread.tacv2,19:b@thread.tacv2',
      TEAMS_ALLOWED_USERS: 'aad-1',
    });
    expect(settings?.rules).toEqual({
      tenants: ['t1', 't2'],
      teams: ['19:team@thread.tacv2'],
      conversations: ['19:a@thread.tacv2', '19:b@thread.tacv2'],
      users: ['aad-1'],
    });
  });

  it('stops on a secret without an app id, naming the variable', () => {
    expect(() => parse({ MICROSOFT_APP_PASSWORD: 'secret' })).toThrow(TeamsConfigError);
    expect(() => parse({ clientSecret: 'secret' })).toThrow(/MICROSOFT_APP_ID/);
  });

  it('merges into a larger configuration schema', () => {
    const schema = z.object({ PORT: z.coerce.number().default(3978) }).extend(teamsConfigSchema.shape);
    expect(schema.parse({ MICROSOFT_APP_ID: 'app' })).toMatchObject({
      PORT: 3978,
      MICROSOFT_APP_ID: 'app',
      TEAMS_ALLOWED_USERS: [],
    });
    expect(schema.safeParse({ TEAMS_DEV_ANONYMOUS: 'yes' }).success).toBe(false);
  });

  it('gives the SDK exactly socbot’s credentials (unset ones explicitly unset)', () => {
    expect(authConfigOf({ rules: { tenants: [], teams: [], conversations: [], users: [] } })).toEqual({
      clientId: undefined,
      clientSecret: undefined,
      tenantId: undefined,
    });
  });
});
