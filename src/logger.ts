/**
 * The structured logger (pino, JSON lines). Secrets are redacted by path wherever they could appear.
 */
import { pino } from 'pino';

export type Logger = pino.Logger;

/** Creates the process logger. Logs go to stderr so CLI output on stdout stays clean. */
export function createLogger(level = 'info'): Logger {
  return pino(
    {
      level,
      base: { app: 'socbot' },
      redact: {
        paths: ['*.password', '*.secret', '*.token', '*.authorization', '*.apiKey', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
