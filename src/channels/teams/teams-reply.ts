/**
 * The Teams `ChannelReply`: each Section becomes one reply (an Adaptive Card, Markdown as its fallback) in the
 * command's thread; progress is one card posted once and then updated in place. Every send goes through the
 * thread's rate-limited lane and is retried on throttling; a send that still fails is logged with the command's
 * correlation id.
 */
import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Section } from '../../core/section.js';
import type { Logger } from '../../logger.js';
import { sectionToCard } from '../../render/adaptive-card/render-card.js';
import { sectionToMarkdown } from '../../render/markdown/render-markdown.js';
import { truncate } from '../../render/text-limits.js';
import type { ChannelReply } from '../handle-inbound.js';
import { connectorStatusOf, type RetryOptions, withConnectorRetry } from './connector-retry.js';
import { type ProgressUpdate, progressCard, progressText } from './progress-card.js';
import type { ConversationSendQueue } from './send-queue.js';

const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';
/**
 * A card's fallback text: what notifications and clients without cards show. Short, because it travels beside a
 * card that already uses most of Teams' ~28 KB message budget.
 */
const maxFallbackChars = 1_000;
/** A text-only message (the card was refused) has the whole budget to itself, and stays well under it. */
const maxTextChars = 20_000;

export interface TeamsReplyDeps {
  queue: ConversationSendQueue;
  retry: RetryOptions;
  log: Logger;
  /** Least time between two progress updates, so answers get the thread's send budget (default 1 s). */
  progressIntervalMs?: number;
}

/** A ChannelReply that can also show the typing indicator and wait for its last progress update. */
export interface TeamsReply extends ChannelReply {
  typing(): Promise<void>;
  /** Resolves once the progress message shown so far has been sent (or has failed, logged). */
  progressShown(): Promise<void>;
  /** Marks the progress message finished (if there is one) and resolves once its last update is sent. */
  finish(): Promise<void>;
}

/**
 * The Section without the images Teams cannot fetch: its clients load card images themselves, so a link relative to
 * this server (no `PUBLIC_BASE_URL`) would show as a broken image. Without one the card shows what the chart or
 * graph holds as text instead.
 */
export function withReachableImages(section: Section): Section {
  const reachable = (url: string) => /^https:\/\//i.test(url);
  const blocks = section.blocks.map((block) =>
    (block.kind === 'chart' || block.kind === 'graph') && block.image && !reachable(block.image.url)
      ? { ...block, image: undefined }
      : block,
  );
  return { ...section, blocks };
}

/** One Section as a Teams message: the card, with its Markdown as fallback text and its title as summary. */
export function sectionActivity(section: Section): Activity {
  const card = {
    ...sectionToCard(withReachableImages(section)),
    fallbackText: truncate(sectionToMarkdown(section), maxFallbackChars),
  };
  return Activity.fromObject({
    type: 'message',
    summary: truncate(section.title, 200),
    attachments: [{ contentType: adaptiveCardType, content: card }],
  });
}

/** The same Section as Markdown text only, for when the connector refuses the card (too large, invalid). */
export function sectionTextActivity(section: Section): Activity {
  return Activity.fromObject({
    type: 'message',
    textFormat: 'markdown',
    text: truncate(sectionToMarkdown(section), maxTextChars),
  });
}

function progressActivity(update: ProgressUpdate, finished: boolean, id?: string): Activity {
  return Activity.fromObject({
    type: 'message',
    ...(id ? { id } : {}),
    summary: progressText(update, finished),
    attachments: [{ contentType: adaptiveCardType, content: progressCard(update, finished) }],
  });
}

/** Builds the reply for one command, answering through `context` in the thread `thread`. */
export function createTeamsReply(
  context: TurnContext,
  meta: { correlationId: string; thread: string },
  deps: TeamsReplyDeps,
): TeamsReply {
  const { correlationId, thread } = meta;
  const retry: RetryOptions = {
    ...deps.retry,
    onRetry: (info) => deps.log.warn({ correlationId, ...info }, 'Teams connector busy; retrying'),
  };
  /** Sends in the thread's lane, retried; returns the new activity id. */
  const send = (make: () => Activity, what: string): Promise<string | undefined> =>
    deps.queue.enqueue(thread, async (acquire) => {
      try {
        const response = await withConnectorRetry(async () => {
          await acquire();
          return context.sendActivity(make());
        }, retry);
        return response?.id;
      } catch (error) {
        deps.log.error({ correlationId, err: error, status: connectorStatusOf(error), what }, 'Teams send failed');
        throw error;
      }
    });

  let progressId: string | undefined;
  let latest: ProgressUpdate | undefined;
  let lastSent = '';
  let finished = false;
  let queued = false;
  let lastProgressAt = Number.NEGATIVE_INFINITY;
  let progressDone: Promise<void> = Promise.resolve();
  const progressIntervalMs = deps.progressIntervalMs ?? 1_000;

  /** Sends the newest update (older ones still waiting are skipped: the message shows only the latest). */
  const sendLatestProgress = async (acquire: () => Promise<void>): Promise<void> => {
    queued = false;
    const update = latest;
    const final = finished;
    if (!update || progressText(update, final) === lastSent) return;
    lastSent = progressText(update, final);
    lastProgressAt = performance.now();
    await withConnectorRetry(async () => {
      await acquire();
      if (progressId) {
        await context.updateActivity(progressActivity(update, final, progressId));
      } else {
        progressId = (await context.sendActivity(progressActivity(update, final)))?.id;
      }
    }, retry);
  };
  /**
   * Queues one progress send unless one is already waiting (it picks up the newest state when its turn comes).
   * Updates come at most once per interval: every update is a send from the thread's budget of 7 a second.
   */
  const showProgress = (): Promise<void> => {
    if (!queued) {
      queued = true;
      const waitMs = Math.max(0, lastProgressAt + progressIntervalMs - performance.now());
      const due = waitMs > 0 ? new Promise((resolve) => setTimeout(resolve, waitMs)) : Promise.resolve();
      // Not awaited by the core: a progress card is cosmetic, and later posts wait in the same lane anyway.
      progressDone = due
        .then(() => deps.queue.enqueue(thread, sendLatestProgress))
        .catch((error: unknown) =>
          deps.log.warn({ correlationId, err: error, status: connectorStatusOf(error) }, 'Teams progress not shown'),
        );
    }
    return progressDone;
  };

  return {
    async post(sections) {
      for (const section of sections) {
        try {
          await send(() => sectionActivity(section), `section ${section.id}`);
        } catch (error) {
          const status = connectorStatusOf(error);
          // A refused card (too large or invalid) still reaches the user as text.
          if (status !== 400 && status !== 413) throw error;
          await send(() => sectionTextActivity(section), `section ${section.id} as text`);
        }
      }
    },
    progress(update) {
      latest = update;
      void showProgress();
      return Promise.resolve();
    },
    async typing() {
      // Out of the thread's order: a typing indicator shows at once and must not delay the first real message.
      await deps.queue
        .unordered(thread, () => context.sendActivity(Activity.fromObject({ type: 'typing' })))
        .catch((error: unknown) =>
          deps.log.debug({ correlationId, err: error, status: connectorStatusOf(error) }, 'typing not shown'),
        );
    },
    progressShown() {
      return progressDone;
    },
    finish() {
      if (!latest) return progressDone;
      finished = true;
      return showProgress();
    },
  };
}
