import type { DeviceView } from './device-view.js';

/** DeviceState fields that can carry the Infobip push registration id. */
export const REGISTRATION_ID_FIELDS = [
  'deviceId',
  'profile.pushToken',
  'identity.contactId',
  'identity.externalId',
  'identity.anonymousId',
] as const;
/** One of REGISTRATION_ID_FIELDS. */
export type RegistrationIdField = (typeof REGISTRATION_ID_FIELDS)[number];

/** The registration id the configured field holds (trimmed), or undefined when it is empty. */
export function registrationIdOf(state: DeviceView, field: RegistrationIdField): string | undefined {
  const value = ((): string | null | undefined => {
    switch (field) {
      case 'deviceId':
        return state.deviceId;
      case 'profile.pushToken':
        return state.profile?.pushToken;
      case 'identity.contactId':
        return state.identity?.contactId;
      case 'identity.externalId':
        return state.identity?.externalId;
      case 'identity.anonymousId':
        return state.identity?.anonymousId;
    }
  })();
  const text = value?.trim();
  return text === undefined || text === '' ? undefined : text;
}
