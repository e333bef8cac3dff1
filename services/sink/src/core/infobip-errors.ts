import { parseRetryAfter } from './backoff.js';
import { describeResponse, type PartnerResponse, type PartnerVerdict } from './partner-verdict.js';

/**
 * An Infobip error body in one of its three shapes (reference C.4): the push endpoints' `{errorCode:int,
 * errorMessage}`, the legacy `{requestError:{serviceException:{messageId,text}}}`, the newer platform
 * `{errorCode:"E429",description,…}`; `none` when the body is none of them.
 */
export type InfobipError =
  | { readonly shape: 'push'; readonly errorCode: number; readonly text: string }
  | { readonly shape: 'legacy'; readonly messageId: string; readonly text: string }
  | { readonly shape: 'platform'; readonly errorCode: string; readonly text: string }
  | { readonly shape: 'none'; readonly text: string };

/** Codes of the push endpoints (PushApiErrorResponse). */
export const INFOBIP_PUSH_CODES = {
  appCodeMissing: 48001,
  applicationNotFound: 48012,
  registrationNotFound: 48013,
} as const;

/** Parses any Infobip error body; never throws. */
export function parseInfobipError(body: string): InfobipError {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { shape: 'none', text: body };
  }
  if (!isObject(value)) return { shape: 'none', text: body };
  const exception = isObject(value.requestError) ? value.requestError.serviceException : undefined;
  if (isObject(exception) && typeof exception.messageId === 'string') {
    return {
      shape: 'legacy',
      messageId: exception.messageId,
      text: typeof exception.text === 'string' ? exception.text : '',
    };
  }
  if (typeof value.errorCode === 'number') {
    return {
      shape: 'push',
      errorCode: value.errorCode,
      text: typeof value.errorMessage === 'string' ? value.errorMessage : '',
    };
  }
  if (typeof value.errorCode === 'string') {
    return {
      shape: 'platform',
      errorCode: value.errorCode,
      text: typeof value.description === 'string' ? value.description : '',
    };
  }
  return { shape: 'none', text: body };
}

/** The partner's error code of a parsed body, as text (`48013`, `USER_MERGE_INTERRUPTED`, `E429`). */
export function infobipErrorCode(error: InfobipError): string | undefined {
  switch (error.shape) {
    case 'push':
      return String(error.errorCode);
    case 'legacy':
      return error.messageId;
    case 'platform':
      return error.errorCode;
    case 'none':
      return undefined;
  }
}

const LEGACY_RETRY = new Set(['TOO_MANY_REQUESTS', 'GENERAL_ERROR', 'SERVICE_UNAVAILABLE']);
const LEGACY_HALT = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'APP_CODE_MISSING']);
const LEGACY_NOT_FOUND = new Set(['NOT_FOUND', 'NO_REGISTRATION']);

/**
 * Classifies an Infobip answer. Business errors are classified by their code, not by the HTTP status
 * (the status of personalize business errors is not documented); see `PartnerVerdict` for the classes.
 */
export function classifyInfobip(response: PartnerResponse, nowMs: number): PartnerVerdict {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const error = parseInfobipError(response.body);
  const code = infobipErrorCode(error);
  const detail = describeResponse(response);
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], nowMs);
  const retry = (reason: 'rate-limited' | 'unavailable'): PartnerVerdict =>
    retryAfterMs === undefined
      ? { kind: 'retry', reason, detail }
      : { kind: 'retry', reason, retryAfterMs, detail };

  if (status === 429 || code === 'TOO_MANY_REQUESTS' || code === 'E429') return retry('rate-limited');
  if (status === 401 || status === 403) return { kind: 'halt', detail };
  if (error.shape === 'push') {
    if (
      error.errorCode === INFOBIP_PUSH_CODES.appCodeMissing ||
      error.errorCode === INFOBIP_PUSH_CODES.applicationNotFound
    )
      return { kind: 'halt', detail };
    if (error.errorCode === INFOBIP_PUSH_CODES.registrationNotFound) return { kind: 'not-found', detail };
  }
  if (error.shape === 'legacy') {
    if (LEGACY_HALT.has(error.messageId)) return { kind: 'halt', detail };
    if (LEGACY_NOT_FOUND.has(error.messageId)) return { kind: 'not-found', detail };
    if (LEGACY_RETRY.has(error.messageId)) return retry('unavailable');
    if (error.messageId === 'PERSONALIZATION_IMPOSSIBLE')
      return { kind: 'personalization-impossible', detail };
    if (error.messageId === 'USER_MERGE_INTERRUPTED')
      return { kind: 'reject', code: 'PARTNER_MERGE_CONFLICT', partnerCode: error.messageId, detail };
  }
  if (status >= 500 || status === 408) return retry('unavailable');
  if (status === 404) return { kind: 'not-found', detail };
  return code === undefined
    ? { kind: 'reject', code: 'PARTNER_REJECTED', detail }
    : { kind: 'reject', code: 'PARTNER_REJECTED', partnerCode: code, detail };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
