/**
 * The digest side of socbot's core, on the workspace connection: the tables, the store, and (when digests are on)
 * the `digest subscribe | list | unsubscribe` handler the command context gets.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { createDigestCommands, type DigestCommands } from './digest-commands.js';
import type { DigestConfig } from './digest-config.js';
import type { DigestStore } from './digest-store.js';
import { duckdbDigestStore, ensureDigestSchema } from './duckdb-digest-store.js';

/** The digest store, and the command handler unless digests are off. */
export interface DigestCore {
  store: DigestStore;
  commands?: DigestCommands;
}

/** Creates the digest tables when absent and builds the store and handler on `connection`. */
export async function openDigests(connection: DuckDBConnection, config: DigestConfig): Promise<DigestCore> {
  await ensureDigestSchema(connection);
  const store = duckdbDigestStore(connection);
  if (!config.SOCBOT_DIGESTS) return { store };
  return { store, commands: createDigestCommands({ store, defaultTimezone: config.SOCBOT_DIGEST_TIMEZONE }) };
}
