/**
 * Sessionizer benchmark against real Kafka + registry:
 *  1. Throughput: N generated DeviceEvents (RTDS traffic of a device population, duplicates and latent
 *     CLOSEs included) processed by the real sessionizer process (dist/main.js) → events/s until every
 *     input offset is committed (process start and restore included, and excluding start-up).
 * The restore of 1M devices (time, heap per device) is a scenario of the main benchmark:
 * `npm run bench -- --only=sessionizer-restore` (test/bench/scenarios/sessionizer-restore.ts).
 * Run: npm run bench -w @pushstream/sessionizer   (BENCH_EVENTS, BENCH_DEVICES)
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
import type { SessionizerSerdes, SessionizerTopics } from '@pushstream/sessionizer';
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
} finally {
  await producer.disconnect();
  await infra.stop();
}

console.log('\nsessionizer benchmark (2 cores, local Kafka)');
for (const [name, figure] of Object.entries(results)) console.log(`  ${name.padEnd(11)} ${figure}`);
