/**
 * Sink benchmark: N device states → the sink (in process, real Kafka + registry) → the Infobip and Intilery
 * simulators with no rate limit on either side, no faults. Prints device states/s and partner requests/s
 * per target, from the first state processed until every state is committed.
 * Run: npm run bench -w @pushstream/sink   (BENCH_DEVICES, default 20000; two states per device; build first)
 * Uses KAFKA_BROKERS / SCHEMA_REGISTRY_URL when set, else starts the local stack.
 */
import {
  createAppRegistry,
  createLogger,
  loadConfig,
  startServiceRuntime,
  topicSerde,
} from '@pushstream/runtime';
import type { DeviceState, SinkTarget } from '@pushstream/schemas';
import {
  committedTotal,
  startInfobipSimulator,
  startIntilerySimulator,
  testKafka,
  waitFor,
} from '@pushstream/test-kit';
import { startInfra } from '@pushstream/test-kit/infra';
import { createSinkMetrics, parsePartners, sinkEnvSchema, sinkSettings, startSink } from '../dist/index.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 20_000);
const infra = await startInfra({ log: (line) => console.log(line) });
const prefix = `bench-sink-${Date.now()}.`;
const env = loadConfig(sinkEnvSchema, {
  SERVICE_NAME: 'sink-bench',
  KAFKA_BROKERS: infra.kafkaBrokers.join(','),
  SCHEMA_REGISTRY_URL: infra.schemaRegistryUrl,
  TOPIC_PREFIX: prefix,
  TOPIC_REPLICATION_FACTOR: '1',
  HTTP_PORT: '0',
  INFOBIP_RATE_LIMIT: '0',
  INTILERY_RATE_LIMIT: '0',
});
const runtime = await startServiceRuntime({
  env,
  logger: createLogger({ serviceName: 'sink-bench', level: 'warn' }),
});
const wanted = ['device-state.v1', 'sink-acks.infobip.v1', 'sink-acks.intilery.v1', 'dlq.sink.v1'];
const topics = runtime.topics.filter((topic) => wanted.includes(topic.name));
await runtime.provision(topics);
await runtime.registerSchemas(topics);

const infobip = await startInfobipSimulator({ rateLimit: { perSecond: Number.POSITIVE_INFINITY } });
const intilery = await startIntilerySimulator({ rateLimit: { perSecond: Number.POSITIVE_INFINITY } });
infobip.register(Array.from({ length: DEVICES }, (_, i) => `dev-${i}`));
const config = parsePartners(
  JSON.stringify({
    infobip: { Shop: { baseUrl: infobip.url, apiKey: infobip.apiKey(), appCode: infobip.appCode } },
    intilery: {
      Shop: {
        baseUrl: intilery.url,
        clientId: intilery.clientId,
        accountId: intilery.accountId,
        authToken: intilery.authToken(),
      },
    },
  }),
  'bench',
);
const partners = { current: () => config, reload: () => ({ changed: false }) };
const registry = createAppRegistry([
  { name: 'Shop', environment: 'production', appKeys: { cm: 'cm-key' }, sinks: ['infobip', 'intilery'] },
]);

const stateTopic = runtime.topic('device-state.v1');
const serde = topicSerde<DeviceState>(runtime.serde, stateTopic, 'DeviceState');
const day = (d: number) => Date.UTC(2024, 5, d, 10);
const records = [];
for (let version = 1; version <= 2; version++) {
  for (let i = 0; i < DEVICES; i++) {
    const state = {
      deviceKey: `cm:cm-key:dev-${i}`,
      appKey: 'cm-key',
      deviceId: `dev-${i}`,
      source: 'CM',
      platform: 'ANDROID',
      status: version === 1 ? 'INSTALLED' : 'ACTIVE',
      version,
      firstSeenAt: day(1),
      lastSeenAt: day(version),
      lastEventId: `e-${i}-${version}`,
      updatedAt: day(version),
      profile: {
        appVersion: null,
        appPackage: null,
        os: null,
        osVersion: null,
        deviceModel: null,
        sdkVersion: null,
        locale: null,
        language: null,
        country: null,
        timezone: null,
        pushOptIn: true,
        pushToken: `tok-${i}`,
      },
      identity:
        version === 1
          ? null
          : { externalId: `cust-${i}`, contactId: null, msisdn: null, email: null, anonymousId: null },
    };
    records.push({
      topic: stateTopic,
      key: state.deviceKey,
      value: await serde.encode(state as unknown as DeviceState),
    });
  }
}
await runtime.producer.send(records);
console.log(`produced ${records.length} device states for ${DEVICES} devices`);

const kafka = testKafka(infra.kafkaBrokers);
const metrics = createSinkMetrics(runtime.metrics.registry, ['infobip', 'intilery']);
const results: string[] = [];
for (const target of ['infobip', 'intilery'] as SinkTarget[]) {
  const settings = { ...sinkSettings(env, target), concurrency: 64 };
  const started = performance.now();
  const sink = await startSink({ runtime, settings, registry, partners, metrics });
  await waitFor(
    `${target}: every state committed`,
    async () => (await committedTotal(kafka, settings.groupId, stateTopic)) === records.length,
    { timeoutMs: 1_800_000, intervalMs: 200 },
  );
  const seconds = (performance.now() - started) / 1000;
  await sink.stop();
  const requests = target === 'infobip' ? infobip.stats().requests : intilery.stats().requests;
  results.push(
    `${target}: ${records.length} states in ${seconds.toFixed(1)} s = ${Math.round(records.length / seconds)} states/s, ${requests} requests = ${Math.round(requests / seconds)} req/s (group join + restore included)`,
  );
}
for (const line of results) console.log(line);
await runtime.shutdown.run();
await infobip.close();
await intilery.close();
await infra.stop();
process.exit(0);
