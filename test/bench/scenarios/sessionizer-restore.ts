import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Kafka, Message } from 'kafkajs';
import { TOPOLOGY, avroType, resolveTopics, type DeviceState } from '@pushstream/schemas';
import {
  createTestTopics,
  readTopic,
  serviceScript,
  startPipeline,
  sumOf,
  type MetricSample,
  type ReadRecord,
} from '@pushstream/test-kit';
import type { RowFigures } from '../core/bench-results.ts';
import type { BenchContext, Scenario } from '../scenario.ts';
import { readRssBytes } from '../shell/process-memory.ts';
import { scrapeService, waitUntilReady } from '../shell/service-metrics.ts';

const ROW = 'sessionizer-restore';
const STAGE = 'sessionizer';
/** Bytes before the Avro body in the Confluent wire format: magic byte 0 + 4-byte schema id. */
const WIRE_HEADER = 5;
/** Records per producer request while filling the state topic. */
const SEND_BATCH = 2000;
const DAY_MS = 86_400_000;
/**
 * The sessionizer's default staleness limits (services/sessionizer/src/core/sessionizer-config.ts). Copies
 * carry the flags a sweep would give them now, so that no sweep rewrites them while the restore is measured.
 */
const SOFT_STALE_MS = 30 * DAY_MS;
const HARD_STALE_MS = 60 * DAY_MS;

/**
 * The sessionizer's restore at scale, measured directly rather than extrapolated: device-state.v1 is filled
 * once with `--restore-devices` states (default 1M), copies of the real states the sessionizer stage wrote
 * in this benchmark run (so profile, identity, field timestamps and lifecycle history are as large as real
 * ones) under new device ids. Each run starts the built sessionizer on those topics with an empty input, and
 * reads from its /metrics how long the restore of all 6 partitions took, how many devices it holds, and the
 * heap it uses for them.
 */
export function sessionizerRestoreScenario(): Scenario {
  let prefix: string | undefined;
  let written = 0;
  return {
    id: ROW,
    rows: [
      {
        id: ROW,
        title: 'Sessionizer restore (device-state.v1 → memory)',
        kind: 'state',
        unit: 'devices/s',
      },
    ],
    notBuilt() {
      const missing = (['connector', 'normalizer', 'sessionizer'] as const).filter(
        (service) => !existsSync(serviceScript(service)),
      );
      return missing.length === 0
        ? undefined
        : `${missing.map((service) => `services/${service}/dist/main.js`).join(', ')} missing`;
    },
    async setup(context) {
      const source = await context.chain.get(context, 'device-state', 0);
      const templates = await readTopic(context.kafka, `${source.prefix}device-state.v1`);
      prefix = `${context.namePrefix}restore.`;
      const started = performance.now();
      written = await fillStates(context.kafka, prefix, templates, context.options.restoreDevices);
      context.log(
        `bench: ${ROW}: wrote ${written.toLocaleString('en-US')} device states (copies of ${templates.length} ` +
          `real ones) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    async run(context, runIndex) {
      if (prefix === undefined) throw new Error('setup did not run');
      return [await measureRestore(context, prefix, written, runIndex)];
    },
  };
}

/** Creates the deployment's topics and writes `count` device states cycling over the templates. */
async function fillStates(
  kafka: Kafka,
  prefix: string,
  templates: readonly ReadRecord[],
  count: number,
): Promise<number> {
  await createTestTopics(
    kafka,
    resolveTopics(TOPOLOGY, { prefix, replicationFactor: 1 }).map((topic) => ({
      name: topic.fullName,
      partitions: topic.partitions,
      configs: topic.requiredConfigs,
    })),
  );
  const type = avroType('DeviceState');
  const states = templates.flatMap((record) =>
    record.value === null || record.value.length <= WIRE_HEADER
      ? []
      : [
          {
            header: record.value.subarray(0, WIRE_HEADER),
            headers: record.headers,
            state: type.fromBuffer(record.value.subarray(WIRE_HEADER)) as DeviceState,
          },
        ],
  );
  if (states.length === 0) throw new Error('the sessionizer stage wrote no device state to copy');
  const topic = `${prefix}device-state.v1`;
  const now = Date.now();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    let batch: Message[] = [];
    for (let index = 0; index < count; index += 1) {
      const template = states[index % states.length];
      if (template === undefined) continue;
      // A new device id of the same length, unique per copy; the key and push token follow it.
      const suffix = index.toString(16).padStart(12, '0');
      const deviceId = `${template.state.deviceId.slice(0, Math.max(0, template.state.deviceId.length - 12))}${suffix}`;
      const { deviceKey } = template.state;
      const silentFor = now - (template.state.lastSignOfLifeAt ?? template.state.firstSeenAt);
      const state: DeviceState = {
        ...template.state,
        deviceId,
        deviceKey: deviceKey.includes(template.state.deviceId)
          ? deviceKey.replace(template.state.deviceId, deviceId)
          : `${deviceKey}:${suffix}`,
        softStale: silentFor >= SOFT_STALE_MS,
        hardStale: silentFor >= HARD_STALE_MS,
        profile:
          template.state.profile === null
            ? null
            : {
                ...template.state.profile,
                pushToken: template.state.profile.pushToken === null ? null : `token-${deviceId}`,
              },
      };
      batch.push({
        key: state.deviceKey,
        value: Buffer.concat([template.header, type.toBuffer(state)]),
        headers: template.headers,
      });
      if (batch.length === SEND_BATCH) {
        await producer.send({ topic, messages: batch });
        batch = [];
      }
    }
    if (batch.length > 0) await producer.send({ topic, messages: batch });
  } finally {
    await producer.disconnect();
  }
  return count;
}

async function measureRestore(
  context: BenchContext,
  prefix: string,
  written: number,
  runIndex: number,
): Promise<RowFigures> {
  const spawnedAt = performance.now();
  const pipeline = await startPipeline({
    log: () => undefined,
    runDir: path.join(context.logDir, `${ROW}-r${runIndex}`),
    env: {
      LOG_LEVEL: 'warn',
      // A fresh group per run: every run restores all partitions from the beginning.
      CONSUMER_GROUP_ID: `${prefix}sessionizer-r${runIndex}`,
    },
    demoEventsPerSecond: 0,
    topicPrefix: prefix,
    services: [STAGE],
    infra: context.infra,
  });
  try {
    const instance = pipeline.instance(STAGE);
    await waitUntilReady(instance, 900_000);
    const readySeconds = (performance.now() - spawnedAt) / 1000;
    // The lowest heap of a few scrapes: garbage the restore left is collected in between.
    let samples: MetricSample[] = [];
    let heapBytes = Number.POSITIVE_INFINITY;
    for (let scrape = 0; scrape < 5; scrape += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      samples = (await scrapeService(instance)) ?? samples;
      const heap = sumOf(samples, 'nodejs_heap_size_used_bytes');
      if (heap > 0) heapBytes = Math.min(heapBytes, heap);
    }
    const rss = instance.pid === undefined ? undefined : readRssBytes(instance.pid);
    const restoreSeconds = sumOf(samples, 'pushstream_state_restore_seconds_sum', { stage: STAGE });
    const stateChanges = sumOf(samples, 'pushstream_state_changes_total', { stage: STAGE });
    const devices = sumOf(samples, 'pushstream_devices', { stage: STAGE });
    if (devices !== written)
      throw new Error(
        `the sessionizer holds ${devices} devices after its restore, not the ${written} written`,
      );
    return {
      row: ROW,
      ...(restoreSeconds > 0 ? { throughput: devices / restoreSeconds } : {}),
      ...(rss === undefined ? {} : { rssBytes: { [STAGE]: rss } }),
      extra: {
        restoredKeys: devices,
        restoreSeconds,
        startToReadySeconds: readySeconds,
        // 0 unless a sweep rewrote restored states meanwhile (which would load the measurement).
        stateChangesWhileRestoring: stateChanges,
        ...(Number.isFinite(heapBytes) ? { heapBytesPerDevice: heapBytes / devices } : {}),
      },
    };
  } finally {
    await pipeline.stop();
  }
}
