import type { DeviceEvent } from '@pushstream/schemas';

/** The normalized platform of a DeviceEvent. */
export type Platform = DeviceEvent['platform'];

const PLATFORM_WORDS: Readonly<Record<string, Platform>> = {
  ios: 'IOS',
  ipados: 'IOS',
  iphoneos: 'IOS',
  iphone: 'IOS',
  ipad: 'IOS',
  tvos: 'IOS',
  android: 'ANDROID',
  amazon: 'AMAZON',
  fireos: 'AMAZON',
  kindle: 'AMAZON',
  web: 'WEB',
  browser: 'WEB',
  email: 'EMAIL',
  sms: 'SMS',
  open: 'OPEN',
};

const OS_NAMES: Readonly<Record<string, string>> = {
  ios: 'iOS',
  iphoneos: 'iOS',
  ipados: 'iPadOS',
  tvos: 'tvOS',
  android: 'Android',
  fireos: 'Fire OS',
  amazon: 'Fire OS',
  windows: 'Windows',
  macos: 'macOS',
  macosx: 'macOS',
  osx: 'macOS',
  linux: 'Linux',
};

function word(value: string): string {
  return value.toLowerCase().replace(/[^a-z]/g, '');
}

/** The platform a source's device type or OS name means (`iOs`, `ios`, `IOS`, `iPadOS` → IOS); UNKNOWN otherwise. */
export function normalizePlatform(value: string | undefined): Platform {
  if (value === undefined) return 'UNKNOWN';
  return PLATFORM_WORDS[word(value)] ?? 'UNKNOWN';
}

/** The platform of the first candidate that names a known one; UNKNOWN when none does. */
export function firstKnownPlatform(candidates: readonly (string | undefined)[]): Platform {
  for (const candidate of candidates) {
    const platform = normalizePlatform(candidate);
    if (platform !== 'UNKNOWN') return platform;
  }
  return 'UNKNOWN';
}

/** An OS name in its usual spelling (`iOs` → iOS, `android` → Android); other names trimmed, as sent. */
export function normalizeOsName(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  return OS_NAMES[word(value)] ?? value.trim();
}

/** The OS name of an app platform when the source names only the platform (Airship `device_type`). */
export function osOfPlatform(platform: Platform): string | null {
  switch (platform) {
    case 'IOS':
      return 'iOS';
    case 'ANDROID':
      return 'Android';
    case 'AMAZON':
      return 'Fire OS';
    default:
      return null;
  }
}
