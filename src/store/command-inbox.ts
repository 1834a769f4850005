/**
 * The commands socbot has accepted and not yet answered. A channel records a command when it takes it on and marks
 * it answered when the last message is out; whatever is still open at start-up was cut short by a crash or a
 * restart, and is answered then — an accepted command always gets an answer.
 */
import type { Actor, ChannelKind } from '../policy/actor.js';

/** An accepted command, with what its channel needs to answer it again where it was asked. */
export interface AcceptedCommand {
  correlationId: string;
  channel: ChannelKind;
  actor: Actor;
  text: string;
  /** The channel's own address of the reply (Teams conversation reference, Slack channel and thread), as JSON. */
  replyTo: Record<string, unknown>;
  acceptedAt: Date;
  /** How many times socbot has started on it (1 the first time). */
  attempts: number;
}

export interface CommandInbox {
  /** Records that work on the command starts (again): a new entry, or one more attempt of an open one. */
  accept(command: Omit<AcceptedCommand, 'attempts'>): Promise<void>;
  /** The command has been answered (or definitively given up on): it is closed. */
  close(correlationId: string): Promise<void>;
  /** The open commands accepted since `since`, oldest first. */
  open(since: Date): Promise<AcceptedCommand[]>;
  /** Forgets every entry accepted before `before` (closed or too old to answer now). */
  prune(before: Date): Promise<void>;
}
