import type { ErrorCode } from '@pushstream/schemas';

/** A bad argument or option: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code: ErrorCode = 'USAGE_INVALID';
}
