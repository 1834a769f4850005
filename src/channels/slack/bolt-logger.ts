/**
 * Bolt's and the Web API client's log lines into socbot's pino logger, so "request verification failed" and
 * "rate limited, retrying in N s" land in the same JSON log as everything else.
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.js';

function line(parts: unknown[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
}

const fromPino: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/** A Bolt `Logger` writing to a child of `log`. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  return {
    debug: (...parts: unknown[]) => child.debug(line(parts)),
    info: (...parts: unknown[]) => child.info(line(parts)),
    warn: (...parts: unknown[]) => child.warn(line(parts)),
    error: (...parts: unknown[]) => child.error(line(parts)),
    // The level is socbot's (LOG_LEVEL): Bolt may not change it.
    setLevel: () => undefined,
    getLevel: () => fromPino[child.level] ?? LogLevel.ERROR,
    setName: () => undefined,
  };
}
