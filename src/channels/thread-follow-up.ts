/**
 * Follow-ups in a thread: inside an investigation's thread, a short command (`tree`, `logons -2h..0`, `vt`, `more`)
 * means "for this thread's alert". Pure and shared by every channel: each adapter remembers which alert a thread is
 * about (its own notion of a thread) and asks here.
 */
import type { CommandName } from '../core/command.js';
import { commandNameOf, parseCommand, tokenize } from '../core/parse-command.js';
import { parseRelativeWindow } from '../core/time-window.js';

/** Commands that take the alert id first, and may be followed by a time window. */
const alertFirstCommands: ReadonlySet<CommandName> = new Set([
  'alert',
  'investigate',
  'related',
  'tree',
  'iocs',
  'cmdline',
]);

/**
 * Commands that take an alert id or `host NAME`: the thread's alert is named as `alert <id>`, so it can never be
 * taken for a host.
 */
const targetCommands: ReadonlySet<CommandName> = new Set(['processes', 'logons', 'failed-logons']);

/**
 * Short words that mean something else alone in a thread: `vt` asks for VirusTotal's verdicts on the alert's IoCs
 * (`vt alert <id>`, the threat-intel step), `more` for more of the alert's context (the related alerts).
 */
const threadWords: Readonly<Record<string, (alertId: string) => string>> = {
  vt: (alertId) => `vt alert ${alertId}`,
  virustotal: (alertId) => `vt alert ${alertId}`,
  more: (alertId) => `related ${alertId}`,
};

/**
 * True when the arguments are a time window, or look like one (`-1d..0`): the alert id still goes in, so the
 * parser answers with what is wrong with the window rather than "not an alert id".
 */
function isWindow(args: readonly string[]): boolean {
  if (args.length === 0) return false;
  return /^(?:[-+]\d|last$)/i.test(args[0] ?? '') || typeof parseRelativeWindow(args.join(' ')) !== 'string';
}

/**
 * The command to run for `text` typed in a thread about `alertId`: a short follow-up gets the alert id inserted
 * after its command word; anything else (or any text outside such a thread) runs as typed.
 */
export function resolveFollowUp(text: string, alertId: string | undefined): string {
  if (alertId === undefined) return text;
  const [word, ...args] = tokenize(text.trim());
  if (word === undefined) return text;
  const threadCommand = threadWords[word.toLowerCase()];
  if (threadCommand) return args.length === 0 ? threadCommand(alertId) : text;
  const name = commandNameOf(word);
  if (name === undefined || !(args.length === 0 || isWindow(args))) return text;
  if (alertFirstCommands.has(name)) return [name, alertId, ...args].join(' ');
  if (targetCommands.has(name)) return [name, 'alert', alertId, ...args].join(' ');
  return text;
}

/** The alert a command is about, when it names one explicitly (so a thread can remember it). */
export function alertIdOfCommand(text: string): string | undefined {
  const parsed = parseCommand(text);
  if (!parsed.ok) return undefined;
  const { command } = parsed;
  if ('alertId' in command) return command.alertId;
  // A bare word may be a host name: only a target that is certainly an alert names one.
  if ('target' in command && command.target.kind === 'alert') return command.target.alertId;
  return undefined;
}
