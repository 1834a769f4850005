/**
 * `npm start`: the bot server on its embedded default (local workspace, generated on first run; local chat page).
 */
import type { Server } from 'node:http';
import { createSocbot } from './app.js';
import { type ResumeCommand, resumeOpenCommands } from './channels/resume-commands.js';
import { mountSlack, slackEventsPath } from './channels/slack/mount-slack.js';
import { slackSettings } from './channels/slack/slack-config.js';
import { mountTeams, teamsMessagesPath } from './channels/teams/mount-teams.js';
import { TeamsConfigError, teamsSettingsFrom } from './channels/teams/teams-config.js';
import { ConfigError, loadConfig } from './config.js';
import { isSocbotError } from './core/errors.js';
import { digestComposer } from './investigation/commands/digest-content.js';
import { createLogger } from './logger.js';
import type { ChannelKind } from './policy/actor.js';
import type { DigestPoster } from './schedule/digest-poster.js';
import { DigestScheduler } from './schedule/digest-scheduler.js';
import { createServer } from './server.js';

/** How long a shutdown waits for running commands (container runtimes usually allow 30 s after SIGTERM). */
const shutdownGraceMs = 25_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  let socbot: Awaited<ReturnType<typeof createSocbot>>;
  try {
    socbot = await createSocbot(config, log, { bootstrapDemo: true });
  } catch (error) {
    if (isSocbotError(error)) {
      process.stderr.write(`${error.message}${error.hint ? `\n${error.hint}` : ''}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = createServer({
    answer: socbot.answer,
    health: socbot.health,
    images: socbot.images,
    audit: socbot.audit,
    documents: socbot.documents,
  });
  /** Channels with commands in flight, waited for on shutdown: an accepted command gets its answer. */
  const channels: { idle(): Promise<void> }[] = [];
  const resumers: Partial<Record<ChannelKind, ResumeCommand>> = {};
  const posters: DigestPoster[] = [];
  const slack = slackSettings(config);
  if (slack) {
    const channel = await mountSlack(app, { settings: slack, socbot, log });
    channels.push(channel);
    resumers.slack = channel.resume;
    posters.push(channel.poster);
    log.info({ path: slackEventsPath }, 'Slack channel on');
  }
  const teams = teamsSettingsFrom(config);
  if (teams) {
    try {
      const channel = mountTeams(app, {
        settings: teams,
        socbot,
        log,
        ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
      });
      channels.push(channel);
      resumers.teams = channel.resume;
      posters.push(channel.poster);
    } catch (error) {
      if (!(error instanceof TeamsConfigError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    log.info({ path: teamsMessagesPath, authenticated: teams.credentials !== undefined }, 'Teams channel on');
  }
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    log.info({ url: `http://${config.HOST}:${config.PORT}/` }, 'socbot is listening; open the URL for the local chat');
  });
  server.on('error', (error) => {
    log.fatal({ err: error }, 'the server could not start');
    process.exit(1);
  });
  // What a crash or a kill cut short is answered now, where it was asked.
  void resumeOpenCommands({ inbox: socbot.inbox, channels: resumers, log, now: new Date() }).catch((error: unknown) =>
    log.error({ err: error }, 'unanswered commands could not be resumed'),
  );
  // Scheduled digests start once the channels that post them are mounted; a slot missed while down is posted now.
  const digests = config.SOCBOT_DIGESTS
    ? new DigestScheduler({
        store: socbot.digests,
        conversations: socbot.conversations,
        posters,
        compose: digestComposer(socbot.provider, log),
        attachImages: socbot.images.attach,
        audit: socbot.audit,
        log: log.child({ component: 'digests' }),
        catchUpMs: config.SOCBOT_DIGEST_CATCH_UP_HOURS * 3_600_000,
      })
    : undefined;
  void digests?.start().catch((error: unknown) => log.error({ err: error }, 'digests could not start'));
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down: finishing the commands already accepted');
    // Stop taking requests, let running investigations post their answers, then close the store.
    server.close();
    const finished = Promise.all([...channels.map((channel) => channel.idle()), digests?.stop()]);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, shutdownGraceMs).unref());
    void Promise.race([finished, deadline])
      .then(() => socbot.close())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), shutdownGraceMs + 5_000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
