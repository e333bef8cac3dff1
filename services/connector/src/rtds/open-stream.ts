import { constants, createGunzip, createInflate } from 'node:zlib';
import { pipeline, type Readable } from 'node:stream';
import { request } from 'undici';
import type { RtdsRequest } from '../core/rtds-request.js';
import { parseRetryAfter, type StreamEnding } from '../core/reconnect-policy.js';

/** An open RTDS stream, or why it could not be opened. */
export type OpenedStream =
  | {
      readonly kind: 'open';
      readonly body: Readable;
      readonly cookie: string | undefined;
      readonly encoding: string;
    }
  | { readonly kind: 'failed'; readonly ending: StreamEnding; readonly cookie: string | undefined };

/** Settings of `openRtdsStream`. */
export interface OpenStreamOptions {
  /** Affinity cookie from an earlier 307 (kept across reconnects until a failure). */
  readonly cookie: string | undefined;
  /** Most 307s followed in a row. @default 5 */
  readonly maxRedirects?: number;
  /** Connect + response headers timeout, ms. @default 10000 */
  readonly connectTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * POSTs the stream request and returns the decoded body. A 307 is answered by re-POSTing the identical
 * request to the same URL with the `Set-Cookie` affinity cookie (Location is never followed, so the token
 * never goes to another host); the chain is bounded. The body is decompressed per `Content-Encoding`.
 */
export async function openRtdsStream(rtds: RtdsRequest, options: OpenStreamOptions): Promise<OpenedStream> {
  let cookie = options.cookie;
  const maxRedirects = options.maxRedirects ?? 5;
  for (let hop = 0; hop <= maxRedirects; hop += 1) {
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(rtds.url, {
        method: 'POST',
        headers: { ...rtds.headers, ...(cookie === undefined ? {} : { cookie }) },
        body: rtds.body,
        headersTimeout: options.connectTimeoutMs ?? 10_000,
        // The stream is unending: only the silence watchdog may end it.
        bodyTimeout: 0,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
    } catch (error) {
      return {
        kind: 'failed',
        ending: { kind: 'network', message: error instanceof Error ? error.message : String(error) },
        cookie,
      };
    }
    const { statusCode, headers, body } = response;
    if (statusCode === 307) {
      await body.dump();
      const fresh = affinityCookie(headers['set-cookie']);
      if (fresh !== undefined) cookie = fresh;
      continue;
    }
    if (statusCode !== 200) {
      await body.dump();
      const retryAfterMs = parseRetryAfter(headerValue(headers['retry-after']), Date.now());
      return {
        kind: 'failed',
        ending: {
          kind: 'status',
          status: statusCode,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        },
        cookie,
      };
    }
    const encoding = (headerValue(headers['content-encoding']) ?? 'identity').trim().toLowerCase();
    return { kind: 'open', body: decode(body, encoding), cookie, encoding };
  }
  return { kind: 'failed', ending: { kind: 'redirect-loop' }, cookie };
}

// A cut gzip body must still yield the lines decoded so far: zlib's default finishFlush would drop them.
const SYNC_FLUSH = { finishFlush: constants.Z_SYNC_FLUSH };

function decode(body: Readable, encoding: string): Readable {
  // pipeline (not pipe) so an aborted or broken body errors the decoder too, ending the reader's loop.
  const ignore = () => undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip') return pipeline(body, createGunzip(SYNC_FLUSH), ignore);
  if (encoding === 'deflate') return pipeline(body, createInflate(SYNC_FLUSH), ignore);
  return body;
}

/** The `name=value` parts of Set-Cookie, joined as a Cookie header. */
function affinityCookie(setCookie: string | string[] | undefined): string | undefined {
  const values = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  const pairs = values.map((value) => value.split(';')[0]?.trim() ?? '').filter((pair) => pair.includes('='));
  return pairs.length === 0 ? undefined : pairs.join('; ');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
