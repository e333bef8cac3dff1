import { describe, expect, it } from 'vitest';
import {
  decideIntilery,
  desiredHash,
  intileryDesired,
  intileryRequest,
  planIntilery,
  uuidV5,
  type IntileryCallContext,
  type IntileryDesired,
} from '../src/index.js';
import { device, view, who } from './support/views.js';

const DAY = 86_400_000;
const context: IntileryCallContext = {
  deviceKey: 'track:k:fcm-1',
  stateVersion: 3,
  occurredAt: Date.UTC(2024, 5, 2),
  signOfLifeAt: Date.UTC(2024, 5, 2),
  nowMs: Date.UTC(2024, 5, 2),
  resendAfterMs: 30 * DAY,
};
const withToken = (overrides = {}) =>
  view({ deviceId: 'fcm-1', profile: device({ pushToken: 'tok-1' }), ...overrides });
const acked = (desired: IntileryDesired, lastSentAt = context.nowMs) => ({
  hash: desiredHash(desired),
  desired,
  lastSentAt,
  stateVersion: 1,
});

describe('intileryDesired', () => {
  it('follows seed:003: device id as userId while push is accepted, anonymousId when not, customer id when signed in', () => {
    expect(intileryDesired(withToken(), 'Shop')).toEqual({
      app: 'Shop',
      deviceId: 'fcm-1',
      registered: true,
      fcmToken: 'tok-1',
      deviceType: 'Android',
      userId: 'fcm-1',
    });
    expect(intileryDesired(withToken({ pushOptIn: false }), 'Shop')).toMatchObject({ anonymousId: 'fcm-1' });
    expect(
      intileryDesired(
        withToken({ identity: who({ externalId: 'cust-1', email: 'a@b.nl', msisdn: '+31612345678' }) }),
        'Shop',
      ),
    ).toMatchObject({ userId: 'cust-1', traits: { email: 'a@b.nl', phone: '+31612345678' } });
  });

  it('is not registered when unregistered or hard-stale, and not applicable without FCM platform or token', () => {
    expect(intileryDesired(withToken({ status: 'UNREGISTERED' }), 'Shop')).toEqual({
      app: 'Shop',
      deviceId: 'fcm-1',
      registered: false,
    });
    expect(intileryDesired(withToken({ hardStale: true }), 'Shop')?.registered).toBe(false);
    expect(intileryDesired(withToken({ platform: 'SMS' }), 'Shop')).toBeUndefined();
    expect(intileryDesired(view(), 'Shop')).toBeUndefined();
    expect(
      intileryDesired(
        withToken({ platform: 'UNKNOWN', profile: device({ pushToken: 't', os: 'iOS' }) }),
        'Shop',
      )?.deviceType,
    ).toBe('iOS');
  });
});

describe('planIntilery', () => {
  const signedIn = intileryDesired(
    withToken({ identity: who({ externalId: 'cust-1', email: 'a@b.nl' }) }),
    'Shop',
  ) as IntileryDesired;
  const anonymous = intileryDesired(withToken(), 'Shop') as IntileryDesired;

  it('identifies, then registers push as the customer, with deterministic messageIds', () => {
    const items = planIntilery(signedIn, desiredHash(signedIn), acked(anonymous), context);
    expect(items.map((item) => item.event)).toEqual(['identify', 'register push']);
    expect(items[1]).toMatchObject({
      userId: 'cust-1',
      properties: { deviceId: 'fcm-1', fcmToken: 'tok-1', deviceType: 'Android' },
      timestamp: '2024-06-02T00:00:00.000Z',
    });
    const again = planIntilery(signedIn, desiredHash(signedIn), acked(anonymous), context);
    expect(again.map((item) => item.messageId)).toEqual(items.map((item) => item.messageId));
    const next = planIntilery(signedIn, desiredHash(signedIn), acked(anonymous), {
      ...context,
      stateVersion: 4,
    });
    expect(next[0]?.messageId).not.toBe(items[0]?.messageId);
    expect(items[0]?.messageId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('sends only a new register push for a refreshed token, nothing when unregistered', () => {
    const refreshed = { ...signedIn, fcmToken: 'tok-2' };
    expect(
      planIntilery(refreshed, desiredHash(refreshed), acked(signedIn), context).map((item) => item.event),
    ).toEqual(['register push']);
    const gone = { app: 'Shop', deviceId: 'fcm-1', registered: false };
    expect(planIntilery(gone, desiredHash(gone), acked(signedIn), context)).toEqual([]);
  });

  it('re-sends an unchanged registration after resendAfter only if the device showed life since', () => {
    const sentAt = context.nowMs - 31 * DAY;
    const old = acked(signedIn, sentAt);
    expect(decideIntilery(signedIn, old, false, context)).toMatchObject({ kind: 'sync' });
    const decision = decideIntilery(signedIn, old, false, context);
    expect(decision.kind === 'sync' ? decision.operations.map((item) => item.event) : []).toEqual([
      'register push',
    ]);
    expect(decideIntilery(signedIn, old, false, { ...context, signOfLifeAt: sentAt - 1 })).toEqual({
      kind: 'in-sync',
    });
    expect(decideIntilery(signedIn, acked(signedIn, context.nowMs - 29 * DAY), false, context)).toEqual({
      kind: 'in-sync',
    });
  });

  it('forgets an erased device without calling', () => {
    expect(decideIntilery(undefined, acked(signedIn), true, context)).toMatchObject({
      kind: 'sync',
      operations: [],
      erase: true,
    });
  });
});

describe('intileryRequest', () => {
  const account = { clientId: 'shop', accountId: 'shop', brandId: 'SHOP', authToken: 'secret' };
  const signedIn = intileryDesired(
    withToken({ identity: who({ externalId: 'cust-1' }) }),
    'Shop',
  ) as IntileryDesired;
  const items = planIntilery(signedIn, desiredHash(signedIn), undefined, context);

  it('uses the single endpoint for one item and /v1/batch for several, with auth-token', () => {
    const [identify, register] = items;
    if (identify === undefined || register === undefined) throw new Error('expected two items');
    expect(intileryRequest(account, [register])).toMatchObject({
      method: 'POST',
      path: '/track/shop/shop/SHOP/v1/track',
      headers: { 'auth-token': 'secret', 'content-type': 'application/json' },
    });
    expect(intileryRequest(account, [identify]).path).toBe('/track/shop/shop/SHOP/v1/identify');
    const batch = intileryRequest(account, items);
    expect(batch.path).toBe('/track/shop/shop/SHOP/v1/batch');
    expect(
      (JSON.parse(batch.body ?? '') as { batch: { event: string }[] }).batch.map((item) => item.event),
    ).toEqual(['identify', 'register push']);
  });

  it('makes version-5 UUIDs that are stable per name', () => {
    expect(uuidV5('a')).toBe(uuidV5('a'));
    expect(uuidV5('a')).not.toBe(uuidV5('b'));
  });
});
