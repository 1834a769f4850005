/**
 * socbot's own state in the embedded workspace file: the audit log and conversation references. Each write is
 * its own committed statement, so a restart loses nothing that was acknowledged.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Actor, ChannelKind } from '../policy/actor.js';
import type { AuditLog, AuditOutcome } from '../policy/audit.js';
import type { ConversationStore, StoredConversation } from './conversation-store.js';

/** Creates the store tables when absent. */
export async function ensureStoreSchema(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE TABLE IF NOT EXISTS socbot_audit (
    correlation_id VARCHAR, happened_at TIMESTAMP, channel VARCHAR, user_id VARCHAR, user_name VARCHAR, tenant_id VARCHAR,
    team_id VARCHAR, conversation_id VARCHAR, command VARCHAR, outcome VARCHAR, duration_ms INTEGER, detail VARCHAR)`);
  await connection.run(`CREATE TABLE IF NOT EXISTS socbot_conversations (
    channel VARCHAR, conversation_id VARCHAR, reference VARCHAR, updated_at TIMESTAMP,
    PRIMARY KEY (channel, conversation_id))`);
}

const maxCommandText = 500;

/** The audit log in DuckDB. */
export function duckdbAuditLog(connection: DuckDBConnection): AuditLog {
  return {
    async append(entry) {
      const { actor } = entry;
      await connection.run(
        `INSERT INTO socbot_audit VALUES ($correlationId, CAST($at AS TIMESTAMP), $channel, $userId, $userName, $tenantId,
          $teamId, $conversationId, $command, $outcome, $durationMs, $detail)`,
        {
          correlationId: entry.correlationId,
          at: entry.at.toISOString().replace('T', ' ').replace('Z', ''),
          channel: actor.channel,
          userId: actor.userId,
          userName: actor.userName ?? null,
          tenantId: actor.tenantId ?? null,
          teamId: actor.teamId ?? null,
          conversationId: actor.conversationId,
          command: entry.command.slice(0, maxCommandText),
          outcome: entry.outcome,
          durationMs: Math.round(entry.durationMs),
          detail: entry.detail ?? null,
        },
      );
    },
    async recent(limit) {
      const reader = await connection.runAndReadAll(
        'SELECT * FROM socbot_audit ORDER BY happened_at DESC, correlation_id LIMIT $limit',
        { limit: Math.max(1, Math.min(limit, 10_000)) },
      );
      return (reader.getRowObjectsJS() as Record<string, unknown>[]).map((row) => {
        const actor: Actor = {
          channel: row.channel as ChannelKind,
          userId: String(row.user_id),
          conversationId: String(row.conversation_id),
          ...(row.user_name ? { userName: String(row.user_name) } : {}),
          ...(row.tenant_id ? { tenantId: String(row.tenant_id) } : {}),
          ...(row.team_id ? { teamId: String(row.team_id) } : {}),
        };
        return {
          correlationId: String(row.correlation_id),
          at: row.happened_at as Date,
          actor,
          command: String(row.command),
          outcome: row.outcome as AuditOutcome,
          durationMs: Number(row.duration_ms),
          ...(row.detail ? { detail: String(row.detail) } : {}),
        };
      });
    },
  };
}

/** Conversation references in DuckDB. */
export function duckdbConversationStore(connection: DuckDBConnection): ConversationStore {
  const toConversation = (row: Record<string, unknown>): StoredConversation => ({
    channel: row.channel as ChannelKind,
    conversationId: String(row.conversation_id),
    reference: JSON.parse(String(row.reference)) as Record<string, unknown>,
    updatedAt: row.updated_at as Date,
  });
  return {
    async save(conversation) {
      await connection.run(
        `INSERT OR REPLACE INTO socbot_conversations VALUES ($channel, $conversationId, $reference, CAST($updatedAt AS TIMESTAMP))`,
        {
          channel: conversation.channel,
          conversationId: conversation.conversationId,
          reference: JSON.stringify(conversation.reference),
          updatedAt: conversation.updatedAt.toISOString().replace('T', ' ').replace('Z', ''),
        },
      );
    },
    async get(channel, conversationId) {
      const reader = await connection.runAndReadAll(
        'SELECT * FROM socbot_conversations WHERE channel = $channel AND conversation_id = $conversationId',
        { channel, conversationId },
      );
      const row = (reader.getRowObjectsJS() as Record<string, unknown>[])[0];
      return row ? toConversation(row) : undefined;
    },
    async list(channel) {
      const reader = await connection.runAndReadAll(
        'SELECT * FROM socbot_conversations WHERE CAST($channel AS VARCHAR) IS NULL OR channel = $channel ORDER BY updated_at DESC',
        { channel: channel ?? null },
      );
      return (reader.getRowObjectsJS() as Record<string, unknown>[]).map(toConversation);
    },
  };
}
