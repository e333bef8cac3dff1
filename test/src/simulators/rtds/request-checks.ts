import type { IncomingHttpHeaders } from 'node:http';
import type { RtdsEndpointKind } from './simulator-stats.js';

/** A refused request: the status and the error envelope's message and detail. */
export interface Refusal {
  readonly status: number;
  readonly error: string;
  readonly detail: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The credentials of the simulated app. */
export interface AppCredentials {
  readonly appKey: string;
  readonly token: string;
  readonly masterSecret: string;
}

/**
 * Checks `Authorization` and `X-UA-Appkey`. The spec: `/api/events` takes a Bearer token only, and Basic
 * (app key : master secret) "is only accepted by the Compliance endpoint". Missing or wrong credentials are
 * `401`; the other scheme, correctly formed, is `403`; a missing app key is `400`; an app key this server has
 * no data for is `404` (the spec's only words on 404: "We do not have data for the specified App key").
 */
export function checkAuth(
  headers: IncomingHttpHeaders,
  endpoint: RtdsEndpointKind,
  app: AppCredentials,
): Refusal | undefined {
  const challenge = { 'www-authenticate': endpoint === 'events' ? 'Bearer' : 'Basic realm="Airship"' };
  const unauthorized = (detail: string): Refusal => ({
    status: 401,
    error: 'Unauthorized',
    detail,
    headers: challenge,
  });
  const [scheme = '', credentials = ''] = (headers.authorization ?? '').trim().split(/\s+/, 2);
  const kind = scheme.toLowerCase();
  if (kind !== 'bearer' && kind !== 'basic')
    return unauthorized('missing or unsupported Authorization header');
  const wanted = endpoint === 'events' ? 'bearer' : 'basic';
  if (kind !== wanted) {
    return {
      status: 403,
      error: 'Forbidden',
      detail: `${scheme} authorization is not accepted by ${endpoint === 'events' ? '/api/events' : '/api/events/general'}`,
    };
  }
  const appKey = headers['x-ua-appkey'];
  if (kind === 'bearer') {
    if (credentials !== app.token) return unauthorized('invalid bearer token');
  } else {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = decoded.slice(0, colon);
    if (colon < 0 || user !== app.appKey || decoded.slice(colon + 1) !== app.masterSecret)
      return unauthorized('invalid app key or master secret');
    if (appKey !== undefined && appKey !== user)
      return unauthorized('Basic credentials are for another app key');
  }
  if (appKey === undefined || appKey === '')
    return { status: 400, error: 'Bad Request', detail: 'the X-UA-Appkey header is required' };
  if (appKey !== app.appKey)
    return { status: 404, error: 'Not Found', detail: 'We do not have data for the specified App key.' };
  return undefined;
}

/**
 * Checks the media types. `Accept` must name `application/vnd.urbanairship+x-ndjson` with `version=3`
 * (spacing and a trailing `;` are free: the Node client sends `…+x-ndjson;version=3;`), else `406`. A JSON
 * `Content-Type` is required only when present, because the Java client sends none; else `415`.
 */
export function checkMediaTypes(headers: IncomingHttpHeaders, strictAccept: boolean): Refusal | undefined {
  if (strictAccept && !acceptsRtds(headers.accept)) {
    return {
      status: 406,
      error: 'Not Acceptable',
      detail: 'Accept must be application/vnd.urbanairship+x-ndjson; version=3;',
    };
  }
  const contentType = headers['content-type'];
  if (contentType !== undefined && contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json')
    return {
      status: 415,
      error: 'Unsupported Media Type',
      detail: 'the request body must be application/json',
    };
  return undefined;
}

function acceptsRtds(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    return (
      type === 'application/vnd.urbanairship+x-ndjson' &&
      params.some((param) => param.replace(/\s/g, '') === 'version=3')
    );
  });
}
