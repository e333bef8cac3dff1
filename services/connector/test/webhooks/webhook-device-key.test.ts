import { describe, expect, it } from 'vitest';
import {
  CM_FIXTURES,
  SEGMENT_FIXTURES,
  parseCmRequest,
  parseSegmentMessage,
  type SegmentMessage,
} from '@pushstream/schemas';
import { cmDeviceKey, trackDeviceId, trackDeviceKey } from '../../src/core/webhook-device-key.js';

function segment(json: unknown): SegmentMessage {
  const parsed = parseSegmentMessage(json);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.event;
}

describe('device keys', () => {
  it('CM: cm:<appKey>:<installationId> for every valid CM fixture', () => {
    for (const fixture of CM_FIXTURES.filter((f) => f.expected.ok)) {
      const parsed = parseCmRequest(fixture.text);
      if (!parsed.ok) throw new Error(fixture.name);
      expect(cmDeviceKey('app1', parsed.event), fixture.name).toBe(`cm:app1:${parsed.event.from.number}`);
    }
  });

  it('track: register push is keyed by properties.deviceId, also after sign-in', () => {
    const signedOut = segment({
      type: 'track',
      event: 'register push',
      userId: 'dev-1',
      properties: { deviceId: 'dev-1', fcmToken: 't', deviceType: 'iOS' },
    });
    const signedIn = segment({
      type: 'track',
      event: 'Register Push',
      userId: 'cust-9',
      properties: { deviceId: 'dev-1', fcmToken: 't', deviceType: 'iOS' },
    });
    expect(trackDeviceKey('wk', signedOut)).toBe('track:wk:dev-1');
    expect(trackDeviceKey('wk', signedIn)).toBe('track:wk:dev-1');
  });

  it.each([
    [
      'context.device.id before userId',
      { type: 'track', event: 'x', userId: 'cust-9', context: { device: { id: 'dev-3' } } },
      'dev-3',
    ],
    [
      'userId before anonymousId',
      { type: 'track', event: 'x', userId: 'cust-9', anonymousId: 'anon-1' },
      'cust-9',
    ],
    ['anonymousId alone', { type: 'identify', anonymousId: 'anon-1' }, 'anon-1'],
    ['an empty device id is skipped', { type: 'page', userId: 'u', context: { device: { id: '' } } }, 'u'],
  ])('track: %s', (_name, json, id) => {
    expect(trackDeviceId(segment(json))).toBe(id);
    expect(trackDeviceKey('src', segment(json))).toBe(`track:src:${id}`);
  });

  it('track: every valid Segment fixture has a key', () => {
    for (const fixture of SEGMENT_FIXTURES.filter((f) => f.expected.ok)) {
      expect(trackDeviceKey('src', segment(JSON.parse(fixture.text))), fixture.name).toMatch(/^track:src:.+/);
    }
  });
});
