import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { endOffsetTotal, readTopic, testKafka, type ReadRecord } from '@pushstream/test-kit';
import { WEBHOOK_RAW_HEADERS } from '../../src/core/webhook-raw-write.js';
import { startKafkaWebhookServer, type KafkaWebhookServer } from './support/kafka-webhook-server.js';
import {
  CM_APP,
  JSON_TYPE,
  SIGNED_SOURCE,
  TRACK_SOURCE,
  cmAuth,
  cmEvent,
  registerPush,
  send,
  signature,
  trackAuth,
  type Reply,
} from './support/webhook-test-kit.js';

const brokers = inject('infra').kafkaBrokers;
const CM_PATH = `/webhooks/cm/${CM_APP}`;
const TRACK_PATH = `/webhooks/track/${TRACK_SOURCE}`;
const cmHeaders = { ...JSON_TYPE, ...cmAuth() };
const trackHeaders = { ...JSON_TYPE, ...trackAuth() };

describe('webhooks into real Kafka', () => {
  let server: KafkaWebhookServer;
  const kafka = testKafka(brokers);
  beforeAll(async () => {
    server = await startKafkaWebhookServer(brokers, { maxBodyBytes: 8 * 1024, produceTimeoutMs: 10_000 });
  });
  afterAll(async () => {
    await server.close();
  });

  function byRequest(records: readonly ReadRecord[], reply: Reply): ReadRecord[] {
    return records.filter(
      (record) => record.headers[WEBHOOK_RAW_HEADERS.requestId] === reply.headers['x-request-id'],
    );
  }

  it('writes good CM events to the CM raw topic: 200, device key, the exact bytes, lineage headers', async () => {
    const bodies = [
      cmEvent('inst-a', 'ClientInstalled'),
      JSON.stringify(JSON.parse(cmEvent('inst-a', 'ClientUpdated')), null, 2),
      cmEvent('inst-b', 'MessageOpened'),
      cmEvent('inst-b', 'SomethingNew'),
    ];
    const replies: Reply[] = [];
    for (const body of bodies) replies.push(await send(server.url, CM_PATH, { headers: cmHeaders, body }));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    const records = await readTopic(kafka, server.topics.cm);
    expect(records).toHaveLength(4);
    for (const [index, reply] of replies.entries()) {
      const [record] = byRequest(records, reply);
      const installation = index < 2 ? 'inst-a' : 'inst-b';
      expect(record?.key).toBe(`cm:${CM_APP}:${installation}`);
      expect(record?.value?.toString('utf8')).toBe(bodies[index]);
      expect(record?.headers).toMatchObject({
        [WEBHOOK_RAW_HEADERS.source]: 'cm-push',
        [WEBHOOK_RAW_HEADERS.connectorInstance]: 'connector-it-0',
        [WEBHOOK_RAW_HEADERS.route]: CM_PATH,
        [WEBHOOK_RAW_HEADERS.sourceId]: CM_APP,
      });
      expect(Date.parse(record?.headers[WEBHOOK_RAW_HEADERS.receivedAt] ?? '')).toBeGreaterThan(
        Date.now() - 120_000,
      );
    }
    // One device, one partition: its events stay in order.
    const partitionsOfA = new Set(records.filter((r) => r.key?.endsWith('inst-a')).map((r) => r.partition));
    expect(partitionsOfA.size).toBe(1);
  });

  it('writes track messages keyed by device, and a batch as one record per item', async () => {
    const single = await send(server.url, TRACK_PATH, {
      headers: trackHeaders,
      body: registerPush('dev-1', 'cust-1'),
    });
    const items = ['dev-2', 'dev-3', 'dev-4', 'dev-5', 'dev-6'].map((device) => registerPush(device));
    const batchBody = `{"batch":[\n  ${items.join(',\n  ')}\n],"context":{"app":{"name":"Shop"}},"writeKey":"wk","sentAt":"2024-03-11T08:15:02.000Z"}`;
    const batch = await send(server.url, TRACK_PATH, { headers: trackHeaders, body: batchBody });
    const gzipped = Buffer.from(
      '{"type":"identify","anonymousId":"anon-9","traits":{"n":123456789012345678901234567890}}',
    );
    const signed = gzipSync(gzipped);
    const identify = await send(server.url, `/webhooks/track/${SIGNED_SOURCE}`, {
      headers: { ...JSON_TYPE, 'content-encoding': 'gzip', ...signature(signed) },
      body: signed,
    });
    expect([single.status, batch.status, identify.status]).toEqual([200, 200, 200]);
    expect(batch.json).toMatchObject({ accepted: 5 });

    const records = await readTopic(kafka, server.topics.track);
    expect(records).toHaveLength(7);
    expect(byRequest(records, single).map((r) => [r.key, r.value?.toString()])).toEqual([
      [`track:${TRACK_SOURCE}:dev-1`, registerPush('dev-1', 'cust-1')],
    ]);
    const batchRecords = byRequest(records, batch).sort(
      (a, b) =>
        Number(a.headers[WEBHOOK_RAW_HEADERS.batchIndex]) - Number(b.headers[WEBHOOK_RAW_HEADERS.batchIndex]),
    );
    expect(batchRecords.map((r) => r.key)).toEqual(
      ['dev-2', 'dev-3', 'dev-4', 'dev-5', 'dev-6'].map((d) => `track:${TRACK_SOURCE}:${d}`),
    );
    expect(batchRecords.map((r) => r.value?.toString())).toEqual(items);
    expect(batchRecords[0]?.headers[WEBHOOK_RAW_HEADERS.batchEnvelope]).toBe(
      '{"batch":[],"context":{"app":{"name":"Shop"}},"writeKey":"wk","sentAt":"2024-03-11T08:15:02.000Z"}',
    );
    expect(batchRecords.map((r) => r.headers[WEBHOOK_RAW_HEADERS.batchSize])).toEqual([
      '5',
      '5',
      '5',
      '5',
      '5',
    ]);
    const [identifyRecord] = byRequest(records, identify);
    expect(identifyRecord?.key).toBe(`track:${SIGNED_SOURCE}:anon-9`);
    expect(identifyRecord?.value?.equals(gzipped)).toBe(true);
  });

  it('refuses bad requests with the right status and a useful message, and writes nothing for them', async () => {
    const before =
      (await endOffsetTotal(kafka, server.topics.cm)) + (await endOffsetTotal(kafka, server.topics.track));
    const cases: [string, Promise<Reply>, number, string, string][] = [
      [
        'malformed JSON',
        send(server.url, CM_PATH, { headers: cmHeaders, body: '{"from":{' }),
        400,
        'RECORD_INVALID_JSON',
        'invalid JSON',
      ],
      [
        'a CM event without installation',
        send(server.url, CM_PATH, { headers: cmHeaders, body: cmEvent('') }),
        400,
        'RECORD_SCHEMA_VIOLATION',
        'from.number',
      ],
      [
        'a register push without token',
        send(server.url, TRACK_PATH, {
          headers: trackHeaders,
          body: '{"type":"track","event":"register push","userId":"u","properties":{"deviceId":"d","deviceType":"iOS"}}',
        }),
        400,
        'RECORD_SCHEMA_VIOLATION',
        'properties.fcmToken',
      ],
      [
        'a batch with one bad item',
        send(server.url, TRACK_PATH, {
          headers: trackHeaders,
          body: `{"batch":[${registerPush('d1')},{"type":"track"}]}`,
        }),
        400,
        'RECORD_SCHEMA_VIOLATION',
        'batch[1]',
      ],
      [
        'no credentials',
        send(server.url, CM_PATH, { headers: JSON_TYPE, body: cmEvent('x') }),
        401,
        'REQUEST_UNAUTHENTICATED',
        'authentication required',
      ],
      [
        'a wrong token',
        send(server.url, TRACK_PATH, {
          headers: { ...JSON_TYPE, ...trackAuth('nope') },
          body: registerPush('d'),
        }),
        401,
        'REQUEST_UNAUTHENTICATED',
        'authentication required',
      ],
      [
        'an oversized body',
        send(server.url, CM_PATH, { headers: cmHeaders, body: JSON.stringify({ pad: 'x'.repeat(20_000) }) }),
        413,
        'RECORD_TOO_LARGE',
        'limit is 8192',
      ],
      [
        'a form body',
        send(server.url, CM_PATH, {
          headers: { ...cmAuth(), 'content-type': 'application/x-www-form-urlencoded' },
          body: 'a=1',
        }),
        415,
        'REQUEST_UNSUPPORTED_MEDIA_TYPE',
        'application/json',
      ],
      [
        'a GET',
        send(server.url, CM_PATH, { method: 'GET', headers: cmHeaders }),
        405,
        'REQUEST_METHOD_NOT_ALLOWED',
        'use POST',
      ],
      [
        'an unknown app',
        send(server.url, '/webhooks/cm/other', { headers: cmHeaders, body: cmEvent('x') }),
        404,
        'REQUEST_ROUTE_NOT_FOUND',
        'routes are',
      ],
    ];
    for (const [name, pending, status, code, text] of cases) {
      const reply = await pending;
      expect(reply.status, name).toBe(status);
      expect(reply.json, name).toMatchObject({ error: { code } });
      expect((reply.json as { error: { message: string } }).error.message, name).toContain(text);
    }
    const after =
      (await endOffsetTotal(kafka, server.topics.cm)) + (await endOffsetTotal(kafka, server.topics.track));
    expect(after).toBe(before);
  });
});
