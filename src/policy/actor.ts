/**
 * Who asked, and where: the identity every channel adapter extracts from its platform's payload before a command
 * reaches the core. Policy decisions and the audit log read only this.
 */

/** The channel a command came from. */
export type ChannelKind = 'teams' | 'slack' | 'local' | 'cli';

export interface Actor {
  channel: ChannelKind;
  /** The platform's user id (Teams AAD object id or `29:` id, Slack `U…`). */
  userId: string;
  /** A display name for people reading the audit log; never used for decisions. */
  userName?: string;
  /** Teams tenant id / Slack workspace (team) id. */
  tenantId?: string;
  /** Teams team id, when the conversation is in a team. */
  teamId?: string;
  /** Teams conversation / Slack channel id where the command was typed. */
  conversationId: string;
}
