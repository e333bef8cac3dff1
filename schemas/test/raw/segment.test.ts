import { describe, expect, it } from 'vitest';
import { SEGMENT_BATCH_FIXTURES, SEGMENT_FIXTURES } from '../../src/fixtures/index.js';
import {
  parseSegmentMessage,
  parseSegmentRequest,
  SEGMENT_LIMITS,
} from '../../src/raw/segment/parse-segment.js';
import { parseSegmentBatch } from '../../src/raw/segment/segment-batch.js';
import { isRegisterPush } from '../../src/raw/segment/segment-message.js';
import { expectOutcome } from './expect-outcome.js';
import { fieldAt } from './field-at.js';

const typeOf = (event: unknown): unknown => fieldAt(event, 'type');
const registerPush = {
  type: 'track',
  userId: 'cust-000418',
  event: 'register push',
  properties: { deviceId: 'fcm-dev-1', fcmToken: 'tok', deviceType: 'Android' },
};

describe('Segment / Intilery examples', () => {
  it.each(SEGMENT_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    expectOutcome(parseSegmentRequest(fixture.text), fixture.expected, typeOf);
  });

  it.each(SEGMENT_BATCH_FIXTURES.map((fixture) => [fixture.name, fixture] as const))(
    '%s',
    (_name, fixture) => {
      const result = parseSegmentRequest(fixture.text);
      if (!result.ok || !('items' in result))
        throw new Error(`expected a parsed batch, got ${JSON.stringify(result)}`);
      expect(result.items).toHaveLength(fixture.expected.items.length);
      result.items.forEach((item, index) => {
        const expected = fixture.expected.items[index];
        if (expected !== undefined) expectOutcome(item, expected, typeOf);
      });
    },
  );
});

describe('register push', () => {
  it('is recognised and typed', () => {
    const result = parseSegmentMessage(registerPush);
    expect(result.ok && isRegisterPush(result.event)).toBe(true);
    const plain = parseSegmentMessage({ ...registerPush, event: 'Order Completed', properties: {} });
    expect(plain.ok && isRegisterPush(plain.event)).toBe(false);
  });

  it('adds the type a server-API message leaves out', () => {
    const { type: _type, ...withoutType } = registerPush;
    expect(parseSegmentMessage(withoutType)).toMatchObject({ ok: true, event: { type: 'track' } });
  });
});

describe('Segment pass-through', () => {
  it('keeps unknown fields, in properties, context and at the root', () => {
    const result = parseSegmentMessage({
      ...registerPush,
      properties: { ...registerPush.properties, appInstanceId: 'ai-1' },
      context: { locale: 'nl-NL', device: { id: 'd1', adTrackingEnabled: false } },
      version: 2,
    });
    expect(result).toMatchObject({
      ok: true,
      event: {
        version: 2,
        properties: { appInstanceId: 'ai-1' },
        context: { locale: 'nl-NL', device: { adTrackingEnabled: false } },
      },
    });
  });

  it('keeps calls of other types (page, screen, alias, newer ones)', () => {
    expect(parseSegmentMessage({ type: 'screen', anonymousId: 'a', name: 'Home' })).toMatchObject({
      ok: true,
      event: { type: 'screen', name: 'Home' },
    });
    expect(parseSegmentMessage({ type: 'hologram', userId: 'u', beam: 1 })).toMatchObject({
      ok: true,
      event: { beam: 1 },
    });
  });
});

describe('Segment readable errors', () => {
  it.each([
    [
      'track without event',
      { type: 'track', userId: 'u' },
      'event',
      'event: required field missing (expected string)',
    ],
    [
      'empty userId',
      { type: 'track', userId: '', event: 'A' },
      'userId',
      'userId: expected a non-empty string',
    ],
    [
      'no identity',
      { type: 'identify', traits: {} },
      'userId',
      'userId: required field missing (expected string; userId or anonymousId is required)',
    ],
    [
      'register push of an unknown platform',
      { ...registerPush, properties: { ...registerPush.properties, deviceType: 'Tablet' } },
      'properties.deviceType',
      'properties.deviceType: expected "iOS" or "Android" or "Web"',
    ],
    [
      'register push without token',
      { ...registerPush, properties: { deviceId: 'd', deviceType: 'iOS' } },
      'properties.fcmToken',
      'properties.fcmToken: required field missing (expected string)',
    ],
    [
      'timestamp not a time',
      { ...registerPush, timestamp: 'now' },
      'timestamp',
      'timestamp: expected an ISO-8601 date-time string',
    ],
    [
      'traits a list',
      { type: 'identify', userId: 'u', traits: [] },
      'traits',
      'traits: expected record, received array',
    ],
  ])('%s', (_name, body, path, message) => {
    expect(parseSegmentMessage(body)).toEqual({
      ok: false,
      error: { code: 'RECORD_SCHEMA_VIOLATION', path, message },
    });
  });

  it('names the failing item of a batch by its index', () => {
    const items = [registerPush, registerPush, registerPush, { type: 'track', userId: 'u' }];
    const result = parseSegmentBatch({ batch: items });
    expect(result.ok && result.items.map((item) => item.ok)).toEqual([true, true, true, false]);
    expect(result.ok && result.items[3]).toEqual({
      ok: false,
      error: {
        code: 'RECORD_SCHEMA_VIOLATION',
        path: 'batch[3].event',
        message: 'batch[3].event: required field missing (expected string)',
      },
    });
  });

  it.each([
    ['an empty batch', { batch: [] }, 'batch', 'batch: expected at least 1 item(s)'],
    ['a batch that is not a list', { batch: { a: 1 } }, 'batch', 'batch: expected array, received object'],
  ])('refuses %s as a whole', (_name, body, path, message) => {
    expect(parseSegmentBatch(body)).toEqual({
      ok: false,
      error: { code: 'RECORD_SCHEMA_VIOLATION', path, message },
    });
  });

  it('applies the documented size limits when asked', () => {
    const big = JSON.stringify({
      ...registerPush,
      properties: { ...registerPush.properties, blob: 'x'.repeat(SEGMENT_LIMITS.messageBytes) },
    });
    expect(parseSegmentRequest(big, { maxBytes: SEGMENT_LIMITS.messageBytes })).toMatchObject({
      ok: false,
      error: { code: 'RECORD_TOO_LARGE', path: '' },
    });
    expect(parseSegmentRequest(big).ok).toBe(true);
  });
});
