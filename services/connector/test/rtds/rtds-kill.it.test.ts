import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEFAULT_APPS, createTraffic } from '@pushstream/schemas';
import {
  HEADERS,
  RegistrySerde,
  createSchemaRegistryClient,
  readTopicToEnd,
  topicSerde,
} from '@pushstream/runtime';
import type { ConnectorCheckpoint } from '@pushstream/schemas';
import {
  ChildService,
  endOffsetTotal,
  integrationServiceEnv,
  readTopic,
  startRtdsSimulator,
  testKafka,
  uniqueName,
  waitFor,
  type RtdsSimulator,
} from '@pushstream/test-kit';

import { outOfOrderDevices } from './stream-order.js';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const APP_KEY = DEFAULT_APPS[0]?.airshipAppKey ?? 'missing-app';
const STREAM_ID = `${APP_KEY}:events:all`;
const EVENTS = 100_000;

const children: ChildService[] = [];
let sim: RtdsSimulator | undefined;
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await sim?.close();
});

describe('the connector process under SIGKILL', () => {
  it('loses no event of 100k and resumes each time from its persisted checkpoint', async () => {
    const infra = inject('infra');
    const test = testKafka(infra.kafkaBrokers);
    const prefix = `${uniqueName('kill')}.`;
    const raw = `${prefix}raw.airship-rtds.v1`;
    const traffic = createTraffic({
      seed: 77,
      devices: 3000,
      rtds: { events: EVENTS, appKey: APP_KEY, duplicateRate: 0.05 },
    });
    const truth = traffic.rtds.groundTruth();
    sim = await startRtdsSimulator({
      appKey: APP_KEY,
      events: traffic.rtds.lines(),
      keepaliveMs: 200,
      affinity: { hops: 1 },
    });
    sim.script({ kind: 'disconnect', afterEvents: 15_000, midLine: true });
    sim.script({ kind: 'stall', afterEvents: 20_000, durationMs: 5000 });
    const env = integrationServiceEnv(infra, 'connector', {
      LOG_LEVEL: 'info',
      WEBHOOK_PORT: '0',
      TOPIC_PREFIX: prefix,
      RTDS_BASE_URL: sim.url,
      RTDS_APP_KEY: APP_KEY,
      RTDS_TOKEN: sim.token,
      RTDS_SILENCE_MS: '2000',
      CONNECTOR_INSTANCE: 'kill-test',
    });
    const serde = new RegistrySerde(createSchemaRegistryClient({ url: infra.schemaRegistryUrl }));
    const checkpoints = topicSerde<ConnectorCheckpoint>(
      serde,
      `${prefix}connector-checkpoints.v1`,
      'ConnectorCheckpoint',
    );
    const loadCheckpoint = async () => {
      let latest: Buffer | null = null;
      await readTopicToEnd(test, `${prefix}connector-checkpoints.v1`, (record) => {
        if (record.key?.toString() === STREAM_ID) latest = record.value;
      });
      return latest === null ? undefined : (await checkpoints.decode(latest)).offset;
    };

    const kills: { checkpoint: string | undefined; requestsBefore: number }[] = [];
    for (const fraction of [0.2, 0.45, 0.7]) {
      const child = new ChildService(MAIN, { env });
      children.push(child);
      await waitFor(
        `${fraction * 100}% of the events in the raw topic`,
        async () => (await endOffsetTotal(test, raw).catch(() => 0)) >= fraction * truth.eventLines,
        {
          timeoutMs: 120_000,
          intervalMs: 250,
          lastSeen: () =>
            child.lines
              .filter((line) => line.component === 'rtds' || line.level === 'error' || line.level === 'fatal')
              .slice(-12)
              .map((line) => line.raw),
        },
      );
      child.kill('SIGKILL');
      await child.exited;
      kills.push({ checkpoint: await loadCheckpoint(), requestsBefore: sim.stats().connections.length });
    }
    const last = new ChildService(MAIN, { env });
    children.push(last);
    await waitFor(
      'every event line in the raw topic',
      async () => (await endOffsetTotal(test, raw)) >= truth.eventLines,
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    await waitFor(
      'every unique id in the raw topic',
      async () => {
        const ids = new Set(
          (await readTopic(test, raw)).map(
            (record) => (JSON.parse(record.value?.toString() ?? '{}') as { id?: string }).id,
          ),
        );
        return [...truth.uniqueIds].every((id) => ids.has(id));
      },
      { timeoutMs: 60_000, intervalMs: 2000 },
    );

    const records = await readTopic(test, raw);
    const perOffset = new Map<string, number>();
    for (const record of records)
      perOffset.set(
        record.headers[HEADERS.rtdsOffset] ?? '',
        (perOffset.get(record.headers[HEADERS.rtdsOffset] ?? '') ?? 0) + 1,
      );
    expect(perOffset.size).toBe(truth.eventLines);
    expect(outOfOrderDevices(records)).toEqual({ devices: [], distinctLines: truth.eventLines });
    // Each restart asked to resume exactly from the checkpoint persisted before the kill: only the
    // unacknowledged tail after it can be delivered again.
    const connections = sim.stats().connections;
    for (const kill of kills) {
      const firstAfter = connections
        .slice(kill.requestsBefore)
        .find((connection) => connection.status === 200 || connection.status === 307);
      const body = JSON.parse(firstAfter?.body ?? '{}') as { resume_offset?: string; start?: string };
      expect(kill.checkpoint).toBeDefined();
      expect(body.resume_offset).toBe(kill.checkpoint);
    }
    const redelivered = records.length - perOffset.size;
    console.info(
      `kill test: ${truth.eventLines} event lines (${truth.uniqueEvents} unique), 3 SIGKILLs at checkpoints ${kills.map((kill) => kill.checkpoint).join(', ')}; ${records.length} records, ${redelivered} re-delivered`,
    );
  }, 300_000);
});
