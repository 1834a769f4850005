/**
 * The Slack channel: Bolt on the bot's own express server at `/slack/events` (events, slash commands and
 * interactivity share it), signatures verified by Bolt, every Web API call paced per channel and retried on 429.
 */
import { type AnyMiddlewareArgs, App, ExpressReceiver, type Middleware, type webApi } from '@slack/bolt';
import express, { type Express } from 'express';
import type { Socbot } from '../../app.js';
import type { Logger } from '../../logger.js';
import type { DigestPoster } from '../../schedule/digest-poster.js';
import { BoundedMap } from '../bounded-map.js';
import type { ResumeCommand } from '../resume-commands.js';
import { WorkLimiter } from '../work-limiter.js';
import { boltLogger } from './bolt-logger.js';
import { registerButtonAction } from './button-action.js';
import { ChannelPacer } from './channel-pacer.js';
import { registerMessageEvents } from './message-events.js';
import { resumeThreadCommand, type SlackRuntime } from './run-thread-command.js';
import type { SlackSettings } from './slack-config.js';
import { deliveryKeys } from './slack-payloads.js';
import { createSlackDigestPoster } from './slack-proactive.js';
import { SlackSender } from './slack-sender.js';
import { registerSlashCommand } from './slash-command.js';

/** The path Slack posts to (Event Subscriptions, Slash Commands and Interactivity URLs all end with it). */
export const slackEventsPath = '/slack/events';

/** Knobs for tests and benchmarks; production uses the defaults. */
export interface SlackTuning {
  /** Least time between two messages in one channel. Default 1000 ms (Slack's ≈1 message/s per channel). */
  messageIntervalMs?: number;
  /** Web API retries (429 waits for Retry-After first, then this backoff). Default 5 retries, 1 s…30 s. */
  retryConfig?: webApi.RetryOptions;
  /** Recent deliveries remembered to drop Slack's re-deliveries. Default 5,000. */
  recentDeliveries?: number;
  /**
   * Answers computed at once, and chart drawings (each one long synchronous chunk) at once; more wait their turn,
   * so acks stay fast under load. Default 2 answers, 1 drawing.
   */
  computeSlots?: { answers: number; drawings: number };
}

/** What the Slack channel needs from the rest of socbot. */
export interface SlackDeps {
  settings: SlackSettings;
  socbot: Pick<Socbot, 'answer' | 'images' | 'audit' | 'conversations'> & Partial<Pick<Socbot, 'inbox'>>;
  log: Logger;
  tuning?: SlackTuning;
}

/** The mounted channel. */
export interface SlackChannel {
  app: App;
  /** Resolves when no command is being answered any more (tests, graceful shutdown). */
  idle(): Promise<void>;
  /** Answers a command a previous run left unanswered, in its thread. */
  resume: ResumeCommand;
  /** Posts scheduled digests into stored Slack channels. */
  poster: DigestPoster;
}

const defaultRetryConfig: webApi.RetryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 30_000,
  randomize: true,
};

/**
 * Slack re-delivers an event it thinks was not acknowledged in time (`X-Slack-Retry-Num`): the same `event_id`
 * again. A delivery seen before stops here, so it never starts a second investigation.
 */
function dedupeDeliveries(recent: BoundedMap<string, true>, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const keys = deliveryKeys(body);
    const seen = keys.some((key) => recent.has(key));
    for (const key of keys) recent.set(key, true);
    if (seen) {
      log.info({ keys, retryNum: context.retryNum, retryReason: context.retryReason }, 'Slack re-delivery ignored');
      return;
    }
    await next();
  };
}

function tracker(log: Logger) {
  const running = new Set<Promise<void>>();
  return {
    track(start: () => Promise<void>, correlationId: string) {
      // setImmediate runs after the pending I/O: other requests in the same burst get their ack before this work.
      const guarded = new Promise<void>((resolve) => setImmediate(resolve))
        .then(start)
        .catch((error: unknown) => log.error({ err: error, correlationId }, 'Slack command failed'));
      running.add(guarded);
      void guarded.finally(() => running.delete(guarded));
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}

/**
 * Mounts Slack on `server` at `/slack/events`. Checks the token with `auth.test` first (and throws when Slack
 * refuses it), so a bad token fails at start, not at the first command.
 */
export async function mountSlack(server: Express, deps: SlackDeps): Promise<SlackChannel> {
  const { settings, socbot, tuning = {} } = deps;
  const log = deps.log.child({ channel: 'slack' });
  const logger = boltLogger(log);
  const router = express.Router();
  const receiver = new ExpressReceiver({
    signingSecret: settings.signingSecret,
    endpoints: slackEventsPath,
    router,
    logger,
    // Acknowledge first, work after: Slack waits 3 s at most.
    processBeforeResponse: false,
  });
  const app = new App({
    token: settings.botToken,
    receiver,
    logger,
    deferInitialization: true,
    clientOptions: {
      ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
      retryConfig: tuning.retryConfig ?? defaultRetryConfig,
      logger,
    },
  });
  await app.init();
  const work = tracker(log);
  const answers = new WorkLimiter(tuning.computeSlots?.answers ?? 2);
  const drawings = new WorkLimiter(tuning.computeSlots?.drawings ?? 1);
  const runtime: SlackRuntime = {
    inbound: {
      answer: (text, meta) => answers.run(() => socbot.answer(text, meta)),
      attachImages: (sections) => drawings.run(() => socbot.images.attach(sections)),
      rules: settings.rules,
      audit: socbot.audit,
      log,
      ...(socbot.inbox ? { inbox: socbot.inbox } : {}),
    },
    sender: new SlackSender(app.client, new ChannelPacer(tuning.messageIntervalMs ?? 1000), log),
    images: socbot.images.store,
    conversations: socbot.conversations,
    log,
    threads: new BoundedMap(10_000),
    savedChannels: new BoundedMap(10_000),
    track: work.track,
  };
  app.use(dedupeDeliveries(new BoundedMap(tuning.recentDeliveries ?? 5000), log));
  registerSlashCommand(app, runtime);
  registerMessageEvents(app, runtime);
  registerButtonAction(app, runtime);
  app.error(async (error) => {
    log.error({ err: error, code: error.code }, 'Slack event could not be handled');
  });
  // Only now, with the token checked and listeners registered, does Slack's traffic reach Bolt.
  server.use(router);
  return {
    app,
    idle: work.idle,
    resume: (command, notice, rerun) => resumeThreadCommand(command, notice, rerun, runtime),
    poster: createSlackDigestPoster({ sender: runtime.sender, images: runtime.images, rules: settings.rules, log }),
  };
}
