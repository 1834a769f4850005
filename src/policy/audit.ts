/**
 * The audit log: one entry per command — who, where, what, when, outcome, how long. Entries are appended, never
 * changed; the store keeps them across restarts.
 */
import type { Actor } from './actor.js';

export type AuditOutcome = 'answered' | 'failed' | 'refused' | 'bad-command';

export interface AuditEntry {
  correlationId: string;
  at: Date;
  actor: Actor;
  /** The command text as typed (already stripped of the bot mention), truncated to 500 characters. */
  command: string;
  outcome: AuditOutcome;
  durationMs: number;
  /** Short, secret-free detail (error code, refusal reason). */
  detail?: string;
}

/** Where audit entries go. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}
