/**
 * The command grammar (DESIGN.md §1) as data: one spec per command drives parsing, `help` and examples.
 */
import type { RelativeWindow } from './time-window.js';

/** What a command is about: an alert, or a host by name. Bare words are resolved later (alert first, then host). */
export type Target = { kind: 'alert'; alertId: string } | { kind: 'host'; host: string } | { kind: 'ref'; ref: string };

export type DigestCommand =
  | { action: 'subscribe'; schedule: string; timezone?: string; top?: number; minSeverity?: string }
  | { action: 'list' }
  | { action: 'unsubscribe'; id: string }
  | { action: 'now' };

/** A parsed command. */
export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'alerts'; window?: RelativeWindow; minSeverity?: string; host?: string; top?: number }
  | { name: 'investigate'; alertId?: string }
  | { name: 'alert'; alertId: string }
  | { name: 'related'; alertId: string; window?: RelativeWindow }
  | { name: 'tree'; alertId: string; window?: RelativeWindow }
  | { name: 'processes'; target: Target; window?: RelativeWindow }
  | { name: 'iocs'; alertId: string }
  | { name: 'vt'; observable: string }
  | { name: 'vt'; alertId: string }
  | { name: 'cmdline'; alertId: string; window?: RelativeWindow }
  | { name: 'logons'; target: Target; window?: RelativeWindow }
  | { name: 'failed-logons'; target: Target; window?: RelativeWindow }
  | { name: 'digest'; digest: DigestCommand }
  | { name: 'export'; alertId: string; format: 'md' | 'html' | 'json' };

export type CommandName = Command['name'];

/** How a command is described to users. */
export interface CommandSpec {
  name: CommandName;
  usage: string;
  summary: string;
  examples: string[];
}

/** Every command, in the order `help` lists them. */
export const commandSpecs: readonly CommandSpec[] = [
  {
    name: 'alerts',
    usage: 'alerts [last 24h] [severity high] [host NAME] [top N]',
    summary: 'Alert counts by type, a timeline, and the top alerts with an Investigate button.',
    examples: ['alerts', 'alerts last 7d severity high', 'alerts host WEB01'],
  },
  {
    name: 'investigate',
    usage: 'investigate <alertId>',
    summary: 'The whole guided investigation of an alert, one section at a time.',
    examples: ['investigate 2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd'],
  },
  {
    name: 'alert',
    usage: 'alert <alertId>',
    summary: 'Alert summary: properties, extended properties and entities.',
    examples: ['alert <alertId>'],
  },
  {
    name: 'related',
    usage: 'related <alertId> [-5d..+1d]',
    summary: 'Alerts sharing the host, account or process of this alert.',
    examples: ['related <alertId>', 'related <alertId> -2d..+1d'],
  },
  {
    name: 'tree',
    usage: 'tree <alertId> [-60m..+10m]',
    summary: 'The process tree around the alert process.',
    examples: ['tree <alertId>'],
  },
  {
    name: 'processes',
    usage: 'processes <alertId or host> [window]',
    summary: 'Other processes on the host, clustered; rare processes listed.',
    examples: ['processes <alertId>', 'processes host WEB01 last 2h'],
  },
  {
    name: 'iocs',
    usage: 'iocs <alertId>',
    summary: 'Decoded base64 and indicators of compromise in the alert process and its tree.',
    examples: ['iocs <alertId>'],
  },
  {
    name: 'vt',
    usage: 'vt <observable> | vt alert <alertId>',
    summary: "VirusTotal verdict for an IP, domain, URL or hash; or for every IoC of an alert's process and tree.",
    examples: ['vt 90.156.201.27', 'vt alert <alertId>'],
  },
  {
    name: 'cmdline',
    usage: 'cmdline <alertId> [-5d..+1d]',
    summary: 'The same command line run on other hosts.',
    examples: ['cmdline <alertId>'],
  },
  {
    name: 'logons',
    usage: 'logons <alertId or host> [window]',
    summary: "The alert's logon session, then all host logons clustered.",
    examples: ['logons <alertId>', 'logons host WEB01 last 1d'],
  },
  {
    name: 'failed-logons',
    usage: 'failed-logons <alertId or host> [window]',
    summary: 'Failed logons on the host.',
    examples: ['failed-logons host WEB01 last 1d'],
  },
  {
    name: 'digest',
    usage:
      'digest subscribe <daily 08:00 | weekdays 09:30 | hourly | "cron"> [tz Europe/Paris] [top N] [severity X] | digest list | digest unsubscribe <id> | digest now',
    summary:
      'Scheduled summaries of the top alerts, posted in this Teams or Slack channel; `digest now` shows one here.',
    examples: [
      'digest subscribe daily 08:00 tz Europe/Paris top 5 severity medium',
      'digest subscribe "0 8 * * 1-5" tz America/New_York',
      'digest list',
      'digest now',
    ],
  },
  {
    name: 'export',
    usage: 'export <alertId> [md|html|json]',
    summary: 'The whole investigation as one document.',
    examples: ['export <alertId> md'],
  },
  {
    name: 'help',
    usage: 'help [command]',
    summary: 'This list, or the details of one command.',
    examples: ['help', 'help alerts'],
  },
];
