/**
 * `npm start`: the bot server on its embedded default (local workspace, generated on first run; local chat page).
 */
import type { Server } from 'node:http';
import { createSocbot } from './app.js';
import { mountSlack, slackEventsPath } from './channels/slack/mount-slack.js';
import { slackSettings } from './channels/slack/slack-config.js';
import { ConfigError, loadConfig } from './config.js';
import { isSocbotError } from './core/errors.js';
import { createLogger } from './logger.js';
import { createServer } from './server.js';

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
  const slack = slackSettings(config);
  if (slack) {
    await mountSlack(app, { settings: slack, socbot, log });
    log.info({ path: slackEventsPath }, 'Slack channel on');
  }
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    log.info({ url: `http://${config.HOST}:${config.PORT}/` }, 'socbot is listening; open the URL for the local chat');
  });
  server.on('error', (error) => {
    log.fatal({ err: error }, 'the server could not start');
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    server.close(() => {
      void socbot.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
