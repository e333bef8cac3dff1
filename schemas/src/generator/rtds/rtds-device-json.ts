import { webUserAgent } from '../device-catalog.js';
import type { SimulatedProfile } from '../device-profile.js';
import type { SimulatedDevice } from '../population.js';
import type { Prng } from '../prng.js';
import { randomUuid } from '../random-ids.js';

const PLATFORM_CHANNEL_KEY = {
  IOS: 'ios_channel',
  ANDROID: 'android_channel',
  AMAZON: 'amazon_channel',
} as const;

/**
 * The `device` and `user` objects of one device's RTDS events, as JSON text. Rebuilt only when the
 * profile or the sign-in changes: most events of a device reuse the same text, which keeps generation fast.
 */
export class RtdsDeviceJson {
  private key = '';
  private fullText = '';
  private bareText = '';
  private userText = '';
  private readonly identifiers: Readonly<Record<string, string>> | undefined;

  constructor(
    private readonly device: SimulatedDevice,
    rng: Prng,
  ) {
    if (device.platform === 'IOS' && rng.chance(0.5)) {
      this.identifiers = {
        'com.urbanairship.vendor': randomUuid(rng).toUpperCase(),
        'com.urbanairship.limited_ad_tracking_enabled': rng.chance(0.7) ? 'true' : 'false',
      };
    } else if (device.platform === 'ANDROID' && rng.chance(0.5)) {
      this.identifiers = { 'com.urbanairship.aaid': randomUuid(rng), GA_CID: randomUuid(rng) };
    }
  }

  /** The device with its `attributes` (and `identifiers`), as OPEN, SEND or CUSTOM carry it. */
  full(profile: SimulatedProfile, signedIn: boolean): string {
    this.refresh(profile, signedIn);
    return this.fullText;
  }

  /** The device with channel ids only, as FIRST_OPEN, TAG_CHANGE or UNINSTALL carry it. */
  bare(profile: SimulatedProfile, signedIn: boolean): string {
    this.refresh(profile, signedIn);
    return this.bareText;
  }

  /** The `user` object: the contact, and the named user once signed in. */
  user(profile: SimulatedProfile, signedIn: boolean): string {
    this.refresh(profile, signedIn);
    return this.userText;
  }

  private refresh(profile: SimulatedProfile, signedIn: boolean): void {
    const key = `${profile.revision}:${signedIn}`;
    if (key === this.key) return;
    this.key = key;
    const device = this.device;
    const namedUser = signedIn ? { named_user_id: device.customerId } : {};
    const ids =
      device.platform === 'WEB'
        ? { channel: device.channel, device_type: 'WEB' }
        : {
            [PLATFORM_CHANNEL_KEY[device.platform]]: device.channel,
            channel: device.channel,
            device_type: device.platform,
          };
    this.bareText = JSON.stringify({ ...ids, ...namedUser });
    const identifiers = this.identifiers === undefined ? {} : { identifiers: this.identifiers };
    this.fullText = JSON.stringify({
      ...ids,
      ...namedUser,
      ...identifiers,
      attributes: this.attributes(profile),
    });
    this.userText = JSON.stringify({ contact_id: device.contactId, ...namedUser });
  }

  private attributes(profile: SimulatedProfile): Record<string, string> {
    const device = this.device;
    const locale = {
      iana_timezone: profile.timezone,
      locale_country_code: device.locale.country,
      locale_timezone: String(profile.utcOffsetSeconds),
      locale_language_code: device.locale.language,
    };
    if (device.platform === 'WEB') {
      const [browser = 'chrome'] = profile.osVersion.split('-');
      return {
        web_browser_type: profile.model,
        push_opt_in: String(profile.pushOptIn),
        ...locale,
        web_browser_version: profile.osVersion,
        web_browser_name: browser,
        ua_sdk_version: profile.sdkVersion,
        web_user_agent_string: webUserAgent(profile.osVersion, profile.model === 'mobile'),
      };
    }
    return {
      locale_variant: '',
      app_version: profile.appVersion,
      device_model: profile.model,
      app_package_name: device.app.packageName,
      push_opt_in: String(profile.pushOptIn),
      ...locale,
      device_os: profile.osVersion,
      location_enabled: String(
        profile.locationPermission === 'ALWAYS_ALLOWED' ||
          profile.locationPermission === 'FOREGROUND_ALLOWED',
      ),
      background_push_enabled: String(profile.backgroundPushEnabled),
      ua_sdk_version: profile.sdkVersion,
      location_permission: profile.locationPermission,
    };
  }
}
