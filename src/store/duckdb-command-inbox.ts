/**
 * The command inbox in the embedded workspace file. Each write is its own committed statement: an accepted command
 * is on disk before its work starts.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Actor, ChannelKind } from '../policy/actor.js';
import type { AcceptedCommand, CommandInbox } from './command-inbox.js';

/** Creates the inbox table when absent. */
export async function ensureCommandInboxSchema(connection: DuckDBConnection): Promise<void> {
  await connection.run(`CREATE TABLE IF NOT EXISTS socbot_inbox (
    correlation_id VARCHAR PRIMARY KEY, channel VARCHAR, actor VARCHAR, command VARCHAR, reply_to VARCHAR,
    accepted_at TIMESTAMP, attempts INTEGER, closed_at TIMESTAMP)`);
}

/** DuckDB TIMESTAMP text of a Date (UTC). */
function timestampOf(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** The command inbox in DuckDB. */
export function duckdbCommandInbox(connection: DuckDBConnection): CommandInbox {
  return {
    async accept(command) {
      await connection.run(
        `INSERT INTO socbot_inbox VALUES ($correlationId, $channel, $actor, $command, $replyTo,
          CAST($acceptedAt AS TIMESTAMP), 1, NULL)
         ON CONFLICT (correlation_id) DO UPDATE SET attempts = socbot_inbox.attempts + 1`,
        {
          correlationId: command.correlationId,
          channel: command.channel,
          actor: JSON.stringify(command.actor),
          command: command.text,
          replyTo: JSON.stringify(command.replyTo),
          acceptedAt: timestampOf(command.acceptedAt),
        },
      );
    },
    async close(correlationId) {
      await connection.run(
        'UPDATE socbot_inbox SET closed_at = CAST($now AS TIMESTAMP) WHERE correlation_id = $correlationId',
        { correlationId, now: timestampOf(new Date()) },
      );
    },
    async prune(before) {
      await connection.run('DELETE FROM socbot_inbox WHERE accepted_at < CAST($before AS TIMESTAMP)', {
        before: timestampOf(before),
      });
    },
    async open(since) {
      const reader = await connection.runAndReadAll(
        `SELECT * FROM socbot_inbox WHERE closed_at IS NULL AND accepted_at >= CAST($since AS TIMESTAMP)
         ORDER BY accepted_at, correlation_id`,
        { since: timestampOf(since) },
      );
      return (reader.getRowObjectsJS() as Record<string, unknown>[]).map(
        (row): AcceptedCommand => ({
          correlationId: String(row.correlation_id),
          channel: row.channel as ChannelKind,
          actor: JSON.parse(String(row.actor)) as Actor,
          text: String(row.command),
          replyTo: JSON.parse(String(row.reply_to)) as Record<string, unknown>,
          acceptedAt: row.accepted_at as Date,
          attempts: Number(row.attempts),
        }),
      );
    },
  };
}
