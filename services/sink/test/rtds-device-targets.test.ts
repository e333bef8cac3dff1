import { describe, expect, it } from 'vitest';
import { decideInfobip, decideIntilery, infobipDesired, intileryDesired } from '../src/index.js';
import { device, view, who } from './support/views.js';

const CHANNEL = '5c6ffb14-714e-4dbb-9545-f8740eb83002';

/**
 * A device state as the sessionizer derives it from Airship RTDS events alone (the shape the normalizer's
 * RTDS mapper gives it): the Airship channel as device id, app attributes as profile, the named user and
 * contact as identity — and no push token, because RTDS app device information has none (seed:002).
 */
const rtdsState = view({
  deviceKey: `airship:ISex_TTJRuarzs9-o_Gkhg:${CHANNEL}`,
  appKey: 'ISex_TTJRuarzs9-o_Gkhg',
  deviceId: CHANNEL,
  source: 'AIRSHIP',
  platform: 'ANDROID',
  status: 'ACTIVE',
  pushOptIn: true,
  profile: device({
    appVersion: '5.2.1',
    os: 'Android',
    osVersion: '14',
    sdkVersion: '18.1.6',
    pushOptIn: true,
  }),
  identity: who({ externalId: 'cust-023083', contactId: 'cebdfb31-3163-410b-b15a-2966eb4d31ac' }),
});

const callContext = {
  deviceKey: rtdsState.deviceKey,
  stateVersion: 1,
  occurredAt: rtdsState.lastSeenAt,
  signOfLifeAt: rtdsState.lastSeenAt,
  nowMs: rtdsState.lastSeenAt,
  resendAfterMs: 30 * 86_400_000,
};

describe('an RTDS-only device', () => {
  it('reaches Infobip by its channel id but not Intilery, which needs the FCM token RTDS never carries', () => {
    const infobip = infobipDesired(rtdsState, {
      app: 'Shop',
      registrationIdField: 'deviceId',
      primary: 'unmanaged',
    });
    expect(infobip).toMatchObject({
      registrationId: CHANNEL,
      registrationEnabled: true,
      identity: { externalId: 'cust-023083' },
    });
    expect(decideInfobip(infobip, undefined, false).kind).toBe('sync');

    expect(intileryDesired(rtdsState, 'Shop')).toBeUndefined();
    expect(decideIntilery(undefined, undefined, false, callContext)).toEqual({
      kind: 'not-applicable',
      reason: 'no-fcm-token',
    });
  });

  it('reaches Intilery as soon as a token is on its state, signed in as its named user', () => {
    const withToken = { ...rtdsState, profile: device({ pushToken: 'fcm-token-1', pushOptIn: true }) };
    expect(intileryDesired(withToken, 'Shop')).toEqual({
      app: 'Shop',
      deviceId: CHANNEL,
      registered: true,
      fcmToken: 'fcm-token-1',
      deviceType: 'Android',
      userId: 'cust-023083',
      traits: {},
    });
  });
});
