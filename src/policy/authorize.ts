/**
 * Authorisation: allowlists of tenants/workspaces, teams, channels and users from configuration. Pure.
 * An empty list allows everyone at that level; a non-empty one allows only its members.
 */
import type { Actor } from './actor.js';

/** Allowlists per level; each is a list of platform ids. */
export interface AccessRules {
  tenants: readonly string[];
  teams: readonly string[];
  conversations: readonly string[];
  users: readonly string[];
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

/** Rules that allow everyone (the local chat and CLI, and channels with no allowlists configured). */
export const allowEveryone: AccessRules = { tenants: [], teams: [], conversations: [], users: [] };

function allows(list: readonly string[], value: string | undefined): boolean {
  return list.length === 0 || (value !== undefined && list.includes(value));
}

/** Decides whether the actor may run commands here; the reason is for logs, never shown with ids to users. */
export function authorize(actor: Actor, rules: AccessRules): Decision {
  if (!allows(rules.tenants, actor.tenantId)) return { allowed: false, reason: 'tenant or workspace not allowed' };
  if (!allows(rules.teams, actor.teamId)) return { allowed: false, reason: 'team not allowed' };
  if (!allows(rules.conversations, actor.conversationId)) return { allowed: false, reason: 'channel not allowed' };
  if (!allows(rules.users, actor.userId)) return { allowed: false, reason: 'user not allowed' };
  return { allowed: true };
}
