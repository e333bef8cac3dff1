import { ERROR_CODES, type ErrorCode } from './error-codes.js';

/** Extra facts attached to an error; kept small and free of secrets (they are logged and dead-lettered). */
export type ErrorDetails = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * The one error type of pushstream: a code from the closed list, a human message that says what was wrong
 * and where, whether retrying can help, and the cause.
 */
export class PushstreamError extends Error {
  override readonly name = 'PushstreamError';
  readonly code: ErrorCode;
  readonly retriable: boolean;
  readonly details: ErrorDetails;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: ErrorDetails; retriable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retriable = options.retriable ?? ERROR_CODES[code].retriable;
    this.details = options.details ?? {};
  }
}

/** True when `error` is a PushstreamError (optionally with the given code). */
export function isPushstreamError(error: unknown, code?: ErrorCode): error is PushstreamError {
  return error instanceof PushstreamError && (code === undefined || error.code === code);
}

/** The message of any thrown value, for logs and DLQ headers. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
