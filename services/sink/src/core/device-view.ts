import type { DeviceState } from '@pushstream/schemas';

/** The DeviceState fields the sink reads (newer fields of the state flow past it untouched). */
export type DeviceView = Pick<
  DeviceState,
  | 'deviceKey'
  | 'appKey'
  | 'deviceId'
  | 'source'
  | 'platform'
  | 'status'
  | 'installedAt'
  | 'lastSeenAt'
  | 'lastOpenedAt'
  | 'unregisteredAt'
  | 'reinstallCount'
  | 'pushOptIn'
  | 'profile'
  | 'identity'
  | 'version'
  | 'hardStale'
  | 'lastSignOfLifeAt'
>;

/** The app-registry source of a DeviceState source (undefined: a source the registry does not key). */
export function appKeySourceOf(source: DeviceView['source']): 'airship' | 'cm' | 'track' | undefined {
  switch (source) {
    case 'AIRSHIP':
      return 'airship';
    case 'CM':
      return 'cm';
    case 'TRACK':
      return 'track';
    case 'UNKNOWN':
      return undefined;
  }
}

/** `YYYY-MM-DD` (UTC) of an epoch-ms time: Infobip's date format for custom attributes. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The push opt-in of a state: the state's own, else the profile's. */
export function pushOptInOf(state: DeviceView): boolean | null {
  return state.pushOptIn ?? state.profile?.pushOptIn ?? null;
}
