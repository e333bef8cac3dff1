/** Which RTDS endpoint a stream reads. */
export type RtdsEndpoint = 'events' | 'compliance';

/** RTDS subset: a random sample, or one partition of N (for N connector replicas). */
export type RtdsSubset =
  | { readonly type: 'SAMPLE'; readonly proportion: number }
  | { readonly type: 'PARTITION'; readonly count: number; readonly selection: number };

/** Credentials: Bearer token for /api/events, Basic app key + master secret for /api/events/general. */
export type RtdsCredentials =
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string };

/** One configured RTDS stream. */
export interface RtdsStreamConfig {
  /** e.g. https://connect.urbanairship.com (US) or https://connect.asnapieu.com (EU), or any base URL. */
  readonly baseUrl: string;
  readonly endpoint: RtdsEndpoint;
  readonly appKey: string;
  readonly credentials: RtdsCredentials;
  /** Where a stream without a checkpoint starts. */
  readonly start: 'EARLIEST' | 'LATEST';
  /** Filter objects, passed through as configured (never empty arrays). */
  readonly filters?: readonly unknown[];
  readonly subset?: RtdsSubset;
}

/** The HTTP request that opens (or resumes) a stream. */
export interface RtdsRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The media type RTDS requires in Accept. */
export const RTDS_ACCEPT = 'application/vnd.urbanairship+x-ndjson; version=3;';

/** The stream's identity for checkpoints and metrics: app, endpoint, and subset selection. */
export function streamId(config: Pick<RtdsStreamConfig, 'appKey' | 'endpoint' | 'subset'>): string {
  const subset = config.subset;
  const part =
    subset === undefined
      ? 'all'
      : subset.type === 'PARTITION'
        ? `partition-${subset.selection}-of-${subset.count}`
        : `sample-${subset.proportion}`;
  return `${config.appKey}:${config.endpoint}:${part}`;
}

/**
 * Builds the request per the spec: exactly one of `start` / `resume_offset` (the checkpoint wins), the
 * configured filters and subset, `enable_offset_updates: true`, and the required headers. The body is sent
 * as UTF-8 bytes; its length is computed from them by the HTTP client.
 */
export function buildRtdsRequest(config: RtdsStreamConfig, resumeOffset: string | undefined): RtdsRequest {
  const body: Record<string, unknown> =
    resumeOffset === undefined ? { start: config.start } : { resume_offset: resumeOffset };
  if (config.filters !== undefined && config.filters.length > 0) body.filters = config.filters;
  if (config.subset !== undefined) body.subset = config.subset;
  body.enable_offset_updates = true;
  const authorization =
    config.credentials.kind === 'bearer'
      ? `Bearer ${config.credentials.token}`
      : `Basic ${Buffer.from(`${config.credentials.username}:${config.credentials.password}`).toString('base64')}`;
  const path = config.endpoint === 'events' ? '/api/events' : '/api/events/general';
  return {
    url: `${config.baseUrl.replace(/\/+$/, '')}${path}`,
    headers: {
      accept: RTDS_ACCEPT,
      'content-type': 'application/json',
      'accept-encoding': 'gzip, deflate',
      'x-ua-appkey': config.appKey,
      authorization,
    },
    body: JSON.stringify(body),
  };
}
