import type { SimulatedProfile } from '../device-profile.js';
import type { SimulatedDevice } from '../population.js';

/** The Segment `context` an analytics SDK sends from this device in this state. */
export function contextOf(device: SimulatedDevice, profile: SimulatedProfile): Record<string, unknown> {
  const locale = `${device.locale.language}-${device.locale.country}`;
  const app = {
    name: device.app.name,
    version: profile.appVersion,
    build: buildOf(profile),
    namespace: device.app.packageName,
  };
  if (device.platform === 'WEB') {
    const [browser = 'chrome', version = ''] = profile.osVersion.split('-');
    return {
      device: { id: device.trackDeviceId, type: 'web' },
      os: { name: browser, version },
      app,
      locale,
      timezone: profile.timezone,
    };
  }
  const ios = device.platform === 'IOS';
  return {
    device: {
      id: device.trackDeviceId,
      manufacturer: ios
        ? 'Apple'
        : profile.model.startsWith('SM-')
          ? 'samsung'
          : profile.model.startsWith('Pixel')
            ? 'Google'
            : 'HMD Global',
      model: profile.model,
      type: ios ? 'ios' : 'android',
      ...(profile.pushOptIn ? { token: profile.pushToken } : {}),
    },
    os: { name: ios ? 'iOS' : 'Android', version: profile.osVersion },
    app,
    library: { name: ios ? 'analytics-ios' : 'analytics-android', version: '4.1.8' },
    locale,
    timezone: profile.timezone,
  };
}

/** The app build number derived from its version (`5.3.0` → `530`). */
export function buildOf(profile: SimulatedProfile): string {
  return profile.appVersion.replaceAll('.', '');
}
