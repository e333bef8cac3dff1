import { parseRetryAfter } from './backoff.js';
import { describeResponse, type PartnerResponse, type PartnerVerdict } from './partner-verdict.js';

/**
 * Classifies an Intilery tracking-API answer ([INT-API]): 2xx with `success` not false is ok; 403 (no or
 * wrong `auth-token`) and 401 halt; 429 and 502/503/504 (any 5xx) retry; 413 is too large (split the
 * batch); other 4xx — `400 {"success":false,"message":…}` — are permanent.
 */
export function classifyIntilery(response: PartnerResponse, nowMs: number): PartnerVerdict {
  const { status } = response;
  const detail = describeResponse(response);
  if (status >= 200 && status < 300) {
    return successFlag(response.body) === false
      ? { kind: 'reject', code: 'PARTNER_REJECTED', detail }
      : { kind: 'ok' };
  }
  if (status === 401 || status === 403) return { kind: 'halt', detail };
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], nowMs);
  if (status === 429 || status >= 500 || status === 408) {
    const reason = status === 429 ? 'rate-limited' : 'unavailable';
    return retryAfterMs === undefined
      ? { kind: 'retry', reason, detail }
      : { kind: 'retry', reason, retryAfterMs, detail };
  }
  if (status === 413) return { kind: 'too-large', detail };
  return { kind: 'reject', code: 'PARTNER_REJECTED', detail };
}

function successFlag(body: string): boolean | undefined {
  try {
    const value: unknown = JSON.parse(body);
    if (value !== null && typeof value === 'object' && 'success' in value) {
      const flag = value.success;
      return typeof flag === 'boolean' ? flag : undefined;
    }
  } catch {
    // An empty or non-JSON 2xx body is still an acknowledgement.
  }
  return undefined;
}
