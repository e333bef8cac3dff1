import type { DeviceState } from '@pushstream/schemas';

/** Epoch ms of a day in June 2024 at 10:00 UTC. */
export function juneDay(day: number): number {
  return Date.UTC(2024, 5, day, 10, 0, 0);
}

/** A DeviceState for tests; fields left out get their Avro defaults when encoded. */
export type TestState = Partial<DeviceState> &
  Pick<DeviceState, 'deviceKey' | 'appKey' | 'deviceId' | 'source' | 'platform' | 'status' | 'version'>;

/** A full DeviceProfile with only the given fields set. */
export function profile(
  fields: Partial<NonNullable<DeviceState['profile']>>,
): NonNullable<DeviceState['profile']> {
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

/** A full Identity with only the given fields set. */
export function identity(
  fields: Partial<NonNullable<DeviceState['identity']>>,
): NonNullable<DeviceState['identity']> {
  return { externalId: null, contactId: null, msisdn: null, email: null, anonymousId: null, ...fields };
}

/** Fills the required bookkeeping fields of a test state. */
export function deviceState(state: TestState & { lastSeenAt: number }): Record<string, unknown> {
  return {
    firstSeenAt: state.installedAt ?? state.lastSeenAt,
    lastEventId: `event-${state.deviceKey}-${state.version}`,
    updatedAt: state.lastSeenAt,
    lastSignOfLifeAt: state.lastSeenAt,
    ...state,
  };
}
