import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTraffic } from '@pushstream/schemas';
import { serviceScript, startPipeline, sumOf, type RunningPipeline } from '@pushstream/test-kit';
import type { RowFigures, RowInfo } from '../core/bench-results.ts';
import { judgeSustained } from '../core/lag-trend.ts';
import { bestSustained, nextLoad, type LoadProbe } from '../core/load-search.ts';
import { latencyPercentiles, type TimedSample } from '../core/stats.ts';
import { e2eRowId } from '../core/targets.ts';
import type { BenchContext, Scenario } from '../scenario.ts';
import { ArrivalReader, avroEventId, rawEventId, type EventIdOf } from '../shell/arrival-reader.ts';
import { OffsetWatcher } from '../shell/offset-watcher.ts';
import { PeakRss } from '../shell/process-memory.ts';
import { RtdsFeeder } from '../shell/rtds-feeder.ts';
import { scrapeService, waitUntilReady } from '../shell/service-metrics.ts';

/** Row id of the highest sustained load. */
export const E2E_MAX_ROW = 'e2e-max';
const SERVICES = ['connector', 'normalizer', 'sessionizer'] as const;
const LAG_POLL_MS = 500;
/** After a step, wait at most this long for the pipeline to drain before the next one. */
const DRAIN_TIMEOUT_MS = 60_000;
/** Upper bound of the load search: what one feeder process can emit. */
const MAX_SEARCH_LOAD = 50_000;

/**
 * End to end: connector, normalizer and sessionizer run as child processes (the local pipeline launcher,
 * their built `dist/main.js`, the runtime environment); a feeder appends live RTDS events to the simulator
 * at a fixed offered load, remembering each event id's emission time; a reader of device-state.v1 decodes
 * each state's `lastEventId` and records arrival − emission. Each fixed load (default 1k and 5k events/s)
 * is one step reporting p50/p95/p99 and whether it was sustained; then the search bisects towards the
 * highest sustained load (see judgeSustained: lag flat in the second half, latency not rising).
 */
export function endToEndScenario(loads: readonly number[]): Scenario {
  const rows: RowInfo[] = [
    ...loads.map((load) => ({
      id: e2eRowId(load),
      title: `End to end at ${load.toLocaleString('en-US')} events/s`,
      kind: 'end-to-end' as const,
      unit: 'events/s',
    })),
    { id: E2E_MAX_ROW, title: 'End to end: highest sustained load', kind: 'end-to-end', unit: 'events/s' },
  ];
  return {
    id: 'end-to-end',
    rows,
    notBuilt() {
      const missing = SERVICES.filter((service) => !existsSync(serviceScript(service)));
      return missing.length === 0
        ? undefined
        : `${missing.map((service) => `services/${service}/dist/main.js`).join(', ')} missing`;
    },
    async run(context, runIndex) {
      return runEndToEnd(context, runIndex);
    },
  };
}

async function runEndToEnd(context: BenchContext, runIndex: number): Promise<RowFigures[]> {
  const { options } = context;
  const prefix = `${context.namePrefix}e2e-r${runIndex}.`;
  const pipeline = await startPipeline({
    log: () => undefined,
    runDir: path.join(context.logDir, `end-to-end-r${runIndex}`),
    env: { LOG_LEVEL: 'warn' },
    demoEventsPerSecond: 0,
    topicPrefix: prefix,
    services: [...SERVICES],
    infra: context.infra,
  });
  const watcher = new OffsetWatcher(context.kafka);
  const readers: ArrivalReader[] = [];
  try {
    for (const instance of pipeline.instances) await waitUntilReady(instance);
    const simulator = pipeline.rtds;
    if (simulator === undefined) throw new Error('the launcher started no RTDS simulator');
    const traffic = createTraffic({
      seed: `bench-e2e-r${runIndex}`,
      start: Date.now(),
      devices: options.devices,
      rtds: { events: Infinity, appKey: simulator.appKey, duplicateRate: 0, bigCustomValueRate: 0 },
    });
    const feeder = new RtdsFeeder(simulator, traffic.rtds.lines()[Symbol.iterator]());
    const reader = (topic: string, idOf: EventIdOf) => {
      const created = new ArrivalReader(context.kafka, {
        topic: `${prefix}${topic}`,
        emissions: feeder.emissions,
        idOf,
        groupPrefix: context.namePrefix,
      });
      readers.push(created);
      return created;
    };
    const hops: Hops = {
      raw: reader('raw.airship-rtds.v1', rawEventId),
      deviceEvents: reader('device-events.v1', avroEventId('DeviceEvent', 'eventId')),
      deviceState: reader('device-state.v1', avroEventId('DeviceState', 'lastEventId')),
    };
    for (const created of readers) await created.start();

    let step = 0;
    const probes: LoadProbe[] = [];
    const verdicts: string[] = [];
    const runStep = async (load: number) => {
      step += 1;
      const result = await loadStep(context, pipeline, watcher, feeder, hops, load, step, prefix);
      probes.push({ eventsPerSecond: load, sustained: result.sustained });
      verdicts.push(`${load}/s: ${result.reason}`);
      return result.figures;
    };

    const figures: RowFigures[] = [];
    for (const load of options.e2eLoads) figures.push({ ...(await runStep(load)), row: e2eRowId(load) });
    for (let search = 0; search < options.e2eSearchSteps; search += 1) {
      const next = nextLoad(probes, { start: 1000, max: MAX_SEARCH_LOAD });
      if (next === undefined) break;
      await runStep(next);
    }
    const best = bestSustained(probes);
    figures.push({
      row: E2E_MAX_ROW,
      throughput: best ?? 0,
      extra: { probes: probes.length },
      notes: [`run ${runIndex + 1} steps: ${verdicts.join('; ')}`],
    });
    return figures;
  } finally {
    for (const reader of readers) await reader.stop().catch(() => undefined);
    await watcher.close();
    await pipeline.stop();
  }
}

/** Readers of each hop's output topic: emission → raw (connector), → device-events, → device-state. */
interface Hops {
  readonly raw: ArrivalReader;
  readonly deviceEvents: ArrivalReader;
  readonly deviceState: ArrivalReader;
}

interface StepResult {
  readonly sustained: boolean;
  readonly reason: string;
  readonly figures: Omit<RowFigures, 'row'>;
}

async function loadStep(
  context: BenchContext,
  pipeline: RunningPipeline,
  watcher: OffsetWatcher,
  feeder: RtdsFeeder,
  hops: Hops,
  load: number,
  step: number,
  prefix: string,
): Promise<StepResult> {
  const peak = new PeakRss();
  const lag: TimedSample[] = [];
  const started = Date.now();
  feeder.start(load, step);
  while (Date.now() - started < context.options.e2eSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, LAG_POLL_MS));
    for (const instance of pipeline.instances) peak.sample(instance.spec.name, instance.pid);
    lag.push({
      t: (Date.now() - started) / 1000,
      value: await pipelineLag(pipeline, watcher, prefix, feeder.totalSent),
    });
  }
  const fed = await feeder.stop();
  const drained = await waitForDrain(pipeline, watcher, prefix, feeder.totalSent, load);
  const samples = hops.deviceState.samplesOf(step);
  const toRaw = latencyPercentiles(hops.raw.samplesOf(step).map((sample) => sample.latencyMs));
  const toEvents = latencyPercentiles(hops.deviceEvents.samplesOf(step).map((sample) => sample.latencyMs));
  const emittedPerSecond = fed.sent / fed.seconds;
  const verdict = judgeSustained({
    offeredPerSecond: load,
    emittedPerSecond,
    lag,
    latencies: samples.map((sample) => ({ t: sample.emittedAt / 1000, value: sample.latencyMs })),
    drained,
  });
  const latencyMs = latencyPercentiles(samples.map((sample) => sample.latencyMs));
  return {
    sustained: verdict.sustained,
    reason: verdict.reason,
    figures: {
      throughput: emittedPerSecond,
      ...(latencyMs === undefined ? {} : { latencyMs }),
      rssBytes: peak.values(),
      extra: {
        latencySamples: samples.length,
        sampleCoverage: fed.sent === 0 ? 0 : samples.length / fed.sent,
        sustained: verdict.sustained ? 1 : 0,
        lagSlopePerSecond: verdict.lagSlopePerSecond,
        undecodableRecords: hops.deviceEvents.undecodable + hops.deviceState.undecodable,
        ...(toRaw === undefined ? {} : { p50ToRawMs: toRaw.p50, p99ToRawMs: toRaw.p99 }),
        ...(toEvents === undefined
          ? {}
          : { p50ToDeviceEventsMs: toEvents.p50, p99ToDeviceEventsMs: toEvents.p99 }),
      },
      ...(verdict.sustained ? {} : { notes: [`not sustained: ${verdict.reason}`] }),
    },
  };
}

/**
 * Events emitted but not yet through the pipeline: those the connector has not written to the raw topic
 * yet, plus the consumer lag the normalizer and sessionizer report (`pushstream_consumer_lag`).
 */
async function pipelineLag(
  pipeline: RunningPipeline,
  watcher: OffsetWatcher,
  prefix: string,
  emitted: number,
): Promise<number> {
  const raw = await watcher.endOffsetTotal(`${prefix}raw.airship-rtds.v1`);
  let lag = Math.max(0, emitted - raw);
  for (const service of ['normalizer', 'sessionizer'] as const) {
    const samples = await scrapeService(pipeline.instance(service));
    if (samples !== undefined) lag += sumOf(samples, 'pushstream_consumer_lag', { stage: service });
  }
  return lag;
}

async function waitForDrain(
  pipeline: RunningPipeline,
  watcher: OffsetWatcher,
  prefix: string,
  emitted: number,
  load: number,
): Promise<boolean> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await pipelineLag(pipeline, watcher, prefix, emitted)) <= Math.max(10, load * 0.01)) return true;
    await new Promise((resolve) => setTimeout(resolve, LAG_POLL_MS));
  }
  return false;
}
