import { isoDate, pushOptInOf, type DeviceView } from './device-view.js';
import { infobipPhoneNumber, usableEmail, usableExternalId } from './identity-values.js';
import { registrationIdOf, type RegistrationIdField } from './registration-id.js';

/** How `isPrimary` is managed: not at all (the SDK or people own it), or true while enabled and personalized. */
export const PRIMARY_POLICIES = ['unmanaged', 'active'] as const;
/** One of PRIMARY_POLICIES. */
export type PrimaryPolicy = (typeof PRIMARY_POLICIES)[number];

/** Per-app Infobip settings that shape the desired state. */
export interface InfobipSettings {
  /** The app name (app registry). */
  readonly app: string;
  readonly registrationIdField: RegistrationIdField;
  readonly primary: PrimaryPolicy;
}

/** The one identity personalize is called with. */
export type InfobipIdentity =
  { readonly externalId: string } | { readonly phoneNumber: string } | { readonly email: string };

/** A custom attribute value Infobip takes (dates as `YYYY-MM-DD` strings). */
export type AttributeValue = string | number | boolean;

/** The push registration as the sink wants Infobip to hold it. */
export interface InfobipDesired {
  readonly app: string;
  readonly registrationId: string;
  readonly registrationEnabled: boolean;
  /** Absent when the primary flag is unmanaged. */
  readonly isPrimary?: boolean;
  /** Lifecycle fields, `additionalData` of the registration. */
  readonly additionalData: Readonly<Record<string, AttributeValue>>;
  /** The person the registration is personalized with; null = depersonalized. */
  readonly identity: InfobipIdentity | null;
}

/**
 * The desired Infobip registration of a device, or undefined when the device has no registration id in
 * the configured field. Only partner-visible facts enter it (no versions or emission times), and times
 * are days, so a replay computes the same value and a device's daily activity costs at most one PATCH.
 */
export function infobipDesired(state: DeviceView, settings: InfobipSettings): InfobipDesired | undefined {
  const registrationId = registrationIdOf(state, settings.registrationIdField);
  if (registrationId === undefined) return undefined;
  const registrationEnabled = state.status !== 'UNREGISTERED' && pushOptInOf(state) !== false;
  const identity = state.status === 'UNREGISTERED' ? null : infobipIdentity(state);
  const additionalData: Record<string, AttributeValue> = {
    lifecycleState: state.status,
    lastSeenAt: isoDate(state.lastSignOfLifeAt ?? state.lastSeenAt),
    reinstallCount: state.reinstallCount,
  };
  if (state.installedAt !== null) additionalData.installedAt = isoDate(state.installedAt);
  if (state.lastOpenedAt !== null) additionalData.lastOpenedAt = isoDate(state.lastOpenedAt);
  if (state.unregisteredAt !== null && state.status === 'UNREGISTERED')
    additionalData.unregisteredAt = isoDate(state.unregisteredAt);
  const base = { app: settings.app, registrationId, registrationEnabled, additionalData, identity };
  return settings.primary === 'unmanaged'
    ? base
    : { ...base, isPrimary: registrationEnabled && identity !== null };
}

/**
 * The identity to personalize with: ONE field, externalId first, else the phone (E.164 digits), else the
 * email — several fields can match several people (AMBIGUOUS_PERSONALIZE_CANDIDATES).
 */
export function infobipIdentity(state: DeviceView): InfobipIdentity | null {
  const externalId = usableExternalId(state.identity?.externalId);
  if (externalId !== undefined) return { externalId };
  const phoneNumber = infobipPhoneNumber(state.identity?.msisdn);
  if (phoneNumber !== undefined) return { phoneNumber };
  const email = usableEmail(state.identity?.email);
  if (email !== undefined) return { email };
  return null;
}

/**
 * The desired state of an erased device (tombstone): disabled, depersonalized, its lifecycle attributes
 * removed — derived from what was acknowledged, the only place its registration id is left.
 */
export function infobipErased(acked: InfobipDesired): InfobipDesired {
  const base = {
    app: acked.app,
    registrationId: acked.registrationId,
    registrationEnabled: false,
    additionalData: {},
    identity: null,
  };
  return acked.isPrimary === undefined ? base : { ...base, isPrimary: false };
}
