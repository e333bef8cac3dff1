import { afterEach, describe, expect, it } from 'vitest';
import {
  HEADERS,
  RegistrySerde,
  createSchemaRegistryClient,
  loadConfig,
  startServiceRuntime,
  type ServiceRuntime,
} from '@pushstream/runtime';
import { DEFAULT_APPS } from '@pushstream/schemas';
import { inject } from 'vitest';
import { readTopic, testKafka, uniqueName, waitFor } from '@pushstream/test-kit';
import { normalizerEnvSchema } from '../src/config/normalizer-env.js';
import { normalizeRecord } from '../src/core/normalize.js';
import { startNormalizer } from '../src/shell/start-normalizer.js';
import { TEST_CONTEXT } from './support/context.js';
import { normalizerTestEnv } from './support/normalizer-env.js';
import { rawInputOf } from './support/raw-input-of.js';
import { produceRawRecords } from './support/raw-producer.js';
import { generateRawRecords, type GeneratedRawRecord } from './support/raw-traffic.js';

const APP_KEY = DEFAULT_APPS[0]?.airshipAppKey ?? 'missing';
const running: ServiceRuntime[] = [];
afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.shutdown.run();
});

async function startInProcess(prefix: string): Promise<ServiceRuntime> {
  const env = loadConfig(normalizerEnvSchema, normalizerTestEnv(prefix));
  const runtime = await startServiceRuntime({ env });
  running.push(runtime);
  await runtime.provision();
  await runtime.registerSchemas(runtime.topics.filter((topic) => topic.producers.includes('normalizer')));
  await startNormalizer(runtime, env);
  return runtime;
}

async function stop(runtime: ServiceRuntime): Promise<void> {
  running.splice(running.indexOf(runtime), 1);
  await runtime.shutdown.run();
}

function expectedIds(records: readonly GeneratedRawRecord[]): Set<string> {
  const ids = new Set<string>();
  records.forEach((record, index) => {
    const result = normalizeRecord(rawInputOf(record, index), TEST_CONTEXT);
    if (result.kind === 'event') ids.add(result.event.eventId);
  });
  return ids;
}

/** Histogram samples name their series (`_bucket`, `_sum`, `_count`); prom-client's type leaves it out. */
function nameOf(value: object): string {
  return (value as { metricName?: string }).metricName ?? '';
}

async function metricValue(runtime: ServiceRuntime, name: string): Promise<number> {
  const metric = (await runtime.metrics.registry.getMetricsAsJSON()).find((entry) => entry.name === name);
  return (metric?.values ?? []).reduce(
    (sum, value) => sum + (nameOf(value).endsWith('_bucket') ? 0 : value.value),
    0,
  );
}

describe('the normalizer against Kafka and the registry', () => {
  it('writes each event once, decodable with the registry alone, dead-letters poison, and keeps dedupe state across a restart', async () => {
    const kafka = testKafka(inject('infra').kafkaBrokers);
    const prefix = `${uniqueName('norm')}.`;
    const all = generateRawRecords({
      seed: 'norm-it',
      devices: 300,
      rtdsEvents: 2500,
      cmEvents: 600,
      trackMessages: 600,
      appKey: APP_KEY,
    });
    const firstHalf = all.slice(0, Math.floor(all.length * 0.6));
    const firstUnique = expectedIds(firstHalf);
    const poison: GeneratedRawRecord[] = [
      {
        ...firstHalf[0],
        source: 'airship-rtds',
        key: `airship:${APP_KEY}:x`,
        value: Buffer.from('{"id": "broken'),
        headers: {},
      } as GeneratedRawRecord,
      {
        ...firstHalf[0],
        source: 'cm-push',
        key: 'cm:x:y',
        value: Buffer.from('{"from":{},"to":{"number":"a"},"event":{"type":"X"},"timeUtc":"now"}'),
        headers: {},
      } as GeneratedRawRecord,
      {
        ...firstHalf[0],
        source: 'track',
        key: 'track:x:y',
        value: Buffer.from([0x7b, 0xff, 0x7d]),
        headers: {},
      } as GeneratedRawRecord,
    ];

    const first = await startInProcess(prefix);
    await produceRawRecords(kafka, prefix, [...firstHalf, ...poison]);
    const events = `${prefix}device-events.v1`;
    const dlq = `${prefix}dlq.normalizer.v1`;
    await waitFor(
      'every unique event of the first half',
      async () =>
        (await readTopic(kafka, events, { minRecords: firstUnique.size, timeoutMs: 5000 }).catch(() => []))
          .length >= firstUnique.size,
      {
        timeoutMs: 90_000,
        intervalMs: 1000,
      },
    );
    const dead = await readTopic(kafka, dlq, { minRecords: 3, timeoutMs: 30_000 });
    expect(dead.map((record) => record.headers[HEADERS.errorCode]).sort()).toEqual([
      'RECORD_INVALID_JSON',
      'RECORD_INVALID_JSON',
      'RECORD_SCHEMA_VIOLATION',
    ]);
    expect(dead.every((record) => record.headers[HEADERS.sourceTopic]?.startsWith(`${prefix}raw.`))).toBe(
      true,
    );
    const dropped = await metricValue(first, 'pushstream_dedupe_dropped_total');
    expect(dropped).toBe(firstHalf.length - firstUnique.size);
    await stop(first);

    // Second run: the rest of the traffic plus every first-half record again, at new offsets. Only the
    // restored dedupe state (not the consumer offsets) can tell these re-sent records are duplicates.
    const secondHalf = [...all.slice(firstHalf.length), ...firstHalf.slice(0, 1000)];
    const allUnique = expectedIds(all);
    const second = await startInProcess(prefix);
    await produceRawRecords(kafka, prefix, secondHalf);
    await waitFor(
      'the second half processed',
      async () => (await metricValue(second, 'pushstream_records_consumed_total')) >= secondHalf.length,
      {
        timeoutMs: 90_000,
        intervalMs: 500,
      },
    );
    const restores =
      (await second.metrics.registry.getSingleMetric('pushstream_state_restore_seconds')?.get())?.values ??
      [];
    const restoreCount =
      restores.find((value) => nameOf(value) === 'pushstream_state_restore_seconds_count')?.value ?? 0;
    const restoreSum =
      restores.find((value) => nameOf(value) === 'pushstream_state_restore_seconds_sum')?.value ?? 0;
    expect(restoreCount).toBeGreaterThan(0);
    expect(await metricValue(second, 'pushstream_dedupe_remembered_ids')).toBeGreaterThanOrEqual(
      firstUnique.size,
    );
    expect(await metricValue(second, 'pushstream_dedupe_bytes_per_id')).toBeGreaterThan(40);
    console.info(
      `restore after restart: ${restoreCount} assignment(s), ${restoreSum.toFixed(3)} s in total for ${firstUnique.size} remembered ids`,
    );

    // A plain consumer with read_committed and the registry alone (no local schema) decodes every record.
    const output = await readTopic(kafka, events, { minRecords: allUnique.size, timeoutMs: 60_000 });
    const reader = new RegistrySerde(createSchemaRegistryClient({ url: inject('infra').schemaRegistryUrl }));
    const decoded = await Promise.all(
      output.map(
        async (record) =>
          (await reader.decode(record.value ?? Buffer.alloc(0))) as {
            eventId: string;
            deviceKey: string;
            app: { name: string } | null;
          },
      ),
    );
    const ids = decoded.map((event) => event.eventId);
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(allUnique);
    expect(
      decoded.every((event, index) => event.deviceKey === output[index]?.key && event.app !== null),
    ).toBe(true);
    expect(await metricValue(second, 'pushstream_dedupe_dropped_total')).toBe(
      secondHalf.length - (allUnique.size - firstUnique.size),
    );
  });
});
