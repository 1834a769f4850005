/**
 * Parses what a user typed into a `Command`, or says precisely what is wrong and what to type instead.
 * Pure: no I/O. Values are validated here (ids, host names, windows) before they reach any query.
 */
import { distance } from 'fastest-levenshtein';
import { type Command, type CommandName, commandSpecs, type DigestCommand, type Target } from './command.js';
import { parseRelativeWindow, type RelativeWindow } from './time-window.js';

export type ParseResult = { ok: true; command: Command } | { ok: false; message: string; hint: string };

/** Longest command text accepted; anything longer is certainly not a command. */
export const maxCommandLength = 2000;

const aliases: Record<string, CommandName> = {
  '?': 'help',
  commands: 'help',
  list: 'alerts',
  investigation: 'investigate',
  inv: 'investigate',
  triage: 'investigate',
  summary: 'alert',
  show: 'alert',
  'process-tree': 'tree',
  proctree: 'tree',
  procs: 'processes',
  ioc: 'iocs',
  virustotal: 'vt',
  'command-line': 'cmdline',
  commandline: 'cmdline',
  logon: 'logons',
  failedlogons: 'failed-logons',
  failed_logons: 'failed-logons',
  failures: 'failed-logons',
  digests: 'digest',
};

const alertIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
const hostPattern = /^[A-Za-z0-9][A-Za-z0-9_.$-]{0,254}$/;
const severities = ['informational', 'low', 'medium', 'high'] as const;

class ParseError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Splits on white space, keeping "quoted strings" (straight or curly quotes) together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+)/g)) {
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
  }
  return tokens;
}

/** Removes a leading bot mention (`@socbot`, `<at>socbot</at>`, `<@U123>`, `/socbot`). */
export function stripMention(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>|@?socbot\b|\/socbot\b)[:,]?/i, ' ')
    .trim();
}

function usageOf(name: CommandName): string {
  return commandSpecs.find((spec) => spec.name === name)?.usage ?? name;
}

function alertIdArg(name: CommandName, token: string | undefined): string {
  if (token === undefined) throw new ParseError(`\`${name}\` needs an alert id.`, `Type \`${usageOf(name)}\`.`);
  if (!alertIdPattern.test(token)) {
    throw new ParseError(
      `"${token.slice(0, 60)}" does not look like an alert id.`,
      'Alert ids are letters, digits, `-`, `_`, `.` and `:`; type `alerts` to see recent ones.',
    );
  }
  return token;
}

function windowArg(name: CommandName, tokens: string[]): RelativeWindow | undefined {
  if (tokens.length === 0) return undefined;
  const parsed = parseRelativeWindow(tokens.join(' '));
  if (typeof parsed === 'string') throw new ParseError(`Bad time window: ${parsed}.`, `Type \`${usageOf(name)}\`.`);
  return parsed;
}

function targetArg(name: CommandName, tokens: string[]): { target: Target; rest: string[] } {
  const [first, second, ...others] = tokens;
  if (first === undefined)
    throw new ParseError(`\`${name}\` needs an alert id or a host.`, `Type \`${usageOf(name)}\`.`);
  if (first.toLowerCase() === 'host') {
    if (second === undefined || !hostPattern.test(second)) {
      throw new ParseError('That is not a host name.', `Type \`${name} host WEB01\`.`);
    }
    return { target: { kind: 'host', host: second }, rest: others };
  }
  const rest = tokens.slice(1);
  if (first.toLowerCase() === 'alert')
    return { target: { kind: 'alert', alertId: alertIdArg(name, second) }, rest: others };
  return { target: { kind: 'ref', ref: alertIdArg(name, first) }, rest };
}

function parseAlerts(tokens: string[]): Command {
  const command: Extract<Command, { name: 'alerts' }> = { name: 'alerts' };
  const windowTokens: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.toLowerCase();
    const severityMatch = /^(?:severity|sev)(?:>=|≥|=)?(.*)$/.exec(token);
    if (severityMatch) {
      let value = severityMatch[1]!;
      if (value === '' || value === '>=' || value === '≥') value = (tokens[++i] ?? '').toLowerCase();
      if (value === '>=' || value === '≥') value = (tokens[++i] ?? '').toLowerCase();
      const severity = severities.find((s) => s.startsWith(value) && value.length > 0);
      if (!severity) throw new ParseError(`"${value}" is not a severity.`, 'Use informational, low, medium or high.');
      command.minSeverity = severity;
    } else if (token === 'host') {
      const host = tokens[++i];
      if (host === undefined || !hostPattern.test(host))
        throw new ParseError('That is not a host name.', 'Type `alerts host WEB01`.');
      command.host = host;
    } else if (token === 'top') {
      const top = Number(tokens[++i]);
      if (!Number.isInteger(top) || top < 1 || top > 50)
        throw new ParseError('`top` takes a number from 1 to 50.', 'Type `alerts top 10`.');
      command.top = top;
    } else {
      windowTokens.push(tokens[i]!);
    }
  }
  const window = windowArg('alerts', windowTokens);
  if (window) command.window = window;
  return command;
}

/** An IANA zone name as typed after the schedule without `tz` (`Europe/Paris`, `UTC`); cron fields never look so. */
const zoneLike = /^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|UTC|GMT)$/;

/** The severity after `severity` / `sev` (`severity high`, `severity >= high`, `sev≥high`); `next` reads on. */
function severityValue(token: string, next: () => string | undefined): string {
  let value = /^(?:severity|sev)(?:>=|≥|=)?(.*)$/i.exec(token)?.[1] ?? '';
  if (value === '') value = next() ?? '';
  if (value === '>=' || value === '≥') value = next() ?? '';
  const typed = value.toLowerCase();
  const severity = severities.find((s) => typed.length > 0 && s.startsWith(typed));
  if (!severity) throw new ParseError(`"${value}" is not a severity.`, 'Use informational, low, medium or high.');
  return severity;
}

/**
 * `digest subscribe <schedule> [tz ZONE | ZONE] [top N] [severity X]`: the schedule is every word before the first
 * option, so `daily 08:00` and `0 8 * * 1-5` work unquoted too.
 */
function parseSubscribe(tokens: string[]): DigestCommand {
  const schedule: string[] = [];
  const digest: Extract<DigestCommand, { action: 'subscribe' }> = { action: 'subscribe', schedule: '' };
  let optionSeen = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const key = token.toLowerCase();
    const next = () => tokens[++i];
    if (key === 'tz' || key === 'timezone') {
      const zone = next();
      if (zone === undefined) throw new ParseError('`tz` needs a time zone.', 'Type `tz Europe/Paris`.');
      digest.timezone = zone;
    } else if (key === 'top') {
      const top = Number(next());
      if (!Number.isInteger(top) || top < 1 || top > 50)
        throw new ParseError('`top` takes a number from 1 to 50.', 'Type `top 5`.');
      digest.top = top;
    } else if (/^(?:severity|sev)(?:$|>=|≥|=)/.test(key)) {
      digest.minSeverity = severityValue(token, next);
    } else if (schedule.length > 0 && digest.timezone === undefined && zoneLike.test(token)) {
      digest.timezone = token;
    } else if (optionSeen || digest.timezone !== undefined) {
      throw new ParseError(`Unknown digest option "${token.slice(0, 40)}".`, `Type \`${usageOf('digest')}\`.`);
    } else {
      schedule.push(token);
      continue;
    }
    optionSeen = true;
  }
  if (schedule.length === 0) {
    throw new ParseError(
      'When should the digest run?',
      'Type `digest subscribe daily 08:00`, `digest subscribe weekdays 09:30` or a cron like `"0 8 * * 1-5"`.',
    );
  }
  digest.schedule = schedule.join(' ');
  return digest;
}

function parseDigest(tokens: string[]): DigestCommand {
  const [action, ...rest] = tokens;
  switch (action?.toLowerCase()) {
    case 'list':
      return { action: 'list' };
    case 'now':
      return { action: 'now' };
    case 'unsubscribe':
    case 'remove':
    case 'delete': {
      const id = rest[0];
      if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
        throw new ParseError('Which subscription?', 'Type `digest list` to see ids, then `digest unsubscribe <id>`.');
      return { action: 'unsubscribe', id };
    }
    case 'subscribe':
      return parseSubscribe(rest);
    default:
      throw new ParseError('What should I do with digests?', `Type \`${usageOf('digest')}\`.`);
  }
}

function parseNamed(name: CommandName, args: string[]): Command {
  switch (name) {
    case 'help':
      return args[0] ? { name, topic: args[0].toLowerCase() } : { name };
    case 'alerts':
      return parseAlerts(args);
    case 'investigate':
      return args[0] === undefined ? { name } : { name, alertId: alertIdArg(name, args[0]) };
    case 'alert':
    case 'iocs':
      return { name, alertId: alertIdArg(name, args[0]) };
    case 'related':
    case 'tree':
    case 'cmdline': {
      const window = windowArg(name, args.slice(1));
      return { name, alertId: alertIdArg(name, args[0]), ...(window ? { window } : {}) };
    }
    case 'processes':
    case 'logons':
    case 'failed-logons': {
      const { target, rest } = targetArg(name, args);
      const window = windowArg(name, rest);
      return { name, target, ...(window ? { window } : {}) };
    }
    case 'vt': {
      // `vt alert <id>`: the threat-intel step for an alert ("alert" itself is no observable).
      if (args[0]?.toLowerCase() === 'alert') return { name, alertId: alertIdArg(name, args[1]) };
      const observable = args.join(' ').trim();
      if (!observable || observable.length > 2048)
        throw new ParseError('`vt` needs one observable.', 'Type `vt 90.156.201.27`.');
      return { name, observable };
    }
    case 'digest':
      return { name, digest: parseDigest(args) };
    case 'export': {
      const format = (args[1] ?? 'md').toLowerCase();
      if (format !== 'md' && format !== 'html' && format !== 'json')
        throw new ParseError(`"${format}" is not an export format.`, 'Use md, html or json.');
      return { name, alertId: alertIdArg(name, args[0]), format };
    }
  }
}

/** Resolves a typed command word (or alias) to a command name. */
export function commandNameOf(word: string): CommandName | undefined {
  const lower = word.toLowerCase();
  return commandSpecs.find((spec) => spec.name === lower)?.name ?? aliases[lower];
}

/** Parses one command line. */
export function parseCommand(input: string): ParseResult {
  if (input.length > maxCommandLength) {
    return {
      ok: false,
      message: `That message is too long for a command (${input.length} characters).`,
      hint: 'Type `help` to see the commands.',
    };
  }
  // Control characters never belong in a command; drop them rather than pass them on.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here
  const text = stripMention(input.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));
  const [word, ...args] = tokenize(text);
  if (word === undefined) return { ok: true, command: { name: 'help' } };
  const name = commandNameOf(word);
  if (!name) {
    const typed = word.toLowerCase();
    const near = commandSpecs
      .map((spec) => ({ name: spec.name, d: distance(typed, spec.name) }))
      .filter((c) => c.d <= 2)
      .sort((a, b) => a.d - b.d)
      .slice(0, 2);
    return {
      ok: false,
      message: `I don't know the command "${word.slice(0, 40)}".`,
      hint:
        near.length > 0
          ? `Did you mean ${near.map((c) => `\`${usageOf(c.name)}\``).join(' or ')}? Type \`help\` for all commands.`
          : 'Type `help` to see what I can do.',
    };
  }
  try {
    return { ok: true, command: parseNamed(name, args) };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, message: error.message, hint: error.hint };
    throw error;
  }
}
