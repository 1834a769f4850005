/**
 * The `socbot` command line: `demo`, `import`, `ask`, `serve`. Output for people on stdout, logs on stderr.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createSocbot } from './app.js';
import { runDoctor } from './cli/doctor.js';
import { ConfigError, loadConfig } from './config.js';
import { isSocbotError, SocbotError } from './core/errors.js';
import type { Section } from './core/section.js';
import { importPaths } from './data/local/import-into-workspace.js';
import { openWorkspace } from './data/local/workspace.js';
import { writeDemoWorkspace } from './data/local/write-demo-workspace.js';
import { createLogger } from './logger.js';
import { sectionToCard } from './render/adaptive-card/render-card.js';
import { findAttachment } from './render/export/export-document.js';
import { sectionsToMarkdown } from './render/markdown/render-markdown.js';

const usage = `socbot — chat-ops for SOC teams

Usage:
  socbot serve                          run the bot server (same as npm start)
  socbot ask "<command>" [--json|--cards]   answer one command, e.g. socbot ask "alerts last 7d"
  socbot demo [--events N] [--seed S] [--end ISO-TIME] [--force]
                                        generate the demo workspace (default 200000 events, seed 42, ending now)
  socbot import <file|folder>...        load Log Analytics CSV/JSON exports or Windows event JSON
  socbot doctor                         check the Azure Log Analytics set-up and say what to fix lines
  socbot help                           this text

Settings come from the environment or .env (see .env.example); the workspace is in SOCBOT_DATA_DIR.`;

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function ask(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, cards: { type: 'boolean' } },
  });
  const text = positionals.join(' ');
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  let sections: Section[];
  try {
    const socbot = await createSocbot(config, log);
    try {
      sections = await socbot.answer(text, {
        correlationId: randomUUID(),
        actor: { channel: 'cli', userId: 'cli-user', userName: 'socbot ask', conversationId: 'cli' },
      });
    } finally {
      await socbot.close();
    }
  } catch (error) {
    if (!(isSocbotError(error) && error.code === 'WorkspaceBusy')) throw error;
    // The server holds the workspace: ask it instead.
    sections = await askServer(`http://${config.HOST}:${config.PORT}/api/chat`, text, error);
  }
  const document = findAttachment(sections);
  if (document && !values.json && !values.cards) print(document.content);
  else if (values.json) print(JSON.stringify(sections, null, 2));
  else if (values.cards) print(JSON.stringify(sections.map(sectionToCard), null, 2));
  else print(sectionsToMarkdown(sections));
  return sections.some((s) => s.status === 'failed') ? 1 : 0;
}

async function askServer(url: string, text: string, busy: SocbotError): Promise<Section[]> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return ((await response.json()) as { sections: Section[] }).sections;
  } catch {
    throw busy;
  }
}

async function demo(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      events: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const config = loadConfig();
  const events = values.events === undefined ? config.SOCBOT_DEMO_EVENTS : Number(values.events);
  const seed = values.seed === undefined ? config.SOCBOT_DEMO_SEED : Number(values.seed);
  const end = values.end ? new Date(values.end) : new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  if (!Number.isInteger(events) || events < 0)
    throw new SocbotError('BadInput', `--events must be a whole number, not ${values.events}`);
  if (!Number.isInteger(seed)) throw new SocbotError('BadInput', `--seed must be a whole number, not ${values.seed}`);
  if (Number.isNaN(end.getTime()))
    throw new SocbotError('BadInput', `--end must be an ISO time like 2026-01-31T12:00:00Z, not ${values.end}`);
  const workspace = await openWorkspace(config.SOCBOT_DATA_DIR);
  try {
    const existing = await workspace.connection.runAndReadAll(
      'SELECT (SELECT count(*) FROM SecurityAlert) + (SELECT count(*) FROM SecurityEvent) AS n',
    );
    if (Number(existing.getRowObjects()[0]?.n ?? 0) > 0) {
      if (!values.force) {
        throw new SocbotError('BadInput', `The workspace ${workspace.file} already has data.`, {
          hint: 'Add --force to replace it with a new demo workspace.',
        });
      }
      await workspace.connection.run('DELETE FROM SecurityAlert; DELETE FROM SecurityEvent; DELETE FROM socbot_meta');
    }
    let lastReport = 0;
    const result = await writeDemoWorkspace(workspace, { events, seed, end }, (n) => {
      if (n - lastReport >= 500_000) {
        lastReport = n;
        process.stderr.write(`  ${n} events…\n`);
      }
    });
    print(`Demo workspace written to ${workspace.file}`);
    print(
      `  ${result.alerts} alerts, ${result.events} events in ${result.seconds.toFixed(1)} s (seed ${seed}, ending ${end.toISOString()})`,
    );
    for (const story of result.stories) print(`  - ${story.name} on ${story.host}: alert ${story.alertId}`);
    return 0;
  } finally {
    workspace.close();
  }
}

async function importCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  if (positionals.length === 0)
    throw new SocbotError('BadInput', 'Name a file or folder to import.', {
      hint: 'socbot import ../shared/data/msticpy',
    });
  const config = loadConfig();
  const workspace = await openWorkspace(config.SOCBOT_DATA_DIR);
  try {
    const summary = await importPaths(workspace, positionals, (line) => print(line));
    print(
      `Imported ${summary.files} file(s): SecurityAlert ${summary.alerts.loaded} loaded, ${summary.alerts.duplicates} already present; ` +
        `SecurityEvent ${summary.events.loaded} loaded, ${summary.events.duplicates} already present; ${summary.skipped} bad row(s) skipped.`,
    );
    return summary.failedFiles > 0 ? 1 : 0;
  } finally {
    workspace.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'ask':
      return ask(args);
    case 'demo':
      return demo(args);
    case 'import':
      return importCommand(args);
    case 'doctor':
      return runDoctor(loadConfig(), print);
    case 'serve':
    case 'start':
      await import('./main.js');
      return -1;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      print(usage);
      return 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
      return 2;
  }
}

try {
  const code = await run(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else if (isSocbotError(error)) {
    process.stderr.write(`${error.message}${error.hint ? `\n${error.hint}` : ''}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
