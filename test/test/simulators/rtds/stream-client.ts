import type { IncomingHttpHeaders } from 'node:http';
import { Transform } from 'node:stream';
import { constants, createGunzip, createInflate } from 'node:zlib';
import { request } from 'undici';
import type { RtdsSimulator } from '../../../src/index.js';
import { waitFor } from '../../../src/wait-for.js';

/** The headers a spec-following client sends. */
export const RTDS_ACCEPT = 'application/vnd.urbanairship+x-ndjson; version=3;';

/** How a test opens a stream. */
export interface OpenOptions {
  readonly endpoint?: 'events' | 'compliance';
  /** JSON-encoded unless already a string. */
  readonly body?: unknown;
  /** Replaces the default headers (a value of null drops that header). */
  readonly headers?: Readonly<Record<string, string | null>>;
  /** `Accept-Encoding` (default none). */
  readonly acceptEncoding?: string;
}

/** A stream response as a test sees it: raw wire bytes and the decoded lines. */
export interface OpenedStream {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Complete decoded lines so far; `''` is a keepalive. */
  readonly lines: string[];
  /** Decoded bytes after the last newline (a cut line). */
  tail(): string;
  /** Body bytes as received (still compressed). */
  raw(): Buffer;
  /** Resolves when the body ends cleanly (`'end'`) or fails (`'error'`, e.g. a dropped socket). */
  readonly ended: Promise<'end' | 'error'>;
  /** The first error of the body or its decoding. */
  error(): Error | undefined;
  /** Event lines so far (not keepalives), parsed. */
  events(): Record<string, unknown>[];
  /** Waits until `count` event lines arrived. */
  waitForEvents(count: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  close(): void;
}

/** POSTs to the simulator with undici (no redirects followed, nothing decoded) and decodes per Content-Encoding. */
export async function openStream(sim: RtdsSimulator, options: OpenOptions = {}): Promise<OpenedStream> {
  const compliance = options.endpoint === 'compliance';
  const defaults: Record<string, string | null> = {
    accept: RTDS_ACCEPT,
    'content-type': 'application/json',
    'x-ua-appkey': sim.appKey,
    authorization: compliance ? sim.basicAuthorization : sim.bearerAuthorization,
  };
  if (options.acceptEncoding !== undefined) defaults['accept-encoding'] = options.acceptEncoding;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...defaults, ...options.headers })) {
    if (value !== null) headers[name] = value;
  }
  const body =
    typeof options.body === 'string' ? options.body : JSON.stringify(options.body ?? { start: 'EARLIEST' });
  const response = await request(compliance ? sim.complianceUrl : sim.eventsUrl, {
    method: 'POST',
    headers,
    body,
  });

  const rawChunks: Buffer[] = [];
  const lines: string[] = [];
  let pending = '';
  let failure: Error | undefined;
  const encoding = response.headers['content-encoding'];
  // Decode a cut body as far as it goes: zlib would otherwise drop the last chunk's output with the error.
  const tolerant = { finishFlush: constants.Z_SYNC_FLUSH };
  const decoder: Transform =
    encoding === 'gzip'
      ? createGunzip(tolerant)
      : encoding === 'deflate'
        ? createInflate(tolerant)
        : new Transform({ transform: (chunk: Buffer, _e, done) => done(null, chunk) });
  const ended = new Promise<'end' | 'error'>((resolve) => {
    const settle = (): void => resolve(failure === undefined ? 'end' : 'error');
    let stopped = false;
    // A dropped body still lets the decoder finish what already arrived before the stream counts as over.
    const stop = (error: Error): void => {
      failure ??= error;
      if (stopped) return;
      stopped = true;
      response.body.unpipe(decoder);
      decoder.end();
    };
    response.body.on('data', (chunk: Buffer) => rawChunks.push(chunk));
    response.body.on('error', stop);
    response.body.on('close', () => {
      if (!response.body.readableEnded) stop(new Error('body closed before its end'));
    });
    decoder.on('error', (error: Error) => {
      failure ??= error;
      settle();
    });
    decoder.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts);
    });
    decoder.on('end', settle);
    response.body.pipe(decoder);
  });

  const parsed: Record<string, unknown>[] = [];
  let parsedLines = 0;
  const events = (): Record<string, unknown>[] => {
    for (; parsedLines < lines.length; parsedLines++) {
      const line = lines[parsedLines] ?? '';
      if (line !== '') parsed.push(JSON.parse(line) as Record<string, unknown>);
    }
    return [...parsed];
  };
  return {
    status: response.statusCode,
    headers: response.headers,
    lines,
    tail: () => pending,
    raw: () => Buffer.concat(rawChunks),
    ended,
    error: () => failure,
    events,
    waitForEvents: (count, timeoutMs = 3000) =>
      waitFor(`${count} events`, () => (events().length >= count ? [...parsed] : undefined), {
        timeoutMs,
        intervalMs: 10,
        lastSeen: () => events().length,
      }),
    close: () => response.body.destroy(),
  };
}

/** An RTDS-shaped event line; `overrides` replace top-level fields. */
export function eventLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: overrides.id ?? crypto.randomUUID(),
    type: 'OPEN',
    occurred: '2026-01-01T00:00:00.000Z',
    processed: '2026-01-01T00:00:01.000Z',
    device: { channel: crypto.randomUUID(), device_type: 'IOS' },
    body: { session_id: 'session' },
    ...overrides,
  });
}
