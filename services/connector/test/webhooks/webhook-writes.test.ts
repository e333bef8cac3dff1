import { describe, expect, it } from 'vitest';
import { HEADERS } from '@pushstream/runtime';
import { CM_FIXTURES, SEGMENT_BATCH_FIXTURES, SEGMENT_FIXTURES } from '@pushstream/schemas';
import { cmWebhookWrites } from '../../src/core/webhook-cm-writes.js';
import { WEBHOOK_RAW_HEADERS, type WebhookLineage } from '../../src/core/webhook-raw-write.js';
import { trackWebhookWrites } from '../../src/core/webhook-track-writes.js';

const lineage: WebhookLineage = {
  receivedAt: '2024-03-11T08:15:03.120Z',
  connectorInstance: 'connector-0',
  route: '/webhooks/x/y',
  requestId: 'req-1',
};

function withAppKey(text: string, appKey: string): Buffer {
  return Buffer.from(text.replace('<APP_KEY>', appKey));
}

describe('CM webhook records', () => {
  it('every fixture yields what the schemas package says: one record of the body bytes, or a 400 at its path', () => {
    for (const fixture of CM_FIXTURES) {
      const appKey = /"to":\s*\{\s*"number":\s*"([^"]*)"/.exec(fixture.text)?.[1] ?? 'app';
      const result = cmWebhookWrites(
        appKey === '<APP_KEY>' ? 'APPKEY' : appKey,
        withAppKey(fixture.text, 'APPKEY'),
        lineage,
      );
      if (fixture.expected.ok) {
        expect(result.ok, fixture.name).toBe(true);
        if (!result.ok) continue;
        expect(result.writes).toHaveLength(1);
        expect(result.writes[0]?.value.toString()).toBe(fixture.text.replace('<APP_KEY>', 'APPKEY'));
        expect(result.writes[0]?.eventType).toBe(fixture.expected.type);
      } else {
        expect(result, fixture.name).toMatchObject({
          ok: false,
          rejection: { status: 400, code: fixture.expected.code, path: fixture.expected.path },
        });
      }
    }
  });

  it('refuses an event for another app key, and matches GUID spellings', () => {
    const body = Buffer.from(
      '{"from":{"number":"i1"},"to":{"number":"ABCD-EF01"},"event":{"type":"ClientUnregistered","custom":{}},"timeUtc":"2024-01-01T00:00:00"}',
    );
    expect(cmWebhookWrites('abcdef01', body, lineage)).toMatchObject({
      ok: true,
      writes: [{ key: 'cm:abcdef01:i1' }],
    });
    expect(cmWebhookWrites('abcdef02', body, lineage)).toMatchObject({
      ok: false,
      rejection: { path: 'to.number', status: 400 },
    });
  });

  it('carries the lineage headers', () => {
    const body = Buffer.from(
      '{"from":{"number":"i1"},"to":{"number":"a"},"event":{"type":"NewType"},"timeUtc":"2024-01-01T00:00:00"}',
    );
    const result = cmWebhookWrites('a', body, lineage);
    expect(result.ok && result.writes[0]?.headers).toEqual({
      [WEBHOOK_RAW_HEADERS.source]: 'cm-push',
      [WEBHOOK_RAW_HEADERS.receivedAt]: lineage.receivedAt,
      [WEBHOOK_RAW_HEADERS.connectorInstance]: 'connector-0',
      [WEBHOOK_RAW_HEADERS.route]: '/webhooks/x/y',
      [WEBHOOK_RAW_HEADERS.sourceId]: 'a',
      [WEBHOOK_RAW_HEADERS.requestId]: 'req-1',
      [WEBHOOK_RAW_HEADERS.eventType]: 'NewType',
    });
  });
});

describe('track webhook records', () => {
  it('every single-message fixture yields one record of the whole body, or a 400 at its path', () => {
    for (const fixture of SEGMENT_FIXTURES) {
      const result = trackWebhookWrites('wk', Buffer.from(fixture.text), lineage);
      if (fixture.expected.ok) {
        expect(result, fixture.name).toMatchObject({
          ok: true,
          writes: [{ value: Buffer.from(fixture.text) }],
        });
      } else {
        expect(result, fixture.name).toMatchObject({
          ok: false,
          rejection: { code: fixture.expected.code, path: fixture.expected.path },
        });
      }
    }
  });

  it('splits a valid batch fixture; refuses one with a bad item as a whole', () => {
    for (const fixture of SEGMENT_BATCH_FIXTURES) {
      const result = trackWebhookWrites('wk', Buffer.from(fixture.text), lineage);
      const bad = fixture.expected.items.findIndex((item) => !item.ok);
      if (bad < 0) {
        expect(result.ok, fixture.name).toBe(true);
        if (!result.ok) continue;
        expect(result.writes).toHaveLength(fixture.expected.items.length);
        const parsed = JSON.parse(fixture.text) as { batch: unknown[] };
        expect(result.writes.map((write) => JSON.parse(write.value.toString()) as unknown)).toEqual(
          parsed.batch,
        );
        expect(result.writes.map((write) => write.headers[WEBHOOK_RAW_HEADERS.batchSize])).toEqual(
          parsed.batch.map(() => String(parsed.batch.length)),
        );
      } else {
        const expected = fixture.expected.items[bad];
        expect(result, fixture.name).toMatchObject({
          ok: false,
          rejection: { status: 400, path: expected !== undefined && !expected.ok ? expected.path : '' },
        });
      }
    }
  });

  it('flags register push and keeps the message type', () => {
    const result = trackWebhookWrites(
      'wk',
      Buffer.from(
        '{"batch":[{"event":"identify","userId":"u","traits":{}},{"event":"register push","userId":"d","properties":{"deviceId":"d","fcmToken":"t","deviceType":"Web"}}]}',
      ),
      lineage,
    );
    expect(result.ok && result.writes.map((write) => [write.eventType, write.registerPush])).toEqual([
      ['identify', false],
      ['track', true],
    ]);
  });
});

describe('lineage header names', () => {
  it('are the runtime names shared with RTDS records', () => {
    expect(WEBHOOK_RAW_HEADERS.source).toBe(HEADERS.source);
    expect(WEBHOOK_RAW_HEADERS.receivedAt).toBe(HEADERS.receivedAt);
    expect(WEBHOOK_RAW_HEADERS.connectorInstance).toBe(HEADERS.connectorInstance);
  });
});
