import type { AppSpec } from './app-spec.js';
import { SIMULATED_LOCALES, type SimulatedLocale } from './locales.js';
import { Prng } from './prng.js';
import { hyphenlessGuid, randomUuid } from './random-ids.js';
import type { ResolvedTrafficOptions } from './resolve-options.js';
import type { AppPlatform } from './traffic-options.js';

/** One app install of the simulated population, with its id in each source. */
export interface SimulatedDevice {
  /** Position in the population, 0-based. */
  readonly index: number;
  readonly app: AppSpec;
  readonly platform: AppPlatform;
  /** Airship channel id. */
  readonly channel: string;
  /** Airship contact id. */
  readonly contactId: string;
  /** CM.com installation id (`from.number`): a hyphen-less GUID. */
  readonly cmInstallationId: string;
  /** Track device id (Intilery "register push" `deviceId`, Segment `context.device.id`). */
  readonly trackDeviceId: string;
  /** The customer id the user signs in with: Airship named user, Segment `userId` after sign-in. */
  readonly customerId: string;
  readonly email: string;
  /** Phone in E.164 digits without `+`, when the user verifies one in the app; CM sends it as `00…`. */
  readonly msisdn: string | undefined;
  readonly locale: SimulatedLocale;
  /** Installed before the traffic starts: no install event is ever seen for it. */
  readonly preinstalled: boolean;
  /** Time of the device's first step (its install, or its first session when preinstalled). */
  readonly firstStepAt: number;
}

/**
 * Builds the device population. Deterministic in the options: the same seed gives the same devices, ids and
 * install times, whichever source is rendered from them.
 */
export function createPopulation(options: ResolvedTrafficOptions): readonly SimulatedDevice[] {
  const rng = new Prng(options.seed, 'population');
  const appWeights = Object.fromEntries(options.apps.map((app, index) => [String(index), app.weight ?? 1]));
  const devices: SimulatedDevice[] = [];
  for (let index = 0; index < options.devices; index++) {
    const app = options.apps[Number(rng.weighted(appWeights))] ?? options.apps[0];
    if (app === undefined) throw new RangeError('apps: at least one app is needed');
    const platform = rng.weighted(options.platformWeights);
    const locale = rng.pick(SIMULATED_LOCALES);
    const customerNumber = String(rng.int(1, 999_999)).padStart(6, '0');
    const preinstalled = rng.chance(options.lifecycle.preinstalledShare);
    const firstStepAt = preinstalled
      ? options.start + Math.floor(rng.exponential(options.lifecycle.meanStepGapMs))
      : options.start + Math.floor(rng.between(0, options.lifecycle.installSpreadMs));
    devices.push({
      index,
      app,
      platform,
      channel: randomUuid(rng),
      contactId: randomUuid(rng),
      cmInstallationId: hyphenlessGuid(rng),
      trackDeviceId: `fcm-dev-${rng.hex(10)}`,
      customerId: `cust-${customerNumber}`,
      email: `user${customerNumber}@example.${locale.country.toLowerCase()}`,
      msisdn: rng.chance(options.cm.msisdnShare) ? mobileNumber(rng, locale) : undefined,
      locale,
      preinstalled,
      firstStepAt,
    });
  }
  return devices;
}

function mobileNumber(rng: Prng, locale: SimulatedLocale): string {
  let subscriber = '';
  for (let digit = 0; digit < locale.subscriberDigits; digit++) subscriber += String(rng.int(0, 9));
  return `${locale.callingCode}${locale.mobilePrefix}${subscriber}`;
}
