/** A place a simulated user lives: locale, time zone and phone numbering. */
export interface SimulatedLocale {
  readonly language: string;
  readonly country: string;
  readonly timezone: string;
  /** Seconds from UTC in June, as RTDS writes `locale_timezone`. */
  readonly utcOffsetSeconds: number;
  /** Country calling code, without `+` or `00`. */
  readonly callingCode: string;
  /** Mobile prefix after the calling code, and how many digits follow it. */
  readonly mobilePrefix: string;
  readonly subscriberDigits: number;
}

/** Where the simulated users live (CM's examples are Dutch, RTDS's American). */
export const SIMULATED_LOCALES: readonly SimulatedLocale[] = [
  {
    language: 'nl',
    country: 'NL',
    timezone: 'Europe/Amsterdam',
    utcOffsetSeconds: 7200,
    callingCode: '31',
    mobilePrefix: '6',
    subscriberDigits: 8,
  },
  {
    language: 'nl',
    country: 'BE',
    timezone: 'Europe/Brussels',
    utcOffsetSeconds: 7200,
    callingCode: '32',
    mobilePrefix: '4',
    subscriberDigits: 8,
  },
  {
    language: 'de',
    country: 'DE',
    timezone: 'Europe/Berlin',
    utcOffsetSeconds: 7200,
    callingCode: '49',
    mobilePrefix: '15',
    subscriberDigits: 9,
  },
  {
    language: 'en',
    country: 'GB',
    timezone: 'Europe/London',
    utcOffsetSeconds: 3600,
    callingCode: '44',
    mobilePrefix: '7',
    subscriberDigits: 9,
  },
  {
    language: 'en',
    country: 'US',
    timezone: 'America/Los_Angeles',
    utcOffsetSeconds: -25200,
    callingCode: '1',
    mobilePrefix: '415',
    subscriberDigits: 7,
  },
  {
    language: 'fr',
    country: 'FR',
    timezone: 'Europe/Paris',
    utcOffsetSeconds: 7200,
    callingCode: '33',
    mobilePrefix: '6',
    subscriberDigits: 8,
  },
];
