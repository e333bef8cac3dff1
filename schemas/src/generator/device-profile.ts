import { PLATFORM_CATALOGS } from './device-catalog.js';
import type { SimulatedDevice } from './population.js';
import type { Prng } from './prng.js';
import { fcmToken } from './random-ids.js';

/** What a device reports about itself at one moment; a new object on every change. */
export interface SimulatedProfile {
  /** Increments on every change, so renderers can cache what they derive from a profile. */
  readonly revision: number;
  readonly appVersion: string;
  /** OS version; for web channels the browser version (`chrome-126`). */
  readonly osVersion: string;
  /** Hardware model; for web channels `desktop` or `mobile`. */
  readonly model: string;
  readonly sdkVersion: string;
  readonly timezone: string;
  readonly utcOffsetSeconds: number;
  readonly pushOptIn: boolean;
  readonly backgroundPushEnabled: boolean;
  readonly locationPermission: 'ALWAYS_ALLOWED' | 'FOREGROUND_ALLOWED' | 'NOT_ALLOWED' | 'UNPROMPTED';
  /** Current FCM/APNs token; replaced on refresh and on reinstall. */
  readonly pushToken: string;
}

/** The kinds of profile change a device goes through. */
export type ProfileChange =
  'app-update' | 'os-update' | 'push-opt-in' | 'timezone' | 'token-refresh' | 'location';

/** The profile a device has at install (or at the start of the traffic, when preinstalled). */
export function initialProfile(device: SimulatedDevice, rng: Prng, pushOptInShare: number): SimulatedProfile {
  const catalog = PLATFORM_CATALOGS[device.platform];
  const versions = device.app.appVersions;
  // Preinstalled devices lag behind: they installed an older version.
  const versionIndex = device.preinstalled ? rng.int(0, versions.length - 1) : versions.length - 1;
  return {
    revision: 0,
    appVersion: versions[versionIndex] ?? versions[0] ?? '1.0',
    osVersion: rng.pick(catalog.osVersions),
    model: rng.pick(catalog.models),
    sdkVersion: rng.pick(catalog.sdkVersions),
    timezone: device.locale.timezone,
    utcOffsetSeconds: device.locale.utcOffsetSeconds,
    pushOptIn: rng.chance(pushOptInShare),
    backgroundPushEnabled: rng.chance(0.9),
    locationPermission: rng.pick([
      'ALWAYS_ALLOWED',
      'FOREGROUND_ALLOWED',
      'NOT_ALLOWED',
      'UNPROMPTED',
    ] as const),
    pushToken: fcmToken(rng),
  };
}

/** Applies one change; the result is a new profile with the next revision. */
export function changeProfile(
  device: SimulatedDevice,
  profile: SimulatedProfile,
  change: ProfileChange,
  rng: Prng,
): SimulatedProfile {
  const next = { ...profile, revision: profile.revision + 1 };
  switch (change) {
    case 'app-update':
      return { ...next, appVersion: nextOf(device.app.appVersions, profile.appVersion) };
    case 'os-update':
      return { ...next, osVersion: nextOf(PLATFORM_CATALOGS[device.platform].osVersions, profile.osVersion) };
    case 'push-opt-in':
      return { ...next, pushOptIn: !profile.pushOptIn };
    case 'timezone':
      return travel(next, device, rng);
    case 'token-refresh':
      return { ...next, pushToken: fcmToken(rng) };
    case 'location':
      return {
        ...next,
        locationPermission: rng.pick(['ALWAYS_ALLOWED', 'FOREGROUND_ALLOWED', 'NOT_ALLOWED'] as const),
      };
  }
}

function travel(profile: SimulatedProfile, device: SimulatedDevice, rng: Prng): SimulatedProfile {
  const away = profile.timezone === device.locale.timezone;
  if (!away)
    return { ...profile, timezone: device.locale.timezone, utcOffsetSeconds: device.locale.utcOffsetSeconds };
  const destination = rng.pick([
    { timezone: 'Europe/Lisbon', utcOffsetSeconds: 3600 },
    { timezone: 'America/New_York', utcOffsetSeconds: -14400 },
    { timezone: 'Asia/Tokyo', utcOffsetSeconds: 32400 },
  ]);
  return { ...profile, ...destination };
}

function nextOf(ladder: readonly string[], current: string): string {
  const index = ladder.indexOf(current);
  return ladder[Math.min(index + 1, ladder.length - 1)] ?? current;
}
