import { Registry } from 'prom-client';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEFAULT_APPS, avroSchema, createTraffic, type ConnectorCheckpoint } from '@pushstream/schemas';
import {
  HEADERS,
  RegistrySerde,
  createKafkaClient,
  createLogger,
  createPipelineProducer,
  createSchemaRegistryClient,
  topicSerde,
  valueSubject,
  type PipelineProducer,
} from '@pushstream/runtime';
import {
  createTestTopics,
  readTopic,
  startRtdsSimulator,
  testKafka,
  uniqueName,
  waitFor,
  type RtdsSimulator,
} from '@pushstream/test-kit';
import { kafkaCheckpointStore } from '../../src/rtds/checkpoint-store.js';
import { outOfOrderDevices } from './stream-order.js';
import { RtdsConsumer } from '../../src/rtds/rtds-consumer.js';
import { createRtdsMetrics } from '../../src/rtds/rtds-metrics.js';

const APP_KEY = DEFAULT_APPS[0]?.airshipAppKey ?? 'missing-app';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const infra = inject('infra');
  const test = testKafka(infra.kafkaBrokers);
  const topics = {
    raw: uniqueName('it-rtds-raw'),
    dlq: uniqueName('it-rtds-dlq'),
    checkpoints: uniqueName('it-rtds-checkpoints'),
  };
  await createTestTopics(test, [
    { name: topics.raw, partitions: 3 },
    { name: topics.dlq },
    { name: topics.checkpoints, configs: { 'cleanup.policy': 'compact' } },
  ]);
  const logger = createLogger({ serviceName: 'connector-it', level: process.env.IT_LOG_LEVEL ?? 'silent' });
  const kafka = createKafkaClient(
    { clientId: 'connector-it', brokers: infra.kafkaBrokers, connectionTimeoutMs: 10_000 },
    logger,
  );
  const producer: PipelineProducer = createPipelineProducer(kafka);
  await producer.connect();
  cleanups.push(() => producer.disconnect());
  const serde = new RegistrySerde(createSchemaRegistryClient({ url: infra.schemaRegistryUrl }));
  await serde.register(valueSubject(topics.checkpoints), avroSchema('ConnectorCheckpoint'));
  const checkpointSerde = topicSerde<ConnectorCheckpoint>(serde, topics.checkpoints, 'ConnectorCheckpoint');
  const store = kafkaCheckpointStore({ kafka, producer, topic: topics.checkpoints, serde: checkpointSerde });
  return { test, topics, logger, producer, store, serde };
}

async function simulator(lines: Iterable<string>): Promise<RtdsSimulator> {
  const sim = await startRtdsSimulator({
    appKey: APP_KEY,
    events: lines,
    keepaliveMs: 100,
    affinity: { hops: 1 },
  });
  cleanups.push(() => sim.close());
  return sim;
}

function consumer(env: Awaited<ReturnType<typeof setup>>, sim: RtdsSimulator, registry = new Registry()) {
  const rtds = new RtdsConsumer({
    config: {
      baseUrl: sim.url,
      endpoint: 'events',
      appKey: APP_KEY,
      credentials: { kind: 'bearer', token: sim.token },
      start: 'EARLIEST',
    },
    producer: env.producer,
    store: env.store,
    topics: { raw: env.topics.raw, dlq: env.topics.dlq },
    metrics: createRtdsMetrics(registry),
    logger: env.logger,
    instance: 'it-1',
    silenceMs: 1500,
    checkpointIntervalMs: 200,
    reconnect: { initialMs: 50, maxMs: 500, slowRetryMs: 500, connectionLimitMs: 500 },
  });
  return { rtds, registry };
}

describe('RTDS consumer against the simulator and real Kafka', () => {
  it('lands every event, in stream order per device, through 307, gzip, a cut mid-line, a 503 and a silent stall', async () => {
    const env = await setup();
    const traffic = createTraffic({
      seed: 21,
      devices: 150,
      rtds: { events: 3000, appKey: APP_KEY, duplicateRate: 0.05, keepaliveRate: 0.02 },
    });
    const truth = traffic.rtds.groundTruth();
    const sim = await simulator(traffic.rtds.lines());
    sim.script({ kind: 'disconnect', afterEvents: 700, midLine: true });
    sim.script({ kind: 'status', status: 503, at: 3 });
    sim.script({ kind: 'stall', afterEvents: 900, durationMs: 4000 });

    const { rtds, registry } = consumer(env, sim);
    rtds.start();
    cleanups.push(() => rtds.stop());
    await waitFor(
      'every event line to land',
      async () =>
        new Set(
          (await readTopic(env.test, env.topics.raw)).map((record) => record.headers[HEADERS.rtdsOffset]),
        ).size >= truth.eventLines,
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    const records = await readTopic(env.test, env.topics.raw);

    const ids = records.map((record) => (JSON.parse(record.value?.toString() ?? '{}') as { id: string }).id);
    expect(new Set(ids)).toEqual(truth.uniqueIds);
    // Original bytes, lineage headers, device keys.
    const sent = [...traffic.rtds.records()].flatMap((record) =>
      record.kind === 'event' ? [record.line] : [],
    );
    expect(new Set(records.map((record) => record.value?.toString()))).toEqual(new Set(sent));
    expect(records[0]?.headers).toMatchObject({
      [HEADERS.source]: 'airship-rtds',
      [HEADERS.connectorInstance]: 'it-1',
      [HEADERS.rtdsStream]: `${APP_KEY}:events:all`,
    });
    expect(records.every((record) => record.key?.startsWith(`airship:${APP_KEY}:`))).toBe(true);
    // Per device, the first landing of each line follows stream order (a reconnect may repeat a tail).
    expect(outOfOrderDevices(records)).toEqual({ devices: [], distinctLines: truth.eventLines });

    const stats = sim.stats();
    expect(stats.connections.some((connection) => connection.status === 307)).toBe(true);
    expect(stats.connections.some((connection) => connection.status === 503)).toBe(true);
    const metrics = await registry.metrics();
    for (const reason of ['network', 'http_5xx', 'stall'])
      expect(metrics, reason).toMatch(
        new RegExp(
          `pushstream_rtds_reconnects_total\\{stream="${APP_KEY}:events:all",reason="${reason}"\\} [1-9]`,
        ),
      );
    console.info(
      `rtds it: ${truth.eventLines} event lines (${truth.uniqueEvents} unique), ${records.length} records, ${stats.connections.length} requests`,
    );

    // The checkpoint reaches the last event; a new consumer resumes after it and takes only new events.
    // (Offsets are opaque to the connector; the simulator's are numbers, so the test may compare them.)
    await waitFor(
      'the checkpoint to reach the last event',
      async () =>
        BigInt((await env.store.load(`${APP_KEY}:events:all`))?.offset ?? '0') >=
        BigInt(truth.lastOffset ?? '1'),
      { timeoutMs: 10_000, lastSeen: () => truth.lastOffset },
    );
    await rtds.stop();
    const more = createTraffic({
      seed: 22,
      devices: 20,
      rtds: { events: 50, appKey: APP_KEY, duplicateRate: 0, firstOffset: 2_000_000_000_000 },
    });
    sim.append(more.rtds.lines());
    const second = consumer(env, sim);
    second.rtds.start();
    cleanups.push(() => second.rtds.stop());
    const all = await readTopic(env.test, env.topics.raw, {
      minRecords: truth.eventLines + more.rtds.groundTruth().eventLines,
      timeoutMs: 30_000,
    });
    expect(all.length).toBe(truth.eventLines + more.rtds.groundTruth().eventLines);
  });
});
