import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  serviceScript,
  startPipeline,
  sumBy,
  sumOf,
  type MetricSample,
  type PipelineService,
  type ServiceProcess,
} from '@pushstream/test-kit';
import { SINK_TARGETS } from '@pushstream/schemas';
import type { BenchOptions } from '../core/bench-options.ts';
import type { RowFigures } from '../core/bench-results.ts';
import type { BenchContext, Scenario } from '../scenario.ts';
import { startUnlimitedPartners } from '../shell/partner-simulators.ts';
import { measureDrain } from '../shell/service-drain.ts';
import { scrapeService, waitUntilReady } from '../shell/service-metrics.ts';
import type { ChainFiller, ChainStep, ChainTopic } from '../shell/stage-chain.ts';

/** Which per-service state figures a stage reports (names fixed by the metrics contract). */
type StateKind = 'dedupe' | 'devices' | 'partners';

/** A processing stage measured by draining the input its upstream stage filled. */
interface ServiceStageSpec {
  readonly id: string;
  readonly title: string;
  readonly service: PipelineService;
  /** The input topic in the stage chain. */
  readonly input: ChainTopic;
  /** Chain variant of the input (an independent copy); '' for the main chain. */
  readonly variant: string;
  /** The output topic (without prefix) whose produced count feeds the next stage. */
  readonly outputTopic?: string;
  /** Services whose `dist/main.js` must exist (this one and every upstream). */
  readonly requires: readonly PipelineService[];
  /** Extra environment, or the reason the scenario cannot run with these options. */
  readonly env: (
    options: BenchOptions,
  ) => Readonly<Record<string, string>> | { readonly unavailable: string };
  readonly state?: StateKind;
  /** Start unlimited partner simulators and point the service at them. */
  readonly partners?: boolean;
  /** Consumer loops that each read every input record (the sink: one per partner target). */
  readonly loopsPerRecord?: number;
  /** Caveats printed with the row. */
  readonly notes?: (options: BenchOptions) => string[];
}

const NORMALIZER: ServiceStageSpec = {
  id: 'normalizer',
  title: 'Normalizer (raw → device-events)',
  service: 'normalizer',
  input: 'raw',
  variant: '',
  outputTopic: 'device-events.v1',
  requires: ['connector', 'normalizer'],
  env: () => ({}),
  state: 'dedupe',
};

const NORMALIZER_NO_TX: ServiceStageSpec = {
  ...NORMALIZER,
  id: 'normalizer-no-tx',
  title: 'Normalizer, no transactions (at-least-once)',
  variant: 'no-tx',
  // The normalizer's own switch (services/normalizer/src/config/normalizer-env.ts); overridable.
  env: (options) => options.normalizerNoTxEnv ?? { NORMALIZER_DELIVERY: 'at-least-once' },
  state: undefined,
};

const SESSIONIZER: ServiceStageSpec = {
  id: 'sessionizer',
  title: 'Sessionizer (device-events → device-state)',
  service: 'sessionizer',
  input: 'device-events',
  variant: '',
  outputTopic: 'device-state.v1',
  requires: ['connector', 'normalizer', 'sessionizer'],
  env: () => ({}),
  state: 'devices',
};

/**
 * Why the sink row shows no Intilery requests: the app registry and SINK_PARTNERS enable Intilery for every
 * app, but Intilery only takes devices with an FCM token and the workload is RTDS only, which has none.
 */
const SINK_INTILERY_NOTE =
  'the workload is Airship RTDS only, and RTDS events carry no FCM token (seed:002: app device information ' +
  'has a channel id, no push address), so no device state qualifies for Intilery: its loop reads and commits ' +
  'every record without a request, and the Intilery requests are 0 by design (services/sink/README.md, Intilery)';

const SINK: ServiceStageSpec = {
  id: 'sink',
  title: 'Sink (device-state → partner simulators)',
  service: 'sink',
  input: 'device-state',
  variant: '',
  requires: ['connector', 'normalizer', 'sessionizer', 'sink'],
  // Partner simulators without rate limits are started per run (see startUnlimitedPartners).
  env: (options) => options.sinkEnv ?? {},
  partners: true,
  loopsPerRecord: SINK_TARGETS.length,
  state: 'partners',
  notes: () => [SINK_INTILERY_NOTE],
};

/**
 * The normalizer, its non-transactional variant, the sessionizer and the sink as scenarios. Each starts the
 * built service (`services/<name>/dist/main.js`) as a child process with the runtime environment, lets it
 * drain the input its upstream stage filled in the same run, and reads its figures from /metrics; rows of
 * services that are not built report "not built".
 */
export function serviceStageScenarios(): Scenario[] {
  return [NORMALIZER, NORMALIZER_NO_TX, SESSIONIZER, SINK].map(stageScenario);
}

/** Fills device-events by draining raw through the normalizer (the stage chain's filler). */
export const fillDeviceEvents: ChainFiller = (context, runIndex, variant) =>
  drainStage(context, NORMALIZER, runIndex, variant);

/** Fills device-state by draining device-events through the sessionizer (the stage chain's filler). */
export const fillDeviceState: ChainFiller = (context, runIndex, variant) =>
  drainStage(context, SESSIONIZER, runIndex, variant);

function stageScenario(spec: ServiceStageSpec): Scenario {
  return {
    id: spec.id,
    rows: [{ id: spec.id, title: spec.title, kind: 'stage', unit: 'records/s', ceiling: 'passthrough' }],
    notBuilt() {
      const missing = spec.requires.filter((service) => !existsSync(serviceScript(service)));
      return missing.length === 0
        ? undefined
        : `${missing.map((service) => `services/${service}/dist/main.js`).join(', ')} missing`;
    },
    skipped(context) {
      const env = spec.env(context.options);
      return 'unavailable' in env ? String(env.unavailable) : undefined;
    },
    async run(context, runIndex) {
      const step =
        spec.id === NORMALIZER.id
          ? await context.chain.get(context, 'device-events', runIndex)
          : spec.id === SESSIONIZER.id
            ? await context.chain.get(context, 'device-state', runIndex)
            : await drainStage(context, spec, runIndex, '');
      return [...step.figures];
    },
  };
}

async function drainStage(
  context: BenchContext,
  spec: ServiceStageSpec,
  runIndex: number,
  chainVariant: string,
): Promise<ChainStep> {
  const env = spec.env(context.options);
  if ('unavailable' in env) throw new Error(String(env.unavailable));
  const upstream = await context.chain.get(
    context,
    spec.input,
    runIndex,
    spec.variant === '' ? chainVariant : spec.variant,
  );
  const partners = spec.partners === true ? await startUnlimitedPartners() : undefined;
  const spawnedAt = performance.now();
  const pipeline = await startPipeline({
    log: () => undefined,
    runDir: path.join(context.logDir, `${spec.id}-r${runIndex}${chainVariant}`),
    env: { LOG_LEVEL: 'warn', ...partners?.env, ...env },
    demoEventsPerSecond: 0,
    topicPrefix: upstream.prefix,
    services: [spec.service],
    infra: context.infra,
  }).catch(async (error: unknown) => {
    await partners?.close();
    throw error;
  });
  try {
    const instance = pipeline.instance(spec.service);
    const stage = spec.service;
    const drain = await measureDrain({
      instance,
      stage,
      expected: upstream.records,
      spawnedAt,
      ...(spec.loopsPerRecord === undefined ? {} : { loopsPerRecord: spec.loopsPerRecord }),
    });
    const last = drain.lastScrape;
    const outputRecords =
      spec.outputTopic === undefined
        ? undefined
        : sumOf(last, 'pushstream_records_produced_total', {
            stage,
            topic: `${upstream.prefix}${spec.outputTopic}`,
          });
    const extra: Record<string, number> = {
      inputRecords: upstream.records,
      recordsPerSecondWithStart: drain.recordsPerSecondWithStart,
      deadLettered: sumOf(last, 'pushstream_dead_lettered_total', { stage }),
      ...(outputRecords === undefined ? {} : { outputRecords }),
      ...stateFigures(spec.state, stage, drain.firstScrape, last),
      ...(spec.state === 'dedupe' || spec.state === 'devices'
        ? await restoreFigures(instance, spec.state, stage)
        : {}),
    };
    const figures: RowFigures = {
      row: spec.id,
      throughput: drain.recordsPerSecond,
      ...(drain.peakRssBytes === undefined ? {} : { rssBytes: { [stage]: drain.peakRssBytes } }),
      extra,
      ...(spec.notes === undefined || spec.notes(context.options).length === 0
        ? {}
        : { notes: spec.notes(context.options) }),
    };
    return { prefix: upstream.prefix, records: outputRecords ?? 0, figures: [figures] };
  } finally {
    await pipeline.stop();
    await partners?.close();
  }
}

/** A gauge or counter summed over the stage's series; undefined when the service does not expose it. */
function metric(samples: readonly MetricSample[], name: string, stage: string): number | undefined {
  return samples.some((sample) => sample.name === name && sample.labels['stage'] === stage)
    ? sumOf(samples, name, { stage })
    : undefined;
}

/** A metric summed over every series (partner metrics carry `target`, not `stage`). */
function metricAny(samples: readonly MetricSample[], name: string): number | undefined {
  return samples.some((sample) => sample.name === name) ? sumOf(samples, name) : undefined;
}

function stateFigures(
  kind: StateKind | undefined,
  stage: string,
  first: readonly MetricSample[],
  last: readonly MetricSample[],
): Record<string, number> {
  const figures: Record<string, number> = {};
  if (kind === 'dedupe') {
    const bytesPerId = metric(last, 'pushstream_dedupe_bytes_per_id', stage);
    const remembered = metric(last, 'pushstream_dedupe_remembered_ids', stage);
    if (bytesPerId !== undefined) figures['dedupeBytesPerId'] = bytesPerId;
    if (remembered !== undefined) figures['rememberedIds'] = remembered;
  }
  if (kind === 'partners') {
    const requests = sumBy(last, 'pushstream_partner_requests_total', 'target');
    for (const [target, count] of requests) figures[`${target}Requests`] = count;
    const notApplicable = sumBy(last, 'pushstream_sink_states_not_applicable_total', 'target');
    for (const [target, count] of notApplicable) figures[`${target}NotApplicable`] = count;
    const skipped = metricAny(last, 'pushstream_sink_calls_skipped_total');
    if (skipped !== undefined) figures['callsSkipped'] = skipped;
  }
  if (kind === 'devices') {
    const devicesFirst = metric(first, 'pushstream_devices', stage) ?? 0;
    const devicesLast = metric(last, 'pushstream_devices', stage);
    const heapFirst = sumOf(first, 'nodejs_heap_size_used_bytes');
    const heapLast = sumOf(last, 'nodejs_heap_size_used_bytes');
    if (devicesLast !== undefined) {
      figures['devices'] = devicesLast;
      // Heap growth over the devices added while draining; GC timing makes this an estimate.
      if (devicesLast > devicesFirst && heapLast > heapFirst)
        figures['bytesPerDevice'] = (heapLast - heapFirst) / (devicesLast - devicesFirst);
    }
  }
  return figures;
}

/**
 * Restarts the service on the same topics and group (SIGTERM, start) and reads how long restoring its
 * state took (`pushstream_state_restore_seconds`) and how many keys it restored, extrapolated to 1M keys.
 */
async function restoreFigures(
  instance: ServiceProcess,
  kind: 'dedupe' | 'devices',
  stage: string,
): Promise<Record<string, number>> {
  await instance.stop();
  const restarted = performance.now();
  instance.start();
  await waitUntilReady(instance);
  const restartToReadySeconds = (performance.now() - restarted) / 1000;
  const keysMetric = kind === 'dedupe' ? 'pushstream_dedupe_remembered_ids' : 'pushstream_devices';
  const deadline = Date.now() + 60_000;
  for (;;) {
    const samples = (await scrapeService(instance)) ?? [];
    const count = metric(samples, 'pushstream_state_restore_seconds_count', stage);
    if (count !== undefined && count > 0) {
      const seconds = metric(samples, 'pushstream_state_restore_seconds_sum', stage) ?? 0;
      const keys = metric(samples, keysMetric, stage) ?? 0;
      return {
        restoreSeconds: seconds,
        restoredKeys: keys,
        restartToReadySeconds,
        // The sessionizer's restore is measured at 1M devices directly (sessionizer-restore.ts).
        ...(keys > 0 && kind === 'dedupe' ? { restoreSecondsPer1MKeys: (seconds / keys) * 1_000_000 } : {}),
      };
    }
    if (Date.now() > deadline) return { restartToReadySeconds };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
