import type { ServerResponse } from 'node:http';

/**
 * The error body: the spec documents no error format for RTDS, so this is the usual Airship API envelope —
 * the one the Python client parses (`AirshipFailure.from_response` reads `error`, `error_code`, `details`).
 */
export interface RtdsErrorBody {
  readonly ok: false;
  readonly error: string;
  readonly error_code: number;
  readonly details: { readonly error: string };
}

/** The content type of error bodies (the Airship API's JSON media type). */
export const RTDS_ERROR_CONTENT_TYPE = 'application/vnd.urbanairship+json; version=3';

/** The error body of a status: `error_code` is the status followed by `01`, e.g. `40001`. */
export function errorBody(status: number, error: string, detail: string = error): RtdsErrorBody {
  return { ok: false, error, error_code: status * 100 + 1, details: { error: detail } };
}

/** Sends an error status with the envelope and any extra headers, then closes the response. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  detail?: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const payload = JSON.stringify(errorBody(status, error, detail));
  res.writeHead(status, {
    ...headers,
    'content-type': RTDS_ERROR_CONTENT_TYPE,
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}
