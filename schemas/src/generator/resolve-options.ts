import { DEFAULT_APPS, type AppSpec } from './app-spec.js';
import { DAY, HOUR, MINUTE, SECOND, toEpochMs } from './iso-time.js';
import type { Seed } from './prng.js';
import type {
  AppPlatform,
  CmWebhookOptions,
  ComplianceStreamOptions,
  LifecycleOptions,
  MsRange,
  RtdsQuirkOptions,
  RtdsStreamOptions,
  TrackOptions,
  TrafficOptions,
} from './traffic-options.js';

/** `T` with every optional field present. */
export type Filled<T> = { readonly [K in keyof T]-?: Exclude<T[K], undefined> };

type WithAppKey<T extends RtdsQuirkOptions> = Filled<Omit<T, 'appKey'>> & {
  readonly appKey: string | undefined;
};

/** {@link TrafficOptions} with every default applied and `start` in epoch milliseconds. */
export interface ResolvedTrafficOptions {
  readonly seed: Seed;
  readonly start: number;
  readonly devices: number;
  readonly apps: readonly AppSpec[];
  readonly platformWeights: Readonly<Record<AppPlatform, number>>;
  readonly lifecycle: Filled<LifecycleOptions>;
  readonly rtds: WithAppKey<RtdsStreamOptions>;
  readonly compliance: WithAppKey<ComplianceStreamOptions>;
  readonly cm: Filled<CmWebhookOptions>;
  readonly track: Filled<TrackOptions>;
}

const QUIRK_DEFAULTS: WithAppKey<RtdsQuirkOptions> = {
  appKey: undefined,
  events: 10_000,
  keepaliveRate: 0.05,
  enableOffsetUpdates: false,
  duplicateRate: 0.01,
  lateDuplicateShare: 0.2,
  duplicateDelayMs: { min: SECOND, max: 5 * MINUTE },
  lateDuplicateDelayMs: { min: HOUR, max: 2 * DAY },
  unknownTypeRate: 0.005,
  unknownFieldRate: 0.02,
  processingDelayMs: { min: 200, max: 15 * SECOND },
  offsetEncoding: 'numeric',
  firstOffset: 1_000_000_000_000,
};

/** The defaults of every option (`start` as epoch ms). */
export const DEFAULT_TRAFFIC_OPTIONS: ResolvedTrafficOptions = {
  seed: 1,
  start: Date.UTC(2024, 5, 1),
  devices: 1000,
  apps: DEFAULT_APPS,
  platformWeights: { IOS: 0.4, ANDROID: 0.45, AMAZON: 0.05, WEB: 0.1 },
  lifecycle: {
    installSpreadMs: 2 * DAY,
    preinstalledShare: 0.3,
    meanStepGapMs: 3 * HOUR,
    meanSessionMs: 4 * MINUTE,
    uninstallRate: 0.02,
    reinstallRate: 0.3,
    meanReinstallGapMs: 2 * DAY,
    pushOptInShare: 0.8,
    pushOpenRate: 0.15,
    campaignIntervalMs: 6 * HOUR,
  },
  rtds: {
    ...QUIRK_DEFAULTS,
    bigCustomValueRate: 0.05,
    latentCloseRate: 0.3,
    latentCloseDelayMs: { min: HOUR, max: 5 * DAY },
  },
  compliance: { ...QUIRK_DEFAULTS, events: 2000, channels: 200, smsShare: 0.5 },
  cm: {
    events: 2000,
    redeliveryRate: 0.05,
    maxRedeliveries: 3,
    redeliveryDelayMs: { min: 30 * SECOND, max: 15 * MINUTE },
    deliveryDelayMs: { min: 100, max: 5 * SECOND },
    unknownTypeRate: 0.02,
    msisdnShare: 0.4,
    referenceShare: 0.5,
  },
  track: {
    messages: 3000,
    batchRate: 0.3,
    maxBatchSize: 20,
    duplicateRate: 0.02,
    duplicateDelayMs: { min: SECOND, max: 10 * MINUTE },
    uploadDelayMs: { min: 0, max: 30 * SECOND },
    omitTypeRate: 0.1,
  },
};

/**
 * Applies the defaults and checks every value, so a typo fails here with the option's name instead of as
 * odd traffic later. Throws a RangeError naming the first bad option.
 */
export function resolveTrafficOptions(options: TrafficOptions = {}): ResolvedTrafficOptions {
  const d = DEFAULT_TRAFFIC_OPTIONS;
  const resolved: ResolvedTrafficOptions = {
    seed: options.seed ?? d.seed,
    start: toEpochMs(options.start ?? d.start),
    devices: options.devices ?? d.devices,
    apps: options.apps ?? d.apps,
    platformWeights: { ...d.platformWeights, ...options.platformWeights },
    lifecycle: fill(d.lifecycle, options.lifecycle),
    rtds: fill(d.rtds, options.rtds),
    compliance: fill(d.compliance, options.compliance),
    cm: fill(d.cm, options.cm),
    track: fill(d.track, options.track),
  };
  validate(resolved);
  return resolved;
}

function fill<T extends object>(defaults: T, given: object | undefined): T {
  const result = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(given ?? {})) if (value !== undefined) result[key] = value;
  return result as T;
}

function validate(options: ResolvedTrafficOptions): void {
  count('devices', options.devices);
  if (options.apps.length === 0) throw new RangeError('apps: at least one app is needed');
  for (const [index, app] of options.apps.entries()) {
    if (app.appVersions.length === 0) throw new RangeError(`apps[${index}].appVersions: empty`);
    nonNegative(`apps[${index}].weight`, app.weight ?? 1);
  }
  const weights = Object.entries(options.platformWeights);
  for (const [platform, weight] of weights) nonNegative(`platformWeights.${platform}`, weight);
  if (!weights.some(([, weight]) => weight > 0)) throw new RangeError('platformWeights: all zero');
  if (!options.apps.some((app) => (app.weight ?? 1) > 0)) throw new RangeError('apps: all weights zero');

  const { lifecycle, rtds, compliance, cm, track } = options;
  positive('lifecycle.meanStepGapMs', lifecycle.meanStepGapMs);
  positive('lifecycle.meanSessionMs', lifecycle.meanSessionMs);
  positive('lifecycle.meanReinstallGapMs', lifecycle.meanReinstallGapMs);
  positive('lifecycle.campaignIntervalMs', lifecycle.campaignIntervalMs);
  nonNegative('lifecycle.installSpreadMs', lifecycle.installSpreadMs);
  for (const key of [
    'preinstalledShare',
    'uninstallRate',
    'reinstallRate',
    'pushOptInShare',
    'pushOpenRate',
  ] as const) {
    rate(`lifecycle.${key}`, lifecycle[key]);
  }
  if (lifecycle.uninstallRate >= 1) throw new RangeError('lifecycle.uninstallRate: must be below 1');

  quirks('rtds', rtds, options.apps);
  rate('rtds.bigCustomValueRate', rtds.bigCustomValueRate);
  rate('rtds.latentCloseRate', rtds.latentCloseRate);
  range('rtds.latentCloseDelayMs', rtds.latentCloseDelayMs);
  quirks('compliance', compliance, options.apps);
  count('compliance.channels', compliance.channels);
  rate('compliance.smsShare', compliance.smsShare);

  budget('cm.events', cm.events);
  for (const key of ['redeliveryRate', 'unknownTypeRate', 'msisdnShare', 'referenceShare'] as const) {
    rate(`cm.${key}`, cm[key]);
  }
  count('cm.maxRedeliveries', cm.maxRedeliveries);
  range('cm.redeliveryDelayMs', cm.redeliveryDelayMs);
  range('cm.deliveryDelayMs', cm.deliveryDelayMs);

  budget('track.messages', track.messages);
  rate('track.batchRate', track.batchRate);
  rate('track.duplicateRate', track.duplicateRate);
  rate('track.omitTypeRate', track.omitTypeRate);
  count('track.maxBatchSize', track.maxBatchSize);
  if (track.maxBatchSize < 1) throw new RangeError('track.maxBatchSize: must be at least 1');
  range('track.duplicateDelayMs', track.duplicateDelayMs);
  range('track.uploadDelayMs', track.uploadDelayMs);
}

function quirks(prefix: string, options: WithAppKey<RtdsQuirkOptions>, apps: readonly AppSpec[]): void {
  if (options.appKey !== undefined && !apps.some((app) => app.airshipAppKey === options.appKey))
    throw new RangeError(`${prefix}.appKey: ${options.appKey} is not the airshipAppKey of any app`);
  budget(`${prefix}.events`, options.events);
  for (const key of [
    'keepaliveRate',
    'duplicateRate',
    'lateDuplicateShare',
    'unknownTypeRate',
    'unknownFieldRate',
  ] as const) {
    rate(`${prefix}.${key}`, options[key]);
  }
  if (options.unknownTypeRate >= 1) throw new RangeError(`${prefix}.unknownTypeRate: must be below 1`);
  range(`${prefix}.duplicateDelayMs`, options.duplicateDelayMs);
  range(`${prefix}.lateDuplicateDelayMs`, options.lateDuplicateDelayMs);
  range(`${prefix}.processingDelayMs`, options.processingDelayMs);
  if (!Number.isSafeInteger(options.firstOffset) || options.firstOffset < 0)
    throw new RangeError(`${prefix}.firstOffset: expected a non-negative safe integer`);
}

function rate(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name}: expected a rate in [0, 1], got ${value}`);
}

function nonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0))
    throw new RangeError(`${name}: expected a finite number >= 0, got ${value}`);
}

function positive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0))
    throw new RangeError(`${name}: expected a finite number > 0, got ${value}`);
}

function count(name: string, value: number): void {
  if (!(Number.isSafeInteger(value) && value >= 0))
    throw new RangeError(`${name}: expected an integer >= 0, got ${value}`);
}

function budget(name: string, value: number): void {
  if (value !== Number.POSITIVE_INFINITY) count(name, value);
}

function range(name: string, value: MsRange): void {
  nonNegative(`${name}.min`, value.min);
  nonNegative(`${name}.max`, value.max);
  if (value.min > value.max) throw new RangeError(`${name}: min ${value.min} is above max ${value.max}`);
}
