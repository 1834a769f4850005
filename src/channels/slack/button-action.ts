/**
 * Buttons: every socbot button (`action_id` `socbot_command:<n>`) carries the command it runs as its value; a click
 * is acknowledged at once and runs that command in the thread of the message holding the button.
 */
import { randomUUID } from 'node:crypto';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { slackActionId } from '../../render/block-kit/render-slack.js';
import { ephemeralReply } from './ephemeral-reply.js';
import { runThreadCommand, type SlackRuntime } from './run-thread-command.js';
import { actorOfAction, threadOfAction } from './slack-payloads.js';

/** Registers the handler of socbot's buttons. */
export function registerButtonAction(app: App, rt: SlackRuntime): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^${slackActionId}(?::|$)`) },
    async ({ ack, body, action }) => {
      await ack();
      const text = action.value?.trim();
      if (!text) return;
      const actor = actorOfAction(body);
      const threadTs = threadOfAction(body);
      const place = { channel: actor.conversationId, ...(threadTs ? { threadTs } : {}) };
      const correlationId = randomUUID();
      const refusal = ephemeralReply(rt.sender, place, actor.userId, correlationId);
      rt.track(() => runThreadCommand({ actor, text, correlationId, place, refusal }, rt), correlationId);
    },
  );
}
