import type { CountryCode } from 'libphonenumber-js';
import type { DeviceEvent } from '@pushstream/schemas';

/** The app registry entry an event is enriched with (DeviceEvent `app`). */
export type RegisteredApp = NonNullable<DeviceEvent['app']>;

/** The sources whose app keys the app registry lists. */
export type AppKeySource = 'airship' | 'cm' | 'track';

/** Looks an app key up in the app registry; undefined for keys it does not list. */
export type AppDirectory = (source: AppKeySource, appKey: string) => RegisteredApp | undefined;

/** What mapping needs besides the record: the app registry and the phone-number default region. */
export interface NormalizeContext {
  readonly apps: AppDirectory;
  /** Region of national phone numbers (CM sends `06…` or `0031…`), e.g. NL. */
  readonly defaultRegion: CountryCode;
}
