import { pushOptInOf, type DeviceView } from './device-view.js';
import { e164, usableEmail, usableExternalId } from './identity-values.js';

/** Intilery's `deviceType` values (seed:003). */
export type IntileryDeviceType = 'iOS' | 'Android' | 'Web';

/** The registration as the sink wants Intilery to hold it. */
export interface IntileryDesired {
  readonly app: string;
  readonly deviceId: string;
  /** False: unregistered, hard-stale or token-less — nothing is sent until a token comes back. */
  readonly registered: boolean;
  readonly fcmToken?: string;
  readonly deviceType?: IntileryDeviceType;
  /** The customer id when signed in, else the device id while push is accepted (seed:003). */
  readonly userId?: string;
  /** The device id when push is not enabled (the user is anonymous). */
  readonly anonymousId?: string;
  /** Traits of the signed-in customer (`identify`); absent when not signed in. */
  readonly traits?: Readonly<Record<string, string>>;
}

/** The deviceType of a device, or undefined for platforms Intilery (FCM only) cannot reach. */
export function intileryDeviceType(state: DeviceView): IntileryDeviceType | undefined {
  switch (state.platform) {
    case 'IOS':
      return 'iOS';
    case 'ANDROID':
      return 'Android';
    case 'WEB':
      return 'Web';
    case 'UNKNOWN': {
      const os = state.profile?.os?.toLowerCase();
      if (os === 'ios') return 'iOS';
      if (os === 'android') return 'Android';
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The desired Intilery registration, or undefined when the device cannot be registered there (no FCM
 * platform, or no token ever seen). Identity rules of seed:003: signed in → userId = customer id (with an
 * identify of its traits); push accepted → userId = device id; push not enabled → anonymousId = device id.
 */
export function intileryDesired(state: DeviceView, app: string): IntileryDesired | undefined {
  const deviceType = intileryDeviceType(state);
  const fcmToken = state.profile?.pushToken?.trim();
  if (deviceType === undefined || fcmToken === undefined || fcmToken === '') return undefined;
  if (state.status === 'UNREGISTERED' || state.hardStale) {
    return { app, deviceId: state.deviceId, registered: false };
  }
  const base = { app, deviceId: state.deviceId, registered: true, fcmToken, deviceType };
  const customerId = usableExternalId(state.identity?.externalId);
  if (customerId !== undefined) {
    const traits: Record<string, string> = {};
    const email = usableEmail(state.identity?.email);
    const phone = e164(state.identity?.msisdn);
    if (email !== undefined) traits.email = email;
    if (phone !== undefined) traits.phone = phone;
    return { ...base, userId: customerId, traits };
  }
  return pushOptInOf(state) === false
    ? { ...base, anonymousId: state.deviceId }
    : { ...base, userId: state.deviceId };
}
