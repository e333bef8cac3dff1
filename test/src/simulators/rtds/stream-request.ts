import { asRecord } from './event-fields.js';
import { parseFilters, type RequestFilter } from './request-filters.js';
import { parseSubset, type RtdsSubset } from './subset.js';

/** Where a request asks the stream to begin. */
export type StreamPosition = { readonly start: 'EARLIEST' | 'LATEST' } | { readonly resumeOffset: string };

/** A validated request body of `POST /api/events` or `/api/events/general`. */
export interface StreamRequest {
  readonly position: StreamPosition;
  readonly filters: readonly RequestFilter[] | undefined;
  readonly subset: RtdsSubset | undefined;
  readonly enableOffsetUpdates: boolean;
}

/** The request, or why it gets a `400`. */
export type StreamRequestResult =
  { readonly ok: true; readonly request: StreamRequest } | { readonly ok: false; readonly problem: string };

const TOP_LEVEL = ['start', 'resume_offset', 'filters', 'subset', 'enable_offset_updates'];

/**
 * Validates a request body. Exactly one of `start` / `resume_offset` ("Only specify `start` if
 * `resume_offset` is absent", and the converse); the spec leaves a body with neither undocumented, and
 * this server refuses it so a client that forgets its position is caught. Unknown attributes are a `400`
 * ("If an unexpected attribute appears … a status code 400 response will be returned").
 */
export function parseStreamRequest(bodyText: string, compliance: boolean): StreamRequestResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText) as unknown;
  } catch {
    return { ok: false, problem: 'the request body is not valid JSON' };
  }
  const body = asRecord(parsed);
  if (body === undefined) return { ok: false, problem: 'the request body must be a JSON object' };
  const unexpected = Object.keys(body).find((key) => !TOP_LEVEL.includes(key));
  if (unexpected !== undefined) return { ok: false, problem: `unexpected attribute "${unexpected}"` };

  const { start, resume_offset: resumeOffset } = body;
  if (start !== undefined && resumeOffset !== undefined)
    return { ok: false, problem: 'specify only one of "start" and "resume_offset"' };
  let position: StreamPosition;
  if (start !== undefined) {
    if (start !== 'EARLIEST' && start !== 'LATEST')
      return { ok: false, problem: 'start must be EARLIEST or LATEST' };
    position = { start };
  } else if (resumeOffset !== undefined) {
    if (typeof resumeOffset !== 'string' || resumeOffset === '')
      return { ok: false, problem: 'resume_offset must be a non-empty string' };
    position = { resumeOffset };
  } else {
    return { ok: false, problem: 'one of "start" or "resume_offset" is required' };
  }

  let filters: RequestFilter[] | undefined;
  if (body.filters !== undefined) {
    const result = parseFilters(body.filters, compliance);
    if (!result.ok) return result;
    filters = result.filters;
  }
  let subset: RtdsSubset | undefined;
  if (body.subset !== undefined) {
    const result = parseSubset(body.subset);
    if (!result.ok) return result;
    subset = result.subset;
  }
  const enable = body.enable_offset_updates;
  if (enable !== undefined && typeof enable !== 'boolean')
    return { ok: false, problem: 'enable_offset_updates must be a boolean' };
  return { ok: true, request: { position, filters, subset, enableOffsetUpdates: enable === true } };
}
