/**
 * Runs a Teams command in the background: the webhook turn only reads the activity and starts a job, so Teams
 * gets its HTTP answer at once (and an invoke its card within 5 s); the job continues the conversation through
 * the adapter (a proactive turn), shows typing, and hands the command to the channel-neutral core.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import { parseCommand } from '../../core/parse-command.js';
import type { Section } from '../../core/section.js';
import type { Logger } from '../../logger.js';
import type { Actor } from '../../policy/actor.js';
import { authorize } from '../../policy/authorize.js';
import type { AcceptedCommand } from '../../store/command-inbox.js';
import type { ConversationStore } from '../../store/conversation-store.js';
import { BoundedMap } from '../bounded-map.js';
import { handleInbound, type InboundDeps } from '../handle-inbound.js';
import { alertIdOfCommand, resolveFollowUp } from '../thread-follow-up.js';
import type { WorkLimiter } from '../work-limiter.js';
import type { RetryOptions } from './connector-retry.js';
import type { ConversationSendQueue } from './send-queue.js';
import { actorOf, baseConversationId, storedReferenceOf, threadKeyOf } from './teams-activity.js';
import { createTeamsReply } from './teams-reply.js';

export interface CommandRunnerDeps {
  adapter: CloudAdapter;
  inbound: InboundDeps;
  conversations: ConversationStore;
  /**
   * Thread (conversation id, `;messageid=` included) → the alert it is about. A convenience: losing it on restart
   * only means typing the alert id again.
   */
  threads: BoundedMap<string, string>;
  queue: ConversationSendQueue;
  retry: RetryOptions;
  log: Logger;
  /** The bot's app id, for proactive turns outside a request (absent when anonymous). */
  botAppId?: string;
  /** Investigations running at once; later ones wait their turn with their progress message up. */
  investigations: WorkLimiter;
}

/** One command to run in a conversation. */
interface TeamsJob {
  /** The bot's app id, or the claims the request was authenticated with. */
  identity: Parameters<CloudAdapter['continueConversation']>[0];
  reference: ConversationReference;
  actor: Actor;
  text: string;
  correlationId: string;
  /** Shown with a progress card (an investigation). */
  long: boolean;
  /** Posted first (a command resumed after a restart). */
  notice?: Section;
  /** Post the notice, and do not run the command (given up after cutting runs short). */
  noticeOnly?: true;
}

/** How many conversation references this process remembers having saved (to skip rewriting them). */
const savedCapacity = 10_000;

/** The reference to store for later posts: the conversation itself (a new channel post), not this thread. */
export function storableReference(activity: Activity): ConversationReference {
  const reference = activity.getConversationReference();
  const { activityId: _reply, ...rest } = reference;
  return { ...rest, conversation: { ...reference.conversation, id: baseConversationId(reference.conversation.id) } };
}

/** True for a command that reports progress (a whole investigation): its progress message is shown at once. */
export function isLongRunning(text: string): boolean {
  const parsed = parseCommand(text);
  return parsed.ok && parsed.command.name === 'investigate' && parsed.command.alertId !== undefined;
}

/** Starts commands as background jobs and keeps track of them. */
export class CommandRunner {
  private readonly jobs = new Set<Promise<void>>();
  private readonly saved = new BoundedMap<string, true>(savedCapacity);
  constructor(private readonly deps: CommandRunnerDeps) {}

  /**
   * The core for an investigation: computing the answer and drawing its images wait for a slot; posting (paced by
   * Teams' rate limit) holds none, so a slot is never idle waiting for Teams. `onStart` runs when the work begins.
   */
  private limited(onStart: () => void): InboundDeps {
    const { inbound, investigations } = this.deps;
    return {
      ...inbound,
      answer: (text, meta) =>
        investigations.run(() => {
          onStart();
          return inbound.answer(text, meta);
        }),
      attachImages: (sections) => investigations.run(() => inbound.attachImages(sections)),
    };
  }

  /** Starts `typed` (as typed or clicked) from the activity of this turn; returns at once. */
  start(context: TurnContext, typed: string): void {
    const activity = context.activity;
    const thread = threadKeyOf(activity);
    const text = resolveFollowUp(typed, this.deps.threads.get(thread));
    const alertId = alertIdOfCommand(text);
    if (thread && alertId) this.deps.threads.set(thread, alertId);
    const correlationId = randomUUID();
    this.deps.log.info(
      { correlationId, activityId: activity.id, activityType: activity.type, thread },
      'Teams command received',
    );
    this.track(this.saveReference(activity));
    this.run({
      // The identity the request was authenticated as; anonymous (no audience) in local development.
      identity: context.identity ?? {},
      reference: activity.getConversationReference(),
      actor: actorOf(activity),
      text,
      correlationId,
      long: isLongRunning(text) && this.isAllowed(activity),
    });
  }

  /**
   * Answers a command a previous run accepted and never answered: `notice` goes in its thread, then, if `rerun`,
   * the command runs there again. Returns once started.
   */
  async resume(command: AcceptedCommand, notice: Section, rerun: boolean): Promise<void> {
    const reference = storedReferenceOf(command.replyTo);
    if (!reference) throw new Error('the stored Teams reply address is not a conversation reference');
    this.run({
      // Outside a turn, the SDK gets a token for the bot's own app id (none when anonymous).
      identity: this.deps.botAppId ?? {},
      reference,
      actor: command.actor,
      text: command.text,
      correlationId: command.correlationId,
      long: isLongRunning(command.text),
      notice,
      ...(rerun ? {} : { noticeOnly: true }),
    });
  }

  /** Runs one command as a background job in its conversation (a proactive turn). */
  private run(job: TeamsJob): void {
    const { actor, text, correlationId, long } = job;
    const thread = job.reference.conversation.id;
    const replyTo = JSON.parse(JSON.stringify(job.reference)) as Record<string, unknown>;
    const work = this.deps.adapter.continueConversation(job.identity, job.reference, async (turn) => {
      const reply = createTeamsReply(turn, { correlationId, thread }, this.deps);
      if (job.notice) await reply.post([job.notice]);
      if (job.noticeOnly) return;
      if (!long) {
        this.track(reply.typing());
        await handleInbound({ actor, text, correlationId, replyTo }, reply, this.deps.inbound);
      } else {
        // The progress message goes up at once, even while the investigation waits for a free slot. Typing shows
        // once it really runs: when many commands arrive together, each one's first request is the card.
        const waits = this.deps.investigations.active >= this.deps.investigations.slots;
        const current = waits ? 'waiting for other investigations to finish' : undefined;
        await reply.progress({ title: 'Investigating', done: 0, total: 0, ...(current ? { current } : {}) });
        const inbound = this.limited(() => this.track(reply.progressShown().then(() => reply.typing())));
        await handleInbound({ actor, text, correlationId, replyTo }, reply, inbound);
      }
      await reply.finish();
    });
    this.track(
      work.catch((error: unknown) => this.deps.log.error({ err: error, correlationId }, 'Teams command job failed')),
    );
  }

  /** True when the allowlists let the sender of this activity use socbot where they wrote. */
  isAllowed(activity: Activity): boolean {
    return authorize(actorOf(activity), this.deps.inbound.rules).allowed;
  }

  /**
   * Stores the conversation reference (once per conversation and service URL per process). Conversations of
   * people outside the allowlists leave no reference behind.
   */
  async saveReference(activity: Activity): Promise<void> {
    if (!this.isAllowed(activity)) return;
    const reference = storableReference(activity);
    const key = `${reference.conversation.id}|${reference.serviceUrl ?? ''}`;
    if (!this.saved.add(key, true)) return;
    try {
      await this.deps.conversations.save({
        channel: 'teams',
        conversationId: reference.conversation.id,
        reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
        updatedAt: new Date(),
      });
    } catch (error) {
      this.saved.delete(key);
      this.deps.log.warn({ err: error, conversationId: reference.conversation.id }, 'conversation reference not saved');
    }
  }

  /** Resolves when no command job is running (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs]);
  }

  /** Commands still running. */
  get running(): number {
    return this.jobs.size;
  }

  private track(job: Promise<void>): void {
    this.jobs.add(job);
    void job.finally(() => this.jobs.delete(job));
  }
}
