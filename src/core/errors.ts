/**
 * The closed set of user-facing failures. Each carries what the user should do about it; renderers turn a
 * `SocbotError` into a friendly card, never a stack trace.
 */
export const errorCodes = {
  AlertNotFound: 'No alert has that id.',
  BadCommand: 'The command could not be understood.',
  BadTimeWindow: 'The time window is not valid.',
  QueryFailed: 'A data query failed.',
  RateLimited: 'A provider is throttling requests.',
  NotAuthorised: 'You are not allowed to do that here.',
  NotAvailable: 'That command is not available yet.',
  WorkspaceBusy: 'The local workspace is in use by another process.',
  Timeout: 'The step took too long.',
  BadInput: 'The input is not valid.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorCodes;

/** A failure the user can understand and act on. `hint` says what to type or do instead. */
export class SocbotError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = code;
    this.code = code;
    this.hint = options.hint;
  }
}

/** True for errors created by socbot for users; anything else is unexpected and gets a correlation id. */
export function isSocbotError(error: unknown): error is SocbotError {
  return error instanceof SocbotError;
}
