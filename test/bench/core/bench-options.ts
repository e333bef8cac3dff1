/** Every knob of a benchmark run. */
export interface BenchOptions {
  /** Runs per scenario; figures are medians over them. */
  readonly runs: number;
  /** Scenario ids to run (all when undefined). */
  readonly only: readonly string[] | undefined;
  /** Records per run for the ceilings, RTDS ingest and the stages. */
  readonly records: number;
  /** Devices of the generated traffic. */
  readonly devices: number;
  /** Device states written to device-state.v1 for the sessionizer's restore at scale. */
  readonly restoreDevices: number;
  readonly webhookSeconds: number;
  readonly webhookConnections: number;
  /** Length of one end-to-end load step. */
  readonly e2eSeconds: number;
  /** Fixed offered loads (events/s) reported with latency percentiles. */
  readonly e2eLoads: readonly number[];
  /** Further steps spent searching the highest sustained load. */
  readonly e2eSearchSteps: number;
  /** Where `<date>/` folders and `latest.md` go; relative paths are relative to the repository root. */
  readonly resultsDir: string;
  /** Environment of the normalizer's non-transactional variant. @default NORMALIZER_DELIVERY=at-least-once */
  readonly normalizerNoTxEnv: Readonly<Record<string, string>> | undefined;
  /** Extra environment of the sink, over the launcher's partner simulators and lifted rate limits. */
  readonly sinkEnv: Readonly<Record<string, string>> | undefined;
}

/** The settings of each option: environment variable, command-line flag, default. */
const SPEC = {
  runs: { env: 'BENCH_RUNS', flag: 'runs', fallback: '3' },
  only: { env: 'BENCH_ONLY', flag: 'only', fallback: '' },
  records: { env: 'BENCH_RECORDS', flag: 'records', fallback: '50000' },
  devices: { env: 'BENCH_DEVICES', flag: 'devices', fallback: '10000' },
  restoreDevices: { env: 'BENCH_RESTORE_DEVICES', flag: 'restore-devices', fallback: '1000000' },
  webhookSeconds: { env: 'BENCH_WEBHOOK_SECONDS', flag: 'webhook-seconds', fallback: '10' },
  webhookConnections: { env: 'BENCH_CONNECTIONS', flag: 'connections', fallback: '32' },
  e2eSeconds: { env: 'BENCH_E2E_SECONDS', flag: 'e2e-seconds', fallback: '15' },
  e2eLoads: { env: 'BENCH_E2E_LOADS', flag: 'e2e-loads', fallback: '1000,5000' },
  e2eSearchSteps: { env: 'BENCH_E2E_SEARCH_STEPS', flag: 'e2e-search-steps', fallback: '3' },
  resultsDir: { env: 'BENCH_RESULTS_DIR', flag: 'results-dir', fallback: 'bench-results' },
  normalizerNoTxEnv: { env: 'BENCH_NORMALIZER_NO_TX_ENV', flag: 'normalizer-no-tx-env', fallback: '' },
  sinkEnv: { env: 'BENCH_SINK_ENV', flag: 'sink-env', fallback: '' },
} as const;

/**
 * Reads the options from command-line flags (`--runs=1` or `--runs 1`), then the environment
 * (`BENCH_RUNS=1`), then the defaults. Throws a message naming the option on a bad value or unknown flag.
 */
export function parseBenchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): BenchOptions {
  const flags = parseFlags(argv);
  const raw = (key: keyof typeof SPEC): string => {
    const spec = SPEC[key];
    return (flags.get(spec.flag) ?? env[spec.env] ?? spec.fallback).trim();
  };
  const positive = (key: keyof typeof SPEC): number => {
    const text = raw(key);
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`--${SPEC[key].flag} / ${SPEC[key].env} must be a positive integer, not '${text}'`);
    return value;
  };
  const nonNegative = (key: keyof typeof SPEC): number => {
    const text = raw(key);
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`--${SPEC[key].flag} / ${SPEC[key].env} must be a whole number ≥ 0, not '${text}'`);
    return value;
  };
  const list = (key: keyof typeof SPEC): string[] =>
    raw(key)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const loads = list('e2eLoads').map((item) => {
    const value = Number(item);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`--e2e-loads / BENCH_E2E_LOADS must list positive integers, not '${item}'`);
    return value;
  });
  const only = list('only');
  return {
    runs: positive('runs'),
    only: only.length === 0 ? undefined : only,
    records: positive('records'),
    devices: positive('devices'),
    restoreDevices: positive('restoreDevices'),
    webhookSeconds: positive('webhookSeconds'),
    webhookConnections: positive('webhookConnections'),
    e2eSeconds: positive('e2eSeconds'),
    e2eLoads: loads,
    e2eSearchSteps: nonNegative('e2eSearchSteps'),
    resultsDir: raw('resultsDir'),
    normalizerNoTxEnv: envObject('normalizerNoTxEnv', raw('normalizerNoTxEnv')),
    sinkEnv: envObject('sinkEnv', raw('sinkEnv')),
  };
}

function parseFlags(argv: readonly string[]): Map<string, string> {
  const known = new Set<string>(Object.values(SPEC).map((spec) => spec.flag));
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (match === null || name === undefined || !known.has(name))
      throw new Error(`unknown argument '${arg}'; known: ${[...known].map((flag) => `--${flag}`).join(' ')}`);
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      i += 1;
      if (value === undefined) throw new Error(`--${name} needs a value`);
    }
    flags.set(name, value);
  }
  return flags;
}

function envObject(key: keyof typeof SPEC, text: string): Record<string, string> | undefined {
  if (text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${SPEC[key].env} must be a JSON object of strings, not '${text}'`);
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every((value) => typeof value === 'string')
  )
    throw new Error(`${SPEC[key].env} must be a JSON object of strings, not '${text}'`);
  return parsed as Record<string, string>;
}
