import type { DeviceView } from '../../src/index.js';

/** A DeviceView for pure tests: an active Android device seen on 2024-06-02, unless overridden. */
export function view(overrides: Partial<DeviceView> = {}): DeviceView {
  return {
    deviceKey: 'cm:app:reg-1',
    appKey: 'app',
    deviceId: 'reg-1',
    source: 'CM',
    platform: 'ANDROID',
    status: 'ACTIVE',
    installedAt: Date.UTC(2024, 5, 1, 9),
    lastSeenAt: Date.UTC(2024, 5, 2, 23, 59),
    lastOpenedAt: null,
    unregisteredAt: null,
    reinstallCount: 0,
    pushOptIn: null,
    profile: null,
    identity: null,
    version: 1,
    hardStale: false,
    lastSignOfLifeAt: null,
    ...overrides,
  };
}

/** An identity with only the given fields. */
export function who(
  fields: Partial<NonNullable<DeviceView['identity']>>,
): NonNullable<DeviceView['identity']> {
  return { externalId: null, contactId: null, msisdn: null, email: null, anonymousId: null, ...fields };
}

/** A profile with only the given fields. */
export function device(
  fields: Partial<NonNullable<DeviceView['profile']>>,
): NonNullable<DeviceView['profile']> {
  return {
    appVersion: null,
    appPackage: null,
    os: null,
    osVersion: null,
    deviceModel: null,
    sdkVersion: null,
    locale: null,
    language: null,
    country: null,
    timezone: null,
    pushOptIn: null,
    pushToken: null,
    ...fields,
  };
}
