/**
 * The Agents SDK application: which activities socbot answers and how. Typed messages (a mention in a channel, or
 * anything in a personal chat) and Action.Submit clicks run as commands; Action.Execute invokes are answered at
 * once with a "working on it" card while the command runs; the bot being added stores the conversation.
 */
import { ActivityTypes } from '@microsoft/agents-activity';
import {
  type AdaptiveCard,
  AgentApplication,
  type CloudAdapter,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import type { Logger } from '../../logger.js';
import type { CardElement } from '../../render/adaptive-card/render-card.js';
import type { CommandRunner } from './command-runner.js';
import { noticeCard, workingCard } from './progress-card.js';
import { commandTextOf, executedCommand } from './teams-activity.js';

function adaptiveCard(card: CardElement): AdaptiveCard {
  return { ...card, type: 'AdaptiveCard' };
}

async function isExecute(context: TurnContext): Promise<boolean> {
  return executedCommand(context.activity) !== undefined;
}

/** Builds the application on `adapter`, handing every command to `runner`. */
export function createTeamsAgent(
  adapter: CloudAdapter,
  runner: CommandRunner,
  log: Logger,
): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ adapter, removeRecipientMention: true });

  agent.adaptiveCards.actionExecute(isExecute, async (context) => {
    const execute = executedCommand(context.activity);
    // An automatic refresh is sent for every viewer of a card: it must never start a command.
    if (!execute || execute.automatic) return adaptiveCard(noticeCard('Type a command or click a button to continue.'));
    if (!execute.command) return adaptiveCard(noticeCard('This button does not carry a socbot command.'));
    // The command runs either way: a refusal is answered (and audited) like a typed one.
    runner.start(context, execute.command);
    if (!runner.isAllowed(context.activity)) return adaptiveCard(noticeCard('socbot is not enabled for you here.'));
    return adaptiveCard(workingCard(execute.command, context.activity.from?.name));
  });

  // Action.Submit clicks are messages with `value: { command }` and no text. Not `adaptiveCards.actionSubmit`: it
  // insists on a `{ type, verb, data }` value, which socbot's (and most) Action.Submit data is not.
  agent.onActivity(ActivityTypes.Message, async (context) => {
    runner.start(context, commandTextOf(context.activity));
  });

  agent.onConversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((member) => member.id === botId)) {
      await runner.saveReference(context.activity);
    }
  });

  agent.onError(async (context, error) => {
    // Never the SDK's default "fix the source code" message in a SOC channel: log it with what identifies the turn.
    log.error(
      { err: error, activityId: context.activity.id, activityType: context.activity.type },
      'Teams turn failed',
    );
  });
  return agent;
}
