/**
 * Normalizer benchmark.
 *  1. Dedupe store memory: 1M remembered ids (UUIDs, then other ids) in one DedupeWindow, heap measured
 *     after a forced GC against the window's own estimate (the pushstream_dedupe_bytes_per_id gauge).
 *  2. Throughput of the real normalizer process (dist/main.js) against real Kafka + registry: N generated
 *     RTDS raw records (10% duplicates) already in the raw topic, time until the group has consumed them
 *     all — with transactions (exactly-once, the default) and without (at-least-once).
 *  3. Restore: a new process on the exactly-once run's topics restores the dedupe state; its time is logged.
 * Run: npm run bench -w @pushstream/normalizer   (BENCH_EVENTS, BENCH_IDS)
 * Uses KAFKA_BROKERS / SCHEMA_REGISTRY_URL when set, else starts the local stack.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DedupeWindow } from '@pushstream/normalizer';
import { DEFAULT_APPS, createTraffic } from '@pushstream/schemas';
import { ChildService, endOffsetTotal, testKafka, waitFor, withAdmin } from '@pushstream/test-kit';
import { startInfra } from '@pushstream/test-kit/infra';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const IDS = Number(process.env.BENCH_IDS ?? 1_000_000);
const app = DEFAULT_APPS[0];
if (app === undefined) throw new Error('no default app');
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench does)');

function measureBytesPerId(makeId: (index: number) => string): { measured: number; estimated: number } {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const window = new DedupeWindow({ windowMs: 7 * 86_400_000, maxIds: IDS * 2 });
  const start = Date.UTC(2024, 5, 1);
  for (let index = 0; index < IDS; index += 1) {
    window.observe(start + index);
    window.stage(makeId(index));
    if (index % 1000 === 999) window.commit();
  }
  window.commit();
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const result = { measured: (after - before) / window.size, estimated: window.bytesPerId() };
  if (window.size !== IDS) throw new Error(`expected ${IDS} ids, window holds ${window.size}`);
  return result;
}

const results: Record<string, string> = {};
const uuid = measureBytesPerId(() => randomUUID());
results['dedupe bytes/id, UUID ids (RTDS id, messageId, derived CM ids)'] =
  `${uuid.measured.toFixed(1)} measured, ${uuid.estimated.toFixed(1)} estimated (${IDS} ids)`;
const other = measureBytesPerId((index) => `msg-${index.toString(36)}-${randomUUID().slice(0, 8)}`);
results['dedupe bytes/id, 16-20 character non-UUID ids'] =
  `${other.measured.toFixed(1)} measured, ${other.estimated.toFixed(1)} estimated`;

const infra = await startInfra({ log: (line) => console.log(line) });
const kafka = testKafka(infra.kafkaBrokers);
const traffic = createTraffic({
  seed: 'normalizer-bench',
  devices: 5000,
  rtds: { events: Math.round(EVENTS / 1.1), appKey: app.airshipAppKey, duplicateRate: 0.1, keepaliveRate: 0 },
});
const lines = [...traffic.rtds.records()].flatMap((record) => (record.kind === 'event' ? [record] : []));
const latest = lines.reduce((max, record) => Math.max(max, record.timeMs), 0);
// Arrival times keep the generator's spacing (duplicates hours apart) and end a minute ago.
const shift = Date.now() - 60_000;

async function produceRaw(prefix: string): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let start = 0; start < lines.length; start += 1000) {
    await producer.send({
      topic: `${prefix}raw.airship-rtds.v1`,
      acks: -1,
      messages: lines.slice(start, start + 1000).map((record) => ({
        key: record.device?.deviceKey ?? `airship:${app?.airshipAppKey}:event:${record.id}`,
        value: record.line,
        timestamp: String(record.timeMs - latest + shift),
        headers: {
          'pushstream-source': 'airship-rtds',
          'pushstream-rtds-stream': `${app?.airshipAppKey}:events:all`,
          'pushstream-rtds-offset': record.offset,
        },
      })),
    });
  }
  await producer.disconnect();
}

function childEnv(prefix: string, delivery: string): Record<string, string> {
  return {
    SERVICE_NAME: 'normalizer',
    LOG_LEVEL: 'info',
    HTTP_PORT: '0',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: infra.schemaRegistryUrl,
    TOPIC_PREFIX: prefix,
    TOPIC_REPLICATION_FACTOR: '1',
    NORMALIZER_DELIVERY: delivery,
    NORMALIZER_SESSION_TIMEOUT_MS: '6000',
  };
}

async function consumedAll(prefix: string): Promise<boolean> {
  const raw = `${prefix}raw.airship-rtds.v1`;
  const committed = await withAdmin(kafka, (admin) =>
    admin.fetchOffsets({ groupId: `${prefix}normalizer`, topics: [raw] }),
  );
  const done = committed
    .flatMap((topic) => topic.partitions)
    .reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  return done >= (await endOffsetTotal(kafka, raw));
}

async function run(delivery: string): Promise<{ prefix: string; seconds: number }> {
  const prefix = `bench-norm-${delivery}-${Date.now()}.`;
  // A first process provisions the topics; then the raw records are written, then the timed run starts.
  const provision = new ChildService(MAIN, { env: childEnv(prefix, delivery) });
  await provision.waitForLine('running', (line) => line.msg === 'normalizer running', 120_000);
  provision.kill('SIGTERM');
  await provision.exited;
  await produceRaw(prefix);
  const child = new ChildService(MAIN, { env: childEnv(prefix, delivery) });
  await child.waitForLine('running', (line) => line.msg === 'normalizer running', 120_000);
  const started = performance.now();
  await waitFor(`${delivery}: every raw record consumed`, () => consumedAll(prefix), {
    timeoutMs: 600_000,
    intervalMs: 100,
    lastSeen: () => child.tail(5),
  });
  const seconds = (performance.now() - started) / 1000;
  child.kill('SIGTERM');
  await child.exited;
  return { prefix, seconds };
}

try {
  const exactly = await run('exactly-once');
  results['throughput with transactions (exactly-once)'] =
    `${lines.length} raw records in ${exactly.seconds.toFixed(1)} s = ${Math.round(lines.length / exactly.seconds)} events/s`;
  const atLeast = await run('at-least-once');
  results['throughput without transactions (at-least-once)'] =
    `${lines.length} raw records in ${atLeast.seconds.toFixed(1)} s = ${Math.round(lines.length / atLeast.seconds)} events/s`;
  const restart = new ChildService(MAIN, { env: childEnv(exactly.prefix, 'exactly-once') });
  const restored = await restart.waitForLine(
    'restored',
    (line) => line.msg === 'dedupe state restored',
    120_000,
  );
  results['restore of the exactly-once run’s dedupe state'] =
    `${String(restored.rememberedIds)} ids from ${String(restored.changelogRecords)} changelog records in ${Number(restored.restoreSeconds).toFixed(2)} s (${String(restored.partitions)} partitions)`;
  restart.kill('SIGTERM');
  await restart.exited;
} finally {
  console.log('\nnormalizer benchmark');
  for (const [name, value] of Object.entries(results)) console.log(`  ${name}: ${value}`);
  await infra.stop();
}
