import { PushstreamError, type ErrorCode } from '@pushstream/runtime';
import type { SinkTarget } from '@pushstream/schemas';
import type { PartnerReply } from '../core/partner-verdict.js';

/** Headers a sink dead letter carries besides the runtime's error headers. */
export const PARTNER_HEADERS = {
  target: 'pushstream-partner-target',
  operation: 'pushstream-partner-operation',
  /** HTTP status, or `timeout` / `network`. */
  status: 'pushstream-partner-status',
  /** The partner's response body, as received (at most MAX_RESPONSE_BYTES). */
  response: 'pushstream-partner-response',
  /** The partner's error code (48013, USER_MERGE_INTERRUPTED, E429, …). */
  errorCode: 'pushstream-partner-error-code',
  /** `true` when the call failed only because retries ran out: replaying the dead letter may succeed. */
  retryable: 'pushstream-partner-retryable',
} as const;

/** Longest partner response kept in a dead-letter header. */
export const MAX_RESPONSE_BYTES = 16 * 1024;

/** A device whose partner call ended without an acknowledgement. */
export interface PartnerFailure {
  readonly code: ErrorCode;
  readonly target: SinkTarget;
  readonly operation: string;
  readonly message: string;
  readonly reply: PartnerReply | undefined;
  readonly partnerCode?: string;
  readonly retryable: boolean;
}

/** The error and extra headers of the dead letter of a failed device. */
export function deadLetterOf(failure: PartnerFailure): {
  reject: PushstreamError;
  headers: Record<string, string>;
} {
  const headers: Record<string, string> = {
    [PARTNER_HEADERS.target]: failure.target,
    [PARTNER_HEADERS.operation]: failure.operation,
    [PARTNER_HEADERS.retryable]: String(failure.retryable),
  };
  const { reply } = failure;
  if (reply !== undefined) {
    if ('failure' in reply) {
      headers[PARTNER_HEADERS.status] = reply.failure;
    } else {
      headers[PARTNER_HEADERS.status] = String(reply.status);
      headers[PARTNER_HEADERS.response] = Buffer.from(reply.body, 'utf8')
        .subarray(0, MAX_RESPONSE_BYTES)
        .toString('utf8');
    }
  }
  if (failure.partnerCode !== undefined) headers[PARTNER_HEADERS.errorCode] = failure.partnerCode;
  return {
    reject: new PushstreamError(failure.code, failure.message, {
      retriable: false,
      details: { target: failure.target, operation: failure.operation },
    }),
    headers,
  };
}
