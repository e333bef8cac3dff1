import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CM_FIXTURES, SEGMENT_BATCH_FIXTURES, SEGMENT_FIXTURES, isErrorCode } from '@pushstream/schemas';
import {
  CM_APP,
  CM_OPEN_APP,
  SIGNED_SOURCE,
  TRACK_SOURCE,
  cmAuth,
  cmEvent,
  registerPush,
  send,
  signature,
  startTestServer,
  trackAuth,
  type TestWebhookServer,
} from './support/webhook-test-kit.js';

const RUNS = 10_000;
const MAX_BODY = 16 * 1024;

/** A request as the fuzzer builds it; the body is final (already gzipped when `gzip`). */
interface FuzzRequest {
  readonly method: Dispatcher.HttpMethod;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
}

const routes = [
  `/webhooks/cm/${CM_APP}`,
  `/webhooks/cm/${CM_OPEN_APP}`,
  `/webhooks/track/${TRACK_SOURCE}`,
  `/webhooks/track/${SIGNED_SOURCE}`,
];

const headerText = fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,40}$/);

const path = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...routes) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('/webhooks/cm/', '/webhooks/track/other', '/webhooks', '/', '/metrics'),
  },
  { weight: 1, arbitrary: fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)) },
);

const method = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Dispatcher.HttpMethod>('POST') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Dispatcher.HttpMethod>('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  },
);

const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/json; charset=latin1',
      'application/x-www-form-urlencoded',
      'application/json;;',
      'application/',
      '*/*',
    ),
  },
  { weight: 1, arbitrary: headerText },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const encoding = fc.oneof(
  { weight: 10, arbitrary: fc.constant<string>('none') },
  { weight: 2, arbitrary: fc.constant('gzip') },
  { weight: 1, arbitrary: fc.constant('lie-gzip') },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('br', 'deflate', 'identity'), headerText) },
);

const id = fc.stringMatching(/^[A-Za-z0-9-]{1,24}$/);
const cmType = fc.constantFrom(
  'ClientInstalled',
  'ClientUpdated',
  'ClientUnregistered',
  'MessageOpened',
  'MessageDismissed',
  'MessageDelete',
  'Brand-New',
);

/** Valid events, fixtures, and the same with a random part replaced by random JSON. */
const goodBody = fc.oneof(
  fc
    .tuple(id, cmType, fc.constantFrom(CM_APP, CM_OPEN_APP))
    .map(([device, type, app]) => cmEvent(device, type, { appKey: app })),
  id.map((device) => registerPush(device)),
  fc
    .array(id, { minLength: 1, maxLength: 20 })
    .map((devices) => `{"batch":[${devices.map((d) => registerPush(d)).join(',')}],"writeKey":"wk"}`),
  fc.constantFrom(
    ...[...CM_FIXTURES, ...SEGMENT_FIXTURES, ...SEGMENT_BATCH_FIXTURES].map((fixture) => fixture.text),
  ),
);

const mutatedBody = fc.tuple(goodBody, fc.jsonValue(), fc.nat()).map(([text, replacement, pick]) => {
  const value = JSON.parse(text) as unknown;
  mutate(value, replacement, pick);
  return JSON.stringify(value);
});

const body = fc.oneof(
  { weight: 4, arbitrary: goodBody.map((text) => Buffer.from(text)) },
  { weight: 4, arbitrary: mutatedBody.map((text) => Buffer.from(text)) },
  { weight: 3, arbitrary: fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? 'null')) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((text) => Buffer.from(text)) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: MAX_BODY + 1, max: MAX_BODY * 4 }).map((size) => Buffer.alloc(size, 0x20)),
  },
);

const auth = fc.constantFrom('right', 'right', 'right', 'right', 'none', 'wrong', 'garbage');

const fuzzRequest = fc
  .record({ method, path, contentType, encoding, body, auth, extra: fc.option(headerText) })
  .map(({ method, path, contentType, encoding, body, auth, extra }): FuzzRequest => {
    const headers: Record<string, string> = {};
    if (contentType !== undefined) headers['content-type'] = contentType;
    let wire = body;
    if (encoding === 'gzip') {
      headers['content-encoding'] = 'gzip';
      wire = gzipSync(body);
    } else if (encoding === 'lie-gzip') headers['content-encoding'] = 'gzip';
    else if (encoding !== 'none') headers['content-encoding'] = encoding;
    Object.assign(headers, credentials(auth, path, wire));
    if (extra !== null) headers['x-fuzz'] = extra;
    return {
      method,
      path,
      headers,
      body: method === 'POST' || method === 'PUT' || method === 'PATCH' ? wire : undefined,
    };
  });

function credentials(kind: string, path: string, wire: Buffer): Record<string, string> {
  if (kind === 'none') return {};
  if (kind === 'garbage') return { authorization: 'Basic ~~~', 'x-signature': 'sha256=zz' };
  const right = kind === 'right';
  if (path.includes(SIGNED_SOURCE)) return right ? signature(wire) : signature(wire, 'nope');
  if (path.includes(TRACK_SOURCE)) return right ? trackAuth() : trackAuth('nope');
  return right ? cmAuth() : cmAuth('cm', 'nope');
}

function mutate(value: unknown, replacement: unknown, pick: number): void {
  if (typeof value !== 'object' || value === null) return;
  const keys = Object.keys(value);
  const key = keys[pick % Math.max(1, keys.length)];
  if (key === undefined) return;
  const record = value as Record<string, unknown>;
  const child = record[key];
  if (pick % 3 === 0 && typeof child === 'object' && child !== null)
    mutate(child, replacement, Math.floor(pick / 3));
  else if (pick % 5 === 1) Reflect.deleteProperty(record, key);
  else record[key] = replacement;
}

describe('webhook server fuzz', () => {
  let server: TestWebhookServer;
  let agent: Agent;
  beforeAll(async () => {
    server = await startTestServer({ maxBodyBytes: MAX_BODY, maxPendingBytes: 64 * 1024 * 1024 });
    agent = new Agent({ connections: 8, keepAliveTimeout: 10_000 });
  });
  afterAll(async () => {
    await agent.close();
    await server.close();
  });

  it(`answers ${RUNS} random requests without a 5xx or a crash; every refusal is a JSON error`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        const before = server.producer.sent.length;
        const reply = await send(server.url, request.path, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          dispatcher: agent,
        });
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        expect(reply.status).toBeLessThan(500);
        if (reply.status >= 300) {
          const error = (reply.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
          expect(typeof error?.code === 'string' && isErrorCode(error.code), reply.text).toBe(true);
          expect(typeof error?.message === 'string' && error.message.length > 0).toBe(true);
          expect(reply.headers['content-type']).toMatch(/^application\/json/);
          expect(server.producer.sent.length).toBe(before);
        } else {
          const accepted = (reply.json as { accepted: number }).accepted;
          const written = server.producer.sent.slice(before);
          expect(written).toHaveLength(accepted);
          for (const record of written) {
            expect(String(record.key)).toMatch(/^(cm|track):[^:]+:./);
            expect(
              () => JSON.parse(Buffer.from(record.value ?? '').toString('utf8')) as unknown,
            ).not.toThrow();
          }
        }
      }),
      { numRuns: RUNS },
    );
    const health = await send(server.url, `/webhooks/cm/${CM_OPEN_APP}`, {
      headers: { 'content-type': 'application/json' },
      body: cmEvent('still-alive', 'ClientInstalled', { appKey: CM_OPEN_APP }),
      dispatcher: agent,
    });
    expect(health.status).toBe(200);
    const seen = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
    console.info(`webhook fuzz: ${RUNS} requests, statuses ${JSON.stringify(seen)}`);
    // The mix reaches every answer, not only the first check.
    for (const status of [200, 400, 401, 404, 405, 413, 415])
      expect(statuses.get(status), `status ${status}`).toBeGreaterThan(0);
  }, 300_000);
});
