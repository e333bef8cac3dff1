import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AffinityRouter } from './affinity.js';
import type { ConnectionSlots } from './connection-slots.js';
import { sendError } from './error-response.js';
import { entryMatcher } from './event-filter.js';
import type { FaultScript } from './fault-script.js';
import { flatHeaders } from './flat-headers.js';
import { checkAuth, checkMediaTypes, type Refusal } from './request-checks.js';
import type { RetainedLog } from './retained-log.js';
import type { ResolvedSimulatorOptions } from './simulator-options.js';
import type { RtdsConnectionRecord, RtdsEndpointKind } from './simulator-stats.js';
import { StreamSession } from './stream-session.js';
import { parseStreamRequest, type StreamRequest } from './stream-request.js';
import { chooseEncoding } from './wire-encoder.js';

/** The simulator state a request is handled against. */
export interface HandlerContext {
  readonly options: ResolvedSimulatorOptions;
  readonly logs: Readonly<Record<RtdsEndpointKind, RetainedLog>>;
  readonly faults: FaultScript;
  readonly affinity: AffinityRouter;
  readonly slots: ConnectionSlots;
  readonly records: RtdsConnectionRecord[];
  readonly sessions: Set<StreamSession>;
  /** Base URL a 307 `Location` points at, if any. */
  readonly redirectBase: () => string | undefined;
  readonly countEvent: () => void;
}

const MAX_BODY_BYTES = 1 << 20;

/**
 * Handles one request, in the order a real deployment would: routing, scripted infrastructure errors,
 * the 307 affinity layer, authentication, media types, the body, the app's data, the connection limit —
 * then the stream.
 */
export async function handleRequest(
  ctx: HandlerContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://simulator').pathname;
  const endpoint = endpointOf(path);
  if (endpoint === undefined) {
    req.resume();
    sendError(res, 404, 'Not Found', `no resource at ${path}`);
    return;
  }
  if (req.method !== 'POST') {
    req.resume();
    sendError(res, 405, 'Method Not Allowed', 'use POST', { allow: 'POST' });
    return;
  }
  const { options } = ctx;
  const record: RtdsConnectionRecord = {
    index: ctx.records.length + 1,
    endpoint,
    method: req.method,
    path,
    headers: flatHeaders(req.headers),
    body: '',
    cookie: req.headers.cookie,
    status: 0,
    setCookie: undefined,
    location: undefined,
    openedAt: Date.now(),
    closedAt: undefined,
    encoding: undefined,
    eventsServed: 0,
    keepalives: 0,
    offsetUpdates: 0,
    bytesWritten: 0,
    offsetsServed: [],
    position: undefined,
    endReason: undefined,
    faults: [],
  };
  ctx.records.push(record);
  const refuse = (refusal: Refusal): void => {
    record.status = refusal.status;
    record.closedAt = Date.now();
    sendError(res, refusal.status, refusal.error, refusal.detail, refusal.headers);
  };

  const body = await readBody(req);
  if (body === undefined) {
    refuse({
      status: 413,
      error: 'Payload Too Large',
      detail: `the request body exceeds ${MAX_BODY_BYTES} bytes`,
    });
    return;
  }
  record.body = body;

  const fault = ctx.faults.takeStatus(record.index);
  if (fault !== undefined) {
    record.faults.push(fault);
    const headers: Record<string, string> = { ...fault.headers };
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    refuse({ status: fault.status, error: `Scripted ${fault.status}`, detail: 'a scripted fault', headers });
    return;
  }

  const decision = ctx.affinity.route(req.headers.cookie);
  if (decision.kind === 'redirect') {
    const base = ctx.redirectBase();
    const headers: Record<string, string> = { 'set-cookie': decision.setCookie, 'content-length': '0' };
    if (base !== undefined) headers.location = `${base}${path}`;
    record.status = 307;
    record.setCookie = decision.setCookie;
    record.location = headers.location;
    record.closedAt = Date.now();
    res.writeHead(307, headers);
    res.end();
    return;
  }

  const refusal =
    checkAuth(req.headers, endpoint, options) ?? checkMediaTypes(req.headers, options.strictAccept);
  if (refusal !== undefined) {
    refuse(refusal);
    return;
  }
  const parsed = parseStreamRequest(body, endpoint === 'compliance');
  if (!parsed.ok) {
    refuse({ status: 400, error: 'Bad Request', detail: parsed.problem });
    return;
  }
  const log = ctx.logs[endpoint];
  if (options.notFoundUntilData && log.end === 0) {
    refuse({ status: 404, error: 'Not Found', detail: 'We do not have data for the specified App key.' });
    return;
  }
  const start = startOf(parsed.request, log, options);
  if (start === undefined) {
    refuse({ status: 400, error: 'Bad Request', detail: 'resume_offset is not in the data window' });
    return;
  }
  if (!ctx.slots.tryAcquire()) {
    refuse({
      status: 402,
      error: 'Payment Required',
      detail: 'Too many simultaneous connections for this app key.',
    });
    return;
  }

  const faults = ctx.faults.takeStream(record.index);
  record.faults.push(...faults);
  record.status = 200;
  record.position = start.position;
  const encoding = chooseEncoding(req.headers['accept-encoding'], options.contentEncoding);
  record.encoding = encoding;
  const session = new StreamSession(res, {
    log,
    position: start.position,
    lastConsidered: start.lastConsidered,
    matcher: entryMatcher(parsed.request.filters, parsed.request.subset, options.now),
    enableOffsetUpdates: parsed.request.enableOffsetUpdates,
    keepaliveMs: options.keepaliveMs,
    encoding,
    gzipLevel: options.compressionLevel,
    faults,
    now: options.now,
    record,
    onEvent: ctx.countEvent,
  });
  ctx.sessions.add(session);
  await session.finished();
  ctx.sessions.delete(session);
  ctx.slots.release(options.connectionLingerMs);
}

/** `/api/events` and `/api/events/general`, with or without the trailing slash the Java and Node clients add. */
function endpointOf(path: string): RtdsEndpointKind | undefined {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '/api/events') return 'events';
  if (trimmed === '/api/events/general') return 'compliance';
  return undefined;
}

function startOf(
  request: StreamRequest,
  log: RetainedLog,
  options: ResolvedSimulatorOptions,
): { position: number; lastConsidered: string | undefined } | undefined {
  const position = request.position;
  if ('start' in position) {
    return position.start === 'EARLIEST'
      ? { position: log.start, lastConsidered: undefined }
      : { position: log.end, lastConsidered: log.at(log.end - 1)?.offset };
  }
  const resumed = log.resumePosition(position.resumeOffset, options.resumeInclusive);
  if (resumed !== 'unknown') return { position: resumed, lastConsidered: position.resumeOffset };
  if (options.unknownOffset === 'reject') return undefined;
  return options.unknownOffset === 'earliest'
    ? { position: log.start, lastConsidered: undefined }
    : { position: log.end, lastConsidered: log.at(log.end - 1)?.offset };
}

/** The body as UTF-8, or undefined when it is too large. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    // Keep reading an oversized body to its end: leaving the loop early would destroy the socket.
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}
