import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hang, readBody, sendJson } from '../partner-http/http-io.js';
import { startPartnerServer } from '../partner-http/partner-server.js';
import type { PartnerFault, RandomFaults } from '../partner-http/partner-faults.js';
import { PartnerGate } from '../partner-http/partner-gate.js';
import { PeakRate } from '../partner-http/sim-token-bucket.js';
import type {
  IntileryAppliedEvent,
  IntileryDevice,
  IntileryRequestRecord,
  IntilerySimulatorOptions,
  IntilerySimulatorStats,
} from './intilery-options.js';
import { MAX_EVENT_BYTES, validateEvent, type TrackingEvent } from './tracking-validation.js';

/** A running Intilery tracking-API simulator. */
export interface IntilerySimulator {
  /** Base URL (what `https://tracking.intilery.com` is in production). */
  readonly url: string;
  readonly clientId: string;
  readonly accountId: string;
  readonly brandId: string;
  authToken(): string;
  /** Rotates (or revokes) the accepted token: requests with another one get 403. */
  setAuthToken(token: string): void;
  /** The push registration of an FCM device id. */
  device(deviceId: string): IntileryDevice | undefined;
  devices(): IntileryDevice[];
  /** Traits of a user, merged from every identify. */
  traits(userId: string): Readonly<Record<string, unknown>> | undefined;
  /** Removes registrations older than 2 months at `nowMs`, as Intilery does; returns how many. */
  expireStaleTokens(nowMs: number): number;
  /** Makes events of this user id or device id fail with 400. */
  failUser(id: string, message: string): void;
  script(...faults: PartnerFault[]): void;
  setFaults(faults: RandomFaults | undefined): void;
  requests(): readonly IntileryRequestRecord[];
  /** Events that took effect, in order. */
  events(): readonly IntileryAppliedEvent[];
  stats(): IntilerySimulatorStats;
  close(): Promise<void>;
}

const TWO_MONTHS_MS = 60 * 24 * 60 * 60 * 1000;
const MAX_REQUEST_BYTES = 1024 * 1024;
const ACTIONS = new Set(['identify', 'track', 'page', 'screen', 'batch']);

/**
 * Starts Intilery's server "HTTP Tracking API" on 127.0.0.1 ([INT-API], seed:003): `POST
 * /track/{clientId}/{accountId}/{BRANDID}/v1/{identify|track|page|screen|batch}` with the `auth-token`
 * header (403 otherwise) and a JSON content type; `{"success":true,"eventId":…}`; 400
 * `{"success":false,"message":…}`; 413 over 1 MB (32 KB per batch item); the 100 req/s, burst 500 token
 * bucket (429); injected faults (502/503/504, 429, timeouts, resets). "register push" keeps the device's
 * FCM token (one customer per device); identify merges traits; messageIds seen before are dropped.
 */
export async function startIntilerySimulator(
  options: IntilerySimulatorOptions = {},
): Promise<IntilerySimulator> {
  const now = options.now ?? Date.now;
  const clientId = options.clientId ?? 'shop';
  const accountId = options.accountId ?? 'shop';
  const brandId = options.brandId ?? accountId.toUpperCase();
  let authToken = options.authToken ?? 'simulated-intilery-token';
  const perSecond = options.rateLimit?.perSecond ?? 100;
  const peak = new PeakRate();
  const hangMs = options.hangMs ?? 2000;
  const gate = new PartnerGate({
    rateLimit: { perSecond, burst: options.rateLimit?.burst ?? 500 },
    retryAfterSeconds: options.retryAfterSeconds,
    faults: options.faults,
    hangMs,
    now,
    rateLimitBody: () => ({ success: false, message: 'Too many requests' }),
    faultBody: (status) => ({ success: false, message: `injected ${status}` }),
  });
  const dedupe = options.dedupeMessageIds ?? true;
  const prefix = `/track/${clientId}/${accountId}/${brandId}/v1/`;
  const records: IntileryRequestRecord[] = [];
  const applied: IntileryAppliedEvent[] = [];
  const devices = new Map<string, IntileryDevice>();
  const users = new Map<string, Record<string, unknown>>();
  const seenMessageIds = new Set<string>();
  const failing = new Map<string, string>();
  const byStatus: Record<string, number> = {};
  let forbidden = 0;
  let duplicatesDropped = 0;

  function apply(event: TrackingEvent): void {
    if (event.messageId !== undefined && dedupe) {
      if (seenMessageIds.has(event.messageId)) {
        duplicatesDropped += 1;
        return;
      }
      seenMessageIds.add(event.messageId);
    }
    applied.push({ seq: applied.length + 1, ...event });
    if (event.event === 'identify' && event.userId !== undefined) {
      // Traits are upserted per key; objects and arrays are replaced wholesale ([INT-ID]).
      users.set(event.userId, { ...(users.get(event.userId) ?? {}), ...(event.traits ?? {}) });
    }
    if (event.event === 'register push' && event.properties !== undefined) {
      const deviceId = String(event.properties.deviceId);
      devices.set(deviceId, {
        deviceId,
        fcmToken: String(event.properties.fcmToken),
        deviceType: String(event.properties.deviceType),
        ...(event.userId === undefined ? {} : { userId: event.userId }),
        ...(event.anonymousId === undefined ? {} : { anonymousId: event.anonymousId }),
        registeredAt: now(),
      });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const raw = await readBody(req, MAX_REQUEST_BYTES);
    let body: unknown;
    try {
      body = raw === undefined || raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
    } catch {
      body = undefined;
    }
    const action = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : undefined;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const base = { seq: records.length + 1, at: now(), path: url.pathname, action, headers, body };
    peak.record(base.at);
    const answer = (
      status: number,
      payload: unknown,
      count: number,
      refusedBy?: string,
      extra: Record<string, string> = {},
    ) => {
      records.push({ ...base, status, applied: count, ...(refusedBy === undefined ? {} : { refusedBy }) });
      byStatus[String(status)] = (byStatus[String(status)] ?? 0) + 1;
      sendJson(res, status, payload, extra);
    };
    const fail = (status: number, message: string, refusedBy: string) =>
      answer(status, { success: false, message }, 0, refusedBy);

    const admitted = gate.admit({
      res,
      answer: (status, payload, stop, extra) => answer(status, payload, 0, stop.refusedBy, extra),
      dropped: (stop) =>
        records.push({ ...base, status: stop.status, applied: 0, refusedBy: stop.refusedBy }),
    });
    if (admitted === undefined) return;
    if (action === undefined || !ACTIONS.has(action) || req.method !== 'POST') {
      fail(404, `no resource at ${req.method ?? ''} ${url.pathname}`, 'route');
      return;
    }
    if (headers['auth-token'] !== authToken) {
      forbidden += 1;
      fail(403, 'Forbidden: no token, or the token is not authorised for this account or brand', 'auth');
      return;
    }
    if (!(headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      fail(400, 'content-type must be application/json', 'invalid');
      return;
    }
    if (raw === undefined) {
      fail(413, 'Request too large', 'too-large');
      return;
    }
    const items: unknown[] =
      action === 'batch'
        ? body !== null && typeof body === 'object' && Array.isArray((body as { batch?: unknown }).batch)
          ? (body as { batch: unknown[] }).batch
          : []
        : [body];
    if (action === 'batch' && items.length === 0) {
      fail(400, 'batch must not be empty', 'invalid');
      return;
    }
    const events: TrackingEvent[] = [];
    for (const item of items) {
      if (action === 'batch' && Buffer.byteLength(JSON.stringify(item)) > MAX_EVENT_BYTES) {
        fail(413, 'Batch item larger than 32kb', 'too-large');
        return;
      }
      const event = validateEvent(item, action);
      if ('message' in event) {
        fail(400, event.message, 'invalid');
        return;
      }
      const failure = [event.userId, event.anonymousId, event.properties?.deviceId]
        .map((id) => (typeof id === 'string' ? failing.get(id) : undefined))
        .find((message) => message !== undefined);
      if (failure !== undefined) {
        fail(400, failure, 'rejected');
        return;
      }
      events.push(event);
    }
    for (const event of events) apply(event);
    if (admitted.timeoutAfterApply) {
      records.push({ ...base, status: 'timeout', applied: events.length, refusedBy: 'fault' });
      hang(res, hangMs);
      return;
    }
    answer(200, { success: true, eventId: randomUUID() }, events.length);
  }

  const server = await startPartnerServer({
    ...(options.port === undefined ? {} : { port: options.port }),
    handle,
    errorBody: (error) => ({ success: false, message: String(error) }),
  });
  return {
    url: server.url,
    clientId,
    accountId,
    brandId,
    authToken: () => authToken,
    setAuthToken: (token) => {
      authToken = token;
    },
    device: (deviceId) => devices.get(deviceId),
    devices: () => [...devices.values()],
    traits: (userId) => users.get(userId),
    expireStaleTokens: (nowMs) => {
      let removed = 0;
      for (const [deviceId, device] of devices) {
        if (nowMs - device.registeredAt > TWO_MONTHS_MS) {
          devices.delete(deviceId);
          removed += 1;
        }
      }
      return removed;
    },
    failUser: (id, message) => failing.set(id, message),
    script: (...scripted) => gate.script(scripted),
    setFaults: (random) => gate.setFaults(random),
    requests: () => records,
    events: () => applied,
    stats: () => ({
      requests: records.length,
      rateLimited: gate.rateLimited,
      faultsInjected: gate.faultsInjected,
      forbidden,
      duplicatesDropped,
      peakPerSecond: peak.max,
      byStatus: { ...byStatus },
    }),
    close: () => server.close(),
  };
}
