import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { SEGMENT_BATCH_FIXTURES } from '@pushstream/schemas';
import { createLogger, createPipelineMetrics } from '@pushstream/runtime';
import { WEBHOOK_RAW_HEADERS } from '../../src/core/webhook-raw-write.js';
import { BoundedProducer } from '../../src/webhooks/bounded-producer.js';
import { createWebhookHandler } from '../../src/webhooks/webhook-handler.js';
import { createWebhookMetrics } from '../../src/webhooks/webhook-metrics.js';
import {
  CM_APP,
  CM_OPEN_APP,
  FakeProducer,
  JSON_TYPE,
  SIGNED_SOURCE,
  TEST_TOPICS,
  TRACK_SOURCE,
  cmAuth,
  cmEvent,
  registerPush,
  send,
  signature,
  startTestServer,
  testWebhookConfig,
  trackAuth,
  type TestWebhookServer,
} from './support/webhook-test-kit.js';

let running: TestWebhookServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestWebhookServer> {
  running = await startTestServer(overrides);
  return running;
}

const CM_PATH = `/webhooks/cm/${CM_APP}`;
const TRACK_PATH = `/webhooks/track/${TRACK_SOURCE}`;

describe('webhook server: accepted requests', () => {
  it('writes a CM event as its original bytes, keyed by installation, with lineage headers, then 200', async () => {
    const { url, producer } = await start();
    const body = cmEvent('inst0001', 'ClientInstalled');
    const reply = await send(url, CM_PATH, { headers: { ...JSON_TYPE, ...cmAuth() }, body });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ accepted: 1, requestId: reply.headers['x-request-id'] });
    const [record] = producer.sent;
    expect(record?.topic).toBe(TEST_TOPICS.cm);
    expect(record?.key).toBe(`cm:${CM_APP}:inst0001`);
    expect(Buffer.from(record?.value ?? '').toString()).toBe(body);
    expect(record?.headers).toMatchObject({
      [WEBHOOK_RAW_HEADERS.source]: 'cm-push',
      [WEBHOOK_RAW_HEADERS.connectorInstance]: 'connector-test-0',
      [WEBHOOK_RAW_HEADERS.route]: CM_PATH,
      [WEBHOOK_RAW_HEADERS.sourceId]: CM_APP,
      [WEBHOOK_RAW_HEADERS.requestId]: reply.headers['x-request-id'],
      [WEBHOOK_RAW_HEADERS.eventType]: 'ClientInstalled',
    });
    expect(String(record?.headers?.[WEBHOOK_RAW_HEADERS.receivedAt])).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it('accepts a CM app configured without credentials, and a charset parameter', async () => {
    const { url } = await start();
    const reply = await send(url, `/webhooks/cm/${CM_OPEN_APP}`, {
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body: cmEvent('inst0002', 'MessageOpened', { appKey: CM_OPEN_APP }),
    });
    expect(reply.status).toBe(200);
  });

  it('splits a batch into one record per item, each its own bytes and key, with the envelope in a header', async () => {
    const { url, producer } = await start();
    const body =
      '{"batch":[ {"type":"identify","userId":"cust-1","traits":{"big":12345678901234567890}} ,\n' +
      '{"type":"track","event":"register push","userId":"cust-1","properties":{"deviceId":"dev-1","fcmToken":"t","deviceType":"iOS"}},' +
      '{"type":"track","event":"Opened","anonymousId":"anon-7","context":{"device":{"id":"dev-9"}}}],' +
      '"context":{"app":{"name":"Shop"}},"writeKey":"wk","sentAt":"2024-03-11T08:15:02.000Z"}';
    const reply = await send(url, TRACK_PATH, { headers: { ...JSON_TYPE, ...trackAuth() }, body });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ accepted: 3 });
    expect(producer.sent.map((record) => record.key)).toEqual([
      `track:${TRACK_SOURCE}:cust-1`,
      `track:${TRACK_SOURCE}:dev-1`,
      `track:${TRACK_SOURCE}:dev-9`,
    ]);
    expect(Buffer.from(producer.sent[0]?.value ?? '').toString()).toBe(
      '{"type":"identify","userId":"cust-1","traits":{"big":12345678901234567890}}',
    );
    expect(producer.sent.map((record) => record.headers?.[WEBHOOK_RAW_HEADERS.batchIndex])).toEqual([
      '0',
      '1',
      '2',
    ]);
    expect(String(producer.sent[2]?.headers?.[WEBHOOK_RAW_HEADERS.batchEnvelope])).toBe(
      '{"batch":[],"context":{"app":{"name":"Shop"}},"writeKey":"wk","sentAt":"2024-03-11T08:15:02.000Z"}',
    );
  });

  it('takes the batch fixture of the schemas package as two records', async () => {
    const { url, producer } = await start();
    const fixture = SEGMENT_BATCH_FIXTURES[0];
    const reply = await send(url, TRACK_PATH, {
      headers: { ...JSON_TYPE, ...trackAuth() },
      body: fixture?.text,
    });
    expect(reply.status).toBe(200);
    expect(producer.sent).toHaveLength(2);
  });

  it('checks an HMAC signature over the body as sent, and accepts a gzipped body', async () => {
    const { url, producer } = await start();
    const body = gzipSync(registerPush('dev-gz'));
    const reply = await send(url, `/webhooks/track/${SIGNED_SOURCE}`, {
      headers: { ...JSON_TYPE, 'content-encoding': 'gzip', ...signature(body) },
      body,
    });
    expect(reply.status).toBe(200);
    expect(Buffer.from(producer.sent[0]?.value ?? '').toString()).toBe(registerPush('dev-gz'));
  });
});

describe('webhook server: refused requests', () => {
  const cmHeaders = { ...JSON_TYPE, ...cmAuth() };

  it.each([
    ['GET', CM_PATH, 405, 'REQUEST_METHOD_NOT_ALLOWED'],
    ['PUT', TRACK_PATH, 405, 'REQUEST_METHOD_NOT_ALLOWED'],
    ['POST', '/webhooks/cm/unknownapp', 404, 'REQUEST_ROUTE_NOT_FOUND'],
    ['POST', '/webhooks/rtds/x', 404, 'REQUEST_ROUTE_NOT_FOUND'],
    ['POST', `${CM_PATH}/extra`, 404, 'REQUEST_ROUTE_NOT_FOUND'],
    ['POST', '/', 404, 'REQUEST_ROUTE_NOT_FOUND'],
    ['GET', '/metrics', 404, 'REQUEST_ROUTE_NOT_FOUND'],
  ] as const)('%s %s → %i %s', async (method, path, status, code) => {
    const { url, producer } = await start();
    const reply = await send(url, path, {
      method,
      headers: cmHeaders,
      body: method === 'GET' ? undefined : '{}',
    });
    expect(reply.status).toBe(status);
    expect(reply.json).toMatchObject({ error: { code } });
    if (status === 405) expect(reply.headers['allow']).toBe('POST');
    expect(producer.calls).toBe(0);
  });

  it.each([
    ['no credentials', {}],
    ['a wrong password', cmAuth(undefined, 'wrong')],
    ['a wrong user', cmAuth('someone', undefined)],
    ['a bearer token instead of Basic', { authorization: 'Bearer cm-secret-8e1f' }],
    ['garbage', { authorization: 'Basic %%%' }],
  ])('CM with %s → 401 without detail', async (_name, auth) => {
    const { url, producer } = await start();
    const reply = await send(url, CM_PATH, { headers: { ...JSON_TYPE, ...auth }, body: cmEvent('i1') });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({
      error: { code: 'REQUEST_UNAUTHENTICATED', message: 'authentication required' },
    });
    expect(producer.calls).toBe(0);
  });

  it('refuses a signed source whose signature is of other bytes, or missing', async () => {
    const { url } = await start();
    const path = `/webhooks/track/${SIGNED_SOURCE}`;
    const body = registerPush('dev-1');
    for (const headers of [signature(`${body} `), signature(body, 'other-secret'), {}]) {
      const reply = await send(url, path, { headers: { ...JSON_TYPE, ...headers }, body });
      expect(reply.status).toBe(401);
    }
  });

  it.each([
    ['text/plain', undefined, 'content-type must be application/json'],
    [undefined, undefined, 'content-type is missing'],
    ['application/json; charset=latin1', undefined, 'charset must be utf-8'],
    ['application/json', 'br', 'content-encoding must be gzip or identity'],
  ])('content-type %s, encoding %s → 415', async (type, encoding, message) => {
    const { url } = await start();
    const headers: Record<string, string> = { ...cmAuth() };
    if (type !== undefined) headers['content-type'] = type;
    if (encoding !== undefined) headers['content-encoding'] = encoding;
    const reply = await send(url, CM_PATH, { headers, body: cmEvent('i1') });
    expect(reply.status).toBe(415);
    expect(reply.json).toMatchObject({ error: { code: 'REQUEST_UNSUPPORTED_MEDIA_TYPE' } });
    expect(JSON.stringify(reply.json)).toContain(message);
  });

  it('answers 413 with a JSON error for a declared and for a streamed oversized body', async () => {
    const { url, producer } = await start({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ pad: 'x'.repeat(200_000) });
    const declared = await send(url, CM_PATH, { headers: cmHeaders, body: big });
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ error: { code: 'RECORD_TOO_LARGE' } });
    // Chunked (no Content-Length): the limit is found while reading.
    const chunks = Readable.from(Array.from({ length: 50 }, () => Buffer.from('x'.repeat(4096))));
    const response = await request(`${url}${CM_PATH}`, { method: 'POST', headers: cmHeaders, body: chunks });
    const streamed = { status: response.statusCode, json: await response.body.json() };
    expect(streamed.status).toBe(413);
    expect(streamed.json).toMatchObject({ error: { code: 'RECORD_TOO_LARGE' } });
    const gzipBomb = gzipSync(Buffer.alloc(100_000, 0x20));
    const bomb = await send(url, CM_PATH, {
      headers: { ...cmHeaders, 'content-encoding': 'gzip' },
      body: gzipBomb,
    });
    expect(bomb.status).toBe(413);
    expect(bomb.text).toContain('decompressed');
    expect(producer.calls).toBe(0);
  });

  it.each([
    ['not JSON', '{"from":', 'RECORD_INVALID_JSON', ''],
    ['empty', '', 'RECORD_INVALID_JSON', ''],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), 'RECORD_INVALID_JSON', ''],
    ['a byte-order mark', `\uFEFF${cmEvent('i1')}`, 'RECORD_INVALID_JSON', ''],
    ['an array (CM never batches)', `[${cmEvent('i1')}]`, 'RECORD_SCHEMA_VIOLATION', ''],
    ['no installation id', cmEvent('', 'ClientInstalled'), 'RECORD_SCHEMA_VIOLATION', 'from.number'],
    [
      'a bad time',
      cmEvent('i1', 'ClientInstalled', { timeUtc: '11-03-2024' }),
      'RECORD_SCHEMA_VIOLATION',
      'timeUtc',
    ],
    [
      'another app key',
      cmEvent('i1', 'ClientInstalled', { appKey: 'ffff' }),
      'RECORD_SCHEMA_VIOLATION',
      'to.number',
    ],
  ])('CM body that is %s → 400 naming the field', async (_name, body, code, path) => {
    const { url, producer } = await start();
    const reply = await send(url, CM_PATH, { headers: cmHeaders, body });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: { code, path } });
    expect(producer.calls).toBe(0);
  });

  it('refuses a whole batch when one item is invalid, naming the item', async () => {
    const { url, producer } = await start();
    const body = `{"batch":[${registerPush('d1')},{"type":"track","userId":"u"}]}`;
    const reply = await send(url, TRACK_PATH, { headers: { ...JSON_TYPE, ...trackAuth() }, body });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: { code: 'RECORD_SCHEMA_VIOLATION', path: 'batch[1].event' } });
    expect(JSON.stringify(reply.json)).toContain('1 of 2 batch items invalid; none was accepted');
    expect(producer.calls).toBe(0);
  });

  it.each([
    ['an empty batch', '{"batch":[]}', 'batch'],
    ['type batch without items', '{"type":"batch","userId":"u"}', 'batch'],
    ['a track without identity', '{"type":"track","event":"x"}', 'userId'],
    [
      'register push without a token',
      '{"type":"track","event":"register push","userId":"u","properties":{"deviceId":"d","deviceType":"iOS"}}',
      'properties.fcmToken',
    ],
  ])('track body with %s → 400 at %s', async (_name, body, path) => {
    const { url } = await start();
    const reply = await send(url, TRACK_PATH, { headers: { ...JSON_TYPE, ...trackAuth() }, body });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: { code: 'RECORD_SCHEMA_VIOLATION', path } });
  });

  it('answers a sender too slow to finish its request with a JSON 408', async () => {
    const { url, producer, webhooks } = await start({ requestTimeoutMs: 1_000 });
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () =>
        socket.write(
          `POST ${CM_PATH} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n` +
            `authorization: ${cmAuth().authorization}\r\ncontent-length: 100\r\n\r\n{"from":`,
        ),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 408/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'REQUEST_UNREADABLE', message: 'the request was not received in time' },
    });
    expect(producer.calls).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(webhooks.inFlight()).toBe(0);
  });

  it('answers malformed HTTP with a JSON 400 and closes the connection', async () => {
    const { url } = await start();
    const port = Number(new URL(url).port);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'REQUEST_UNREADABLE' },
    });
  });
});

describe('webhook server: Kafka trouble', () => {
  const headers = { ...JSON_TYPE, ...trackAuth() };

  it('answers 503 with Retry-After when the write fails', async () => {
    const { url, producer } = await start();
    producer.mode = 'fail';
    const reply = await send(url, TRACK_PATH, { headers, body: registerPush('d1') });
    expect(reply.status).toBe(503);
    expect(reply.headers['retry-after']).toBe('3');
    expect(reply.json).toMatchObject({ error: { code: 'KAFKA_PRODUCE_FAILED' } });
  });

  it('answers 503 once the produce timeout passes without an acknowledgement', async () => {
    const { url, producer } = await start({ produceTimeoutMs: 200 });
    producer.mode = 'hang';
    const started = Date.now();
    const reply = await send(url, TRACK_PATH, { headers, body: registerPush('d1') });
    expect(reply.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(reply.headers['retry-after']).toBe('3');
    expect(reply.json).toMatchObject({ error: { code: 'KAFKA_UNAVAILABLE' } });
  });

  it('turns requests away at once while too many bytes wait for Kafka', async () => {
    const { url, producer, webhooks } = await start({ produceTimeoutMs: 100, maxPendingBytes: 500 });
    producer.mode = 'hang';
    const body = registerPush('d1');
    for (let i = 0; i < 3; i++) await send(url, TRACK_PATH, { headers, body });
    const callsBefore = producer.calls;
    const started = Date.now();
    const reply = await send(url, TRACK_PATH, { headers, body });
    expect(reply.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(100);
    expect(producer.calls).toBe(callsBefore);
    expect(webhooks.inFlight()).toBe(0);
  });

  it('on close, lets the request in flight get its answer, then closes its connection', async () => {
    const { url, producer, webhooks } = await start({ produceTimeoutMs: 300 });
    producer.mode = 'hang';
    const body = registerPush('d1');
    const requestText = [
      `POST ${TRACK_PATH} HTTP/1.1`,
      'host: 127.0.0.1',
      'content-type: application/json',
      `authorization: ${trackAuth().authorization}`,
      `content-length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n');
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(requestText);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = webhooks.close();
    // A second request on the same connection after close began is not taken: the connection ends instead.
    socket.write(requestText);
    await closed;
    await ended;
    const statuses = [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => match[1]);
    expect(statuses).toEqual(['503']);
    expect(received).toContain('KAFKA_UNAVAILABLE');
    expect(webhooks.server.listening).toBe(false);
    expect(producer.calls).toBe(1);
  });

  it('answers 503 SHUTDOWN_IN_PROGRESS with Retry-After to a request that reaches the handler during shutdown', async () => {
    const producer = new FakeProducer();
    const config = testWebhookConfig();
    const handle = createWebhookHandler({
      config,
      producer: new BoundedProducer(producer, { timeoutMs: 100, maxPendingBytes: 1_000 }),
      topics: TEST_TOPICS,
      metrics: createWebhookMetrics(createPipelineMetrics({ stage: 'closing-test' }), 'closing-test'),
      logger: createLogger({ serviceName: 'closing-test', level: 'silent' }),
      instanceId: 'c',
      now: () => new Date(),
      closing: () => true,
    });
    const server = createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const reply = await send(`http://127.0.0.1:${port}`, TRACK_PATH, {
        headers: { ...headers },
        body: registerPush('d1'),
      });
      expect(reply.status).toBe(503);
      expect(reply.headers['retry-after']).toBe(String(config.retryAfterSeconds));
      expect(reply.headers['connection']).toBe('close');
      expect(reply.json).toMatchObject({ error: { code: 'SHUTDOWN_IN_PROGRESS' } });
      expect(producer.calls).toBe(0);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
});

describe('webhook server: metrics', () => {
  it('counts requests by route, source and status, bytes, events and produce latency', async () => {
    const { url, metrics } = await start();
    await send(url, `/webhooks/track/${TRACK_SOURCE}`, {
      headers: { ...JSON_TYPE, ...trackAuth() },
      body: registerPush('d1'),
    });
    await send(url, CM_PATH, { headers: JSON_TYPE, body: cmEvent('i1') });
    await send(url, '/nowhere', { body: '{}' });
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      `pushstream_webhook_requests_total{route="track",source="${TRACK_SOURCE}",status="200"} 1`,
    );
    expect(text).toContain(`pushstream_webhook_requests_total{route="cm",source="${CM_APP}",status="401"} 1`);
    expect(text).toContain('pushstream_webhook_requests_total{route="none",source="",status="404"} 1');
    expect(text).toContain('pushstream_webhook_events_total{route="track",type="register_push"} 1');
    expect(text).toMatch(/pushstream_webhook_received_bytes_total\{route="track"\} [1-9]/);
    expect(text).toContain(
      'pushstream_webhook_produce_duration_seconds_count{route="track",outcome="acked"} 1',
    );
    expect(text).toContain(
      'pushstream_records_produced_total{stage="connector-test",topic="test.raw.track.v1"} 1',
    );
  });
});
