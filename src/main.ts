/**
 * `npm start`: the bot server on its embedded default (local workspace, generated on first run; local chat page).
 */
import type { Server } from 'node:http';
import { createSocbot } from './app.js';
import { mountSlack, slackEventsPath } from './channels/slack/mount-slack.js';
import { slackSettings } from './channels/slack/slack-config.js';
import { mountTeams, teamsMessagesPath } from './channels/teams/mount-teams.js';
import { TeamsConfigError, teamsSettingsFrom } from './channels/teams/teams-config.js';
import { ConfigError, loadConfig } from './config.js';
import { isSocbotError } from './core/errors.js';
import { createLogger } from './logger.js';
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
  });
  /** Channels with commands in flight, waited for on shutdown: an accepted command gets its answer. */
  const channels: { idle(): Promise<void> }[] = [];
  const slack = slackSettings(config);
  if (slack) {
    channels.push(await mountSlack(app, { settings: slack, socbot, log }));
    log.info({ path: slackEventsPath }, 'Slack channel on');
  }
  const teams = teamsSettingsFrom(config);
  if (teams) {
    try {
      channels.push(mountTeams(app, { settings: teams, socbot, log }));
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
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down: finishing the commands already accepted');
    // Stop taking requests, let running investigations post their answers, then close the store.
    server.close();
    const finished = Promise.all(channels.map((channel) => channel.idle()));
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
