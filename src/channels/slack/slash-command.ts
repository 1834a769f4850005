/**
 * `/socbot <command>`: acknowledged at once (Slack gives up after 3 s), then a first message in the channel names
 * who asked for what, and the whole answer goes into its thread.
 */
import { randomUUID } from 'node:crypto';
import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import { escapeSlack } from '../../render/block-kit/slack-text.js';
import { responseUrlReply } from './ephemeral-reply.js';
import { isAllowed, runThreadCommand, type SlackRuntime } from './run-thread-command.js';
import { actorOfCommand } from './slack-payloads.js';
import type { SlackContent } from './slack-sender.js';

/** Command text shown inside `code`: escaped, and no backtick can close the code span. */
function inlineCode(text: string): string {
  return `\`${escapeSlack(text.replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 300))}\``;
}

/** The ephemeral acknowledgement: what socbot is about to do. */
export function workingText(text: string): string {
  return `Working on ${inlineCode(text || 'help')}…`;
}

/** The channel message that starts the command's thread. */
export function headerContent(userId: string, text: string): SlackContent {
  return { text: `<@${userId}> asked socbot: ${inlineCode(text || 'help')}` };
}

const cannotPostHere =
  'I cannot post in this conversation. Invite me with `/invite @socbot` (or send me a direct message), then try again.';

async function runSlashCommand(command: SlashCommand, respond: RespondFn, correlationId: string, rt: SlackRuntime) {
  const started = performance.now();
  const actor = actorOfCommand(command);
  const text = command.text.trim();
  const refusal = responseUrlReply(respond, rt.log, correlationId);
  if (!isAllowed(actor, rt)) {
    await runThreadCommand({ actor, text, correlationId, place: { channel: actor.conversationId }, refusal }, rt);
    return;
  }
  const headerTs = await rt.sender.post(
    { channel: command.channel_id },
    headerContent(command.user_id, text),
    correlationId,
  );
  if (!headerTs) {
    // Private channels and other people's DMs: the bot is not there. Say so, and audit it like any answer.
    await respond({ response_type: 'ephemeral', text: cannotPostHere }).catch((error: unknown) =>
      rt.log.error({ err: error, correlationId, method: 'response_url' }, 'Slack did not take a message'),
    );
    await rt.inbound.audit
      .append({
        correlationId,
        at: new Date(),
        actor,
        command: text,
        outcome: 'failed',
        durationMs: performance.now() - started,
        detail: 'slack: cannot post in this conversation',
      })
      .catch((error: unknown) => rt.log.error({ err: error, correlationId }, 'audit entry could not be written'));
    return;
  }
  await runThreadCommand(
    { actor, text, correlationId, place: { channel: command.channel_id, threadTs: headerTs }, refusal },
    rt,
  );
}

/** Registers the slash command (any name starting with `/socbot`, so a renamed dev command works too). */
export function registerSlashCommand(app: App, rt: SlackRuntime): void {
  app.command(/^\/socbot/, async ({ command, ack, respond }) => {
    const allowed = isAllowed(actorOfCommand(command), rt);
    // Before anything else: the ack is what Slack waits for.
    await ack(allowed ? workingText(command.text.trim()) : undefined);
    const correlationId = randomUUID();
    rt.track(() => runSlashCommand(command, respond, correlationId, rt), correlationId);
  });
}
