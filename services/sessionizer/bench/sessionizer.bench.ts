/**
 * Sessionizer benchmark against real Kafka + registry:
 *  1. Throughput: N generated DeviceEvents (RTDS traffic of a device population, duplicates and latent
 *     CLOSEs included) processed by the real sessionizer process (dist/main.js) → events/s until every
 *     input offset is committed (process start and restore included, and excluding start-up).
 *  2. Restore: M device states written to device-state.v1, then restored in-process the way a newly
 *     assigned member does (all partitions) → restore time, and heap bytes per device held.
 * Run: npm run bench -w @pushstream/sessionizer   (BENCH_EVENTS, BENCH_DEVICES, BENCH_RESTORE_DEVICES)
 * Uses KAFKA_BROKERS / SCHEMA_REGISTRY_URL when set, else starts the local stack.
 */
import { fileURLToPath } from 'node:url';
import {
  RegistrySerde,
  createKafkaClient,
  createLogger,
  createPipelineProducer,
  createSchemaRegistryClient,
  provisionTopics,
  topicSerde,
  type OutputRecord,
} from '@pushstream/runtime';
import {
  DEFAULT_CORE_CONFIG,
  INPUT_OFFSET_HEADER,
  PartitionStore,
  step,
  type SessionizerSerdes,
  type SessionizerTopics,
} from '@pushstream/sessionizer';
import {
  TOPOLOGY,
  avroSchema,
  createTraffic,
  resolveTopics,
  type DeviceEvent,
  type DeviceOpenSessions,
  type DeviceSession,
  type DeviceState,
} from '@pushstream/schemas';
import { ChildService, committedTotal, waitFor } from '@pushstream/test-kit';
import { startInfra } from '@pushstream/test-kit/infra';
import { rtdsDeviceEvents } from '../test/fixtures/rtds-device-events.ts';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 20_000);
const RESTORE_DEVICES = Number(process.env.BENCH_RESTORE_DEVICES ?? 1_000_000);

const infra = await startInfra({ log: (line) => console.log(line) });
const logger = createLogger({ serviceName: 'sessionizer-bench', level: 'silent' });
const kafka = createKafkaClient(
  { clientId: 'sessionizer-bench', brokers: [...infra.kafkaBrokers], connectionTimeoutMs: 10_000 },
  logger,
);
const serde = new RegistrySerde(createSchemaRegistryClient({ url: infra.schemaRegistryUrl }));
const producer = createPipelineProducer(kafka, { compression: 'none' });
await producer.connect();
const results: Record<string, string> = {};

async function deployment(
  name: string,
): Promise<{ prefix: string; topics: SessionizerTopics; serdes: SessionizerSerdes }> {
  const prefix = `bench-${name}-${Date.now()}.`;
  await provisionTopics(kafka, resolveTopics(TOPOLOGY, { prefix, replicationFactor: 1 }), { create: true });
  const topics: SessionizerTopics = {
    events: `${prefix}device-events.v1`,
    state: `${prefix}device-state.v1`,
    sessions: `${prefix}device-sessions.v1`,
    openSessions: `${prefix}open-sessions.v1`,
    dlq: `${prefix}dlq.sessionizer.v1`,
  };
  await serde.register(`${topics.events}-value`, avroSchema('DeviceEvent'));
  await serde.register(`${topics.state}-value`, avroSchema('DeviceState'));
  await serde.register(`${topics.openSessions}-value`, avroSchema('DeviceOpenSessions'));
  return {
    prefix,
    topics,
    serdes: {
      event: topicSerde<DeviceEvent>(serde, topics.events, 'DeviceEvent'),
      state: topicSerde<DeviceState>(serde, topics.state, 'DeviceState'),
      session: topicSerde<DeviceSession>(serde, topics.sessions, 'DeviceSession'),
      openSessions: topicSerde<DeviceOpenSessions>(serde, topics.openSessions, 'DeviceOpenSessions'),
    },
  };
}

async function produceAll(records: AsyncIterable<OutputRecord> | Iterable<OutputRecord>): Promise<number> {
  let batch: OutputRecord[] = [];
  let count = 0;
  for await (const record of records) {
    batch.push(record);
    if (batch.length === 5000) {
      await producer.send(batch);
      count += batch.length;
      batch = [];
    }
  }
  await producer.send(batch);
  return count + batch.length;
}

try {
  // 1. Throughput of the real process.
  {
    const { prefix, topics, serdes } = await deployment('throughput');
    const traffic = createTraffic({
      seed: 'sessionizer-bench',
      devices: DEVICES,
      rtds: { events: EVENTS, duplicateRate: 0.01 },
    });
    const events = rtdsDeviceEvents(traffic);
    const encoded = async function* () {
      for (const event of events)
        yield { topic: topics.events, key: event.deviceKey, value: await serdes.event.encode(event) };
    };
    const total = await produceAll(encoded());
    const groupId = `${prefix}sessionizer`;
    const child = new ChildService(MAIN, {
      env: {
        SERVICE_NAME: 'sessionizer',
        LOG_LEVEL: 'warn',
        HTTP_PORT: '0',
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        SCHEMA_REGISTRY_URL: infra.schemaRegistryUrl,
        TOPIC_PREFIX: prefix,
        TOPIC_REPLICATION_FACTOR: '1',
        CONSUMER_GROUP_ID: groupId,
      },
    });
    try {
      const started = performance.now();
      let firstCommitAt: number | undefined;
      let firstCommitted = 0;
      await waitFor(
        'every input record committed',
        async () => {
          const committed = await committedTotal(kafka, groupId, topics.events).catch(() => 0);
          if (firstCommitAt === undefined && committed > 0) {
            firstCommitAt = performance.now();
            firstCommitted = committed;
          }
          return committed >= total;
        },
        { timeoutMs: 900_000, intervalMs: 100, lastSeen: () => child.tail(5) },
      );
      const seconds = (performance.now() - started) / 1000;
      const steady = firstCommitAt === undefined ? seconds : (performance.now() - firstCommitAt) / 1000;
      results.throughput = `${total} events (${traffic.rtds.groundTruth().devices.size} devices) in ${seconds.toFixed(1)} s = ${Math.round(total / seconds)} events/s with process start; ${Math.round((total - firstCommitted) / steady)} events/s after the first commit`;
    } finally {
      child.kill('SIGTERM');
      await child.exited;
    }
  }

  // 2. Restore of RESTORE_DEVICES states.
  {
    const { topics, serdes } = await deployment('restore');
    const template = benchState();
    const states = async function* () {
      for (let index = 0; index < RESTORE_DEVICES; index++) {
        const deviceId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
        const deviceKey = `airship:${template.appKey}:${deviceId}`;
        const state: DeviceState = {
          ...template,
          deviceKey,
          deviceId,
          lastEventId: `${deviceId.slice(0, 24)}e${String(index).padStart(11, '0')}`,
          profile: template.profile === null ? null : { ...template.profile, pushToken: `fcm-${deviceId}` },
        };
        yield {
          topic: topics.state,
          key: deviceKey,
          value: await serdes.state.encode(state),
          headers: { [INPUT_OFFSET_HEADER]: String(index) },
        };
      }
    };
    const writeStarted = performance.now();
    const written = await produceAll(states());
    console.log(`wrote ${written} states in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s`);
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const store = new PartitionStore({
      kafka,
      topics,
      serdes,
      config: DEFAULT_CORE_CONFIG,
      logger,
      clock: Date.now,
    });
    const partitions = Array.from({ length: 6 }, (_, partition) => partition);
    const report = await store.restore(partitions);
    gc?.();
    const heapAfter = process.memoryUsage().heapUsed;
    const devices = store.stats().devices;
    results.restore = `${devices} devices (${report.stateRecords} records, 6 partitions) restored in ${report.seconds.toFixed(1)} s = ${Math.round(devices / report.seconds)} devices/s`;
    results.memory = `${Math.round((heapAfter - heapBefore) / devices)} bytes of heap per device held (${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB for ${devices}${gc === undefined ? ', without --expose-gc: rough' : ''})`;
  }
} finally {
  await producer.disconnect();
  await infra.stop();
}

/** A device state as the sessionizer derives it from a realistic history (profile, identity, opens). */
function benchState(): DeviceState {
  const appKey = 'Ao7Pq2LmN4xR8sTvWy0ZbC';
  const deviceKey = `airship:${appKey}:template`;
  const start = Date.UTC(2026, 10, 1);
  const base = {
    deviceKey,
    appKey,
    deviceId: 'template',
    source: 'AIRSHIP' as const,
    platform: 'ANDROID' as const,
    processedAt: null,
    receivedAt: start,
    pushId: null,
    sessionId: null,
    detail: '{}',
    lineage: { topic: 'raw', partition: 0, offset: 0, sourceOffset: null },
    app: null,
    profile: {
      appVersion: '4.12.0',
      appPackage: 'com.example.shop',
      os: 'Android',
      osVersion: '14',
      deviceModel: 'Pixel 8',
      sdkVersion: '17.7.2',
      locale: 'nl-NL',
      language: 'nl',
      country: 'NL',
      timezone: 'Europe/Amsterdam',
      pushOptIn: true,
      pushToken: 'fcm-template',
    },
    identity: {
      externalId: 'customer-1234567',
      contactId: 'c0ffee00-1234-4321-8888-0123456789ab',
      msisdn: null,
      email: null,
      anonymousId: null,
    },
  };
  const kinds = [
    'INSTALLED',
    'OPENED',
    'ACTIVITY',
    'CLOSED',
    'OPENED',
    'ACTIVITY',
    'CLOSED',
    'OPENED',
  ] as const;
  let state: DeviceState | undefined;
  kinds.forEach((kind, index) => {
    const event = {
      ...base,
      eventId: `template-${index}`,
      kind,
      sourceType: kind,
      occurredAt: start + index * 3_600_000,
    };
    state = step(state, event, { nowMs: start + 86_400_000, config: DEFAULT_CORE_CONFIG.lifecycle }).state;
  });
  if (state === undefined) throw new Error('no template state');
  return state;
}

console.log('\nsessionizer benchmark (2 cores, local Kafka)');
for (const [name, figure] of Object.entries(results)) console.log(`  ${name.padEnd(11)} ${figure}`);
