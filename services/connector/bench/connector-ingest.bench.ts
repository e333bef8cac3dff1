/**
 * Connector ingest benchmark: the real connector process (dist/main.js) against real Kafka + registry.
 *  1. RTDS: N generated events streamed by the simulator (gzip, 307 + cookie) → events/s until every line
 *     is in the raw topic.
 *  2. Webhooks: autocannon POSTs generated CM.com events for a fixed time → requests/s, p50/p99 latency
 *     (each 200 means Kafka acknowledged the write).
 * Run: npm run bench -w @pushstream/connector   (BENCH_RTDS_EVENTS, BENCH_WEBHOOK_SECONDS, BENCH_CONNECTIONS)
 * Uses KAFKA_BROKERS / SCHEMA_REGISTRY_URL when set, else starts the local stack.
 */
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEFAULT_APPS, createCmWebhooks, createTraffic } from '@pushstream/schemas';
import { ChildService, endOffsetTotal, startRtdsSimulator, testKafka, waitFor } from '@pushstream/test-kit';
import { startInfra } from '@pushstream/test-kit/infra';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const RTDS_EVENTS = Number(process.env.BENCH_RTDS_EVENTS ?? 100_000);
const WEBHOOK_SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const app = DEFAULT_APPS[0];
if (app === undefined) throw new Error('no default app');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

const infra = await startInfra({ log: (line) => console.log(line) });
const kafka = testKafka(infra.kafkaBrokers);
const prefix = `bench-${Date.now()}.`;
const traffic = createTraffic({
  seed: 'bench',
  devices: 5000,
  rtds: { events: RTDS_EVENTS, appKey: app.airshipAppKey, duplicateRate: 0.01 },
});
const truth = traffic.rtds.groundTruth();
const sim = await startRtdsSimulator({
  appKey: app.airshipAppKey,
  events: traffic.rtds.lines(),
  affinity: { hops: 1 },
});
const webhookPort = await freePort();
const child = new ChildService(MAIN, {
  env: {
    SERVICE_NAME: 'connector',
    LOG_LEVEL: 'warn',
    HTTP_PORT: '0',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: infra.schemaRegistryUrl,
    TOPIC_PREFIX: prefix,
    TOPIC_REPLICATION_FACTOR: '1',
    RTDS_BASE_URL: sim.url,
    RTDS_APP_KEY: app.airshipAppKey,
    RTDS_TOKEN: sim.token,
    WEBHOOK_HOST: '127.0.0.1',
    WEBHOOK_PORT: String(webhookPort),
    WEBHOOK_SOURCES: JSON.stringify(
      DEFAULT_APPS.map((spec) => ({ source: 'cm', id: spec.cmAppKey, auth: { mode: 'none' } })),
    ),
  },
});
const results: Record<string, string> = {};
try {
  const started = performance.now();
  await waitFor(
    'every RTDS line in the raw topic',
    async () =>
      (await endOffsetTotal(kafka, `${prefix}raw.airship-rtds.v1`).catch(() => 0)) >= truth.eventLines,
    {
      timeoutMs: 600_000,
      intervalMs: 100,
      lastSeen: () => child.tail(5),
    },
  );
  const seconds = (performance.now() - started) / 1000;
  results['RTDS ingest'] =
    `${truth.eventLines} lines in ${seconds.toFixed(1)} s = ${Math.round(truth.eventLines / seconds)} events/s (process start, topic provisioning and gzip decoding included)`;

  const bodies = [
    ...createCmWebhooks({ seed: 'bench', devices: 500, cm: { events: 2000, redeliveryRate: 0 } }).records(),
  ].map((record) => ({
    path: `/webhooks/cm/${encodeURIComponent(record.device.appKey)}`,
    body: record.body,
  }));
  const run = await autocannon({
    url: `http://127.0.0.1:${webhookPort}`,
    connections: CONNECTIONS,
    duration: WEBHOOK_SECONDS,
    requests: bodies
      .slice(0, 500)
      .map((request) => ({
        method: 'POST',
        path: request.path,
        headers: { 'content-type': 'application/json' },
        body: request.body,
      })),
  });
  const ok = run['2xx'];
  results['CM webhook'] =
    `${Math.round(run.requests.average)} req/s (${ok} × 2xx, ${run.non2xx} other) with ${CONNECTIONS} connections for ${WEBHOOK_SECONDS} s; latency p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms`;
} finally {
  child.kill('SIGTERM');
  await child.exited;
  await sim.close();
  await infra.stop();
}
console.log('\nconnector ingest benchmark (2 cores, local Kafka)');
for (const [name, figure] of Object.entries(results)) console.log(`  ${name.padEnd(12)} ${figure}`);
