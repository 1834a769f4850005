/**
 * Mounts the Teams channel on the bot's express app: `POST /api/messages`, authenticated by the Agents SDK's JWT
 * middleware whenever an app id is configured (anonymous only without one, for local development), processed by
 * its CloudAdapter.
 */
import { availableParallelism } from 'node:os';
import { type AuthConfiguration, CloudAdapter } from '@microsoft/agents-hosting';
import express, { type Express } from 'express';
import type { Logger } from '../../logger.js';
import type { AuditLog } from '../../policy/audit.js';
import { withDocumentLinks } from '../../render/documents/document-links.js';
import type { DocumentStore } from '../../render/documents/document-store.js';
import type { DigestPoster } from '../../schedule/digest-poster.js';
import type { CommandInbox } from '../../store/command-inbox.js';
import type { ConversationStore } from '../../store/conversation-store.js';
import { BoundedMap } from '../bounded-map.js';
import type { InboundDeps } from '../handle-inbound.js';
import type { ResumeCommand } from '../resume-commands.js';
import { WorkLimiter } from '../work-limiter.js';
import { CommandRunner } from './command-runner.js';
import { defaultRetryOptions, type RetryOptions } from './connector-retry.js';
import { ConversationSendQueue, type RateWindow } from './send-queue.js';
import { createTeamsAgent } from './teams-agent.js';
import { TeamsConfigError, type TeamsSettings } from './teams-config.js';
import { createTeamsDigestPoster } from './teams-proactive.js';

/** The parts of socbot's core the Teams channel uses (`createSocbot()` gives them all). */
export interface TeamsCore {
  answer: InboundDeps['answer'];
  images: { attach: InboundDeps['attachImages'] };
  /** Where exported documents wait for download (Teams cannot take a file from a bot in a channel). */
  documents?: DocumentStore;
  audit: AuditLog;
  conversations: ConversationStore;
  /** Where accepted commands wait until answered (optional: tests may go without). */
  inbox?: CommandInbox;
}

export interface TeamsDeps {
  socbot: TeamsCore;
  /** From `teamsSettingsFrom(config)`. */
  settings: TeamsSettings;
  log: Logger;
  /** The bot's public address (`PUBLIC_BASE_URL`): download links for exported documents go under it. */
  publicBaseUrl?: string;
  /** Defaults to `/api/messages`, the Azure Bot messaging endpoint path. */
  routePath?: string;
  /** Connector retry tuning (tests shorten the waits). */
  retry?: Partial<RetryOptions>;
  /** Per-thread send limits; Teams' 7 messages a second by default. */
  rate?: readonly RateWindow[];
  /** Investigations running at once (default: the machine's cores, at least 2); the rest queue. */
  maxConcurrentInvestigations?: number;
  /** More Agents SDK auth settings, e.g. the authority of a sovereign cloud (tests point it at a local key set). */
  auth?: Partial<AuthConfiguration>;
}

/** The mounted channel: the SDK objects (for proactive messages) and a way to wait for running commands. */
export interface TeamsChannel {
  adapter: CloudAdapter;
  runner: CommandRunner;
  /** Resolves when no command is running. */
  idle(): Promise<void>;
  /** Answers a command a previous run left unanswered, in its thread. */
  resume: ResumeCommand;
  /** Posts scheduled digests into stored Teams conversations. */
  poster: DigestPoster;
}

/**
 * The SDK auth configuration from socbot's settings. The keys are always present (undefined when unset), so the
 * SDK's own environment names cannot switch authentication on or off behind socbot's configuration.
 */
export function authConfigOf(settings: TeamsSettings, extra: Partial<AuthConfiguration> = {}): AuthConfiguration {
  const credentials = settings.credentials;
  return {
    ...extra,
    clientId: credentials?.clientId,
    clientSecret: credentials?.clientSecret,
    tenantId: credentials?.tenantId,
  };
}

/** The Azure Bot messaging endpoint path. */
export const teamsMessagesPath = '/api/messages';

/** How many threads' alerts are remembered for follow-ups (least recently used forgotten first). */
const threadMemory = 5_000;

/**
 * What a Teams answer goes through before it is posted: charts drawn, exported documents turned into download
 * links — only under a public https address, the only kind Teams clients open.
 */
function teamsFinisher(deps: TeamsDeps): InboundDeps['attachImages'] {
  const { images, documents } = deps.socbot;
  const base = deps.publicBaseUrl?.startsWith('https://') ? deps.publicBaseUrl : undefined;
  return async (sections) => {
    const drawn = await images.attach(sections);
    return documents ? withDocumentLinks(drawn, documents, base) : drawn;
  };
}

/** Adds the Teams endpoint to `app`. */
export function mountTeams(app: Express, deps: TeamsDeps): TeamsChannel {
  if (!deps.settings.credentials && process.env.NODE_ENV === 'production') {
    throw new TeamsConfigError(
      'TEAMS_DEV_ANONYMOUS is for local development only: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD in production.',
    );
  }
  const log = deps.log.child({ channel: 'teams' });
  const adapter = new CloudAdapter(authConfigOf(deps.settings, deps.auth));
  // Shared by command replies and digests: one rate-limited lane per thread, whoever posts.
  const queue = new ConversationSendQueue(deps.rate ? { windows: deps.rate } : {});
  const retry = { ...defaultRetryOptions, ...deps.retry };
  const botAppId = deps.settings.credentials ? { botAppId: deps.settings.credentials.clientId } : {};
  const runner = new CommandRunner({
    adapter,
    inbound: {
      answer: deps.socbot.answer,
      attachImages: teamsFinisher(deps),
      rules: deps.settings.rules,
      audit: deps.socbot.audit,
      log,
      ...(deps.socbot.inbox ? { inbox: deps.socbot.inbox } : {}),
    },
    conversations: deps.socbot.conversations,
    threads: new BoundedMap(threadMemory),
    queue,
    retry,
    log,
    ...botAppId,
    investigations: new WorkLimiter(deps.maxConcurrentInvestigations ?? Math.max(2, availableParallelism())),
  });
  const agent = createTeamsAgent(adapter, runner, log);
  if (!deps.settings.credentials) log.warn('Teams runs anonymously (no MICROSOFT_APP_ID): local development only');

  app.post(
    deps.routePath ?? teamsMessagesPath,
    // The SDK's authorizeJWT first (it reads only headers): 401 without a valid token for this app id, before any
    // body is parsed.
    (req, res, next) => adapter.authorizeRequest(req, res, next),
    express.json({ limit: '1mb' }),
    async (req, res) => {
      try {
        await adapter.process(req, res, (context) => agent.run(context));
      } catch (error) {
        log.error({ err: error }, 'Teams activity could not be processed');
        if (!res.headersSent) res.status(500).json({ error: 'The activity could not be processed.' });
      }
    },
  );
  return {
    adapter,
    runner,
    idle: () => runner.idle(),
    resume: (command, notice, rerun) => runner.resume(command, notice, rerun),
    poster: createTeamsDigestPoster({ adapter, queue, retry, rules: deps.settings.rules, log, ...botAppId }),
  };
}
