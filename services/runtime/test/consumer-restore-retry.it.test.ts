import { afterEach, describe, expect, it } from 'vitest';
import {
  committedTotal,
  createTestTopics,
  readTopic,
  testKafka,
  uniqueName,
  waitFor,
} from '@pushstream/test-kit';
import {
  HealthState,
  PushstreamError,
  createConsumerLoop,
  createKafkaClient,
  readTopicToEnd,
  type ConsumerLoop,
  type PartitionHooks,
} from '../src/index.js';
import { infraBrokers } from './support/infra-env.js';
import { loopDeps, type LoopDeps } from './support/loop-deps.js';

/**
 * The assignment hook (a stage's restore) against a real broker. A restore whose state topic does not exist
 * yet fails with the broker's UNKNOWN_TOPIC_OR_PARTITION — transient, like the NOT_LEADER answers of a
 * fresh broker: the loop retries it until the topic is there, or marks the member dead after its retry
 * time. A state record the restore cannot decode is not transient: the member is marked dead at once.
 */
describe('consumer loop retries the restore of assigned partitions against real Kafka', () => {
  const brokers = infraBrokers();
  const test = testKafka(brokers);
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function produce(topic: string, messages: { key: string; value: string }[]): Promise<void> {
    const producer = test.producer();
    await producer.connect();
    await producer.send({ topic, messages });
    await producer.disconnect();
  }

  /** Input topic with two records, and what a loop over it needs; the loop is stopped after the test. */
  async function setUp(stage: string) {
    const input = uniqueName(`it-${stage}-in`);
    const output = uniqueName(`it-${stage}-out`);
    const stateTopic = uniqueName(`it-${stage}-state`);
    const groupId = uniqueName(`it-${stage}-group`);
    await createTestTopics(test, [
      { name: input, partitions: 1 },
      { name: output },
      { name: `${input}-dlq` },
    ]);
    await produce(input, [
      { key: 'a', value: 'opened' },
      { key: 'b', value: 'opened' },
    ]);
    const health = new HealthState({});
    const base: LoopDeps & { health: HealthState } = { ...(await loopDeps(stage)), health };
    cleanups.push(() => base.producer.disconnect());
    // Few client retries, so a missing topic fails a read at once instead of inside kafkajs' own backoff.
    const restoreKafka = createKafkaClient(
      { clientId: `${stage}-restore`, brokers, connectionTimeoutMs: 10_000 },
      base.logger,
      { retries: 1 },
    );
    const handled: string[] = [];
    const start = async (
      hooks: PartitionHooks,
      state: () => Map<string, string>,
      restoreRetryMs?: number,
    ) => {
      const loop: ConsumerLoop = createConsumerLoop({
        ...base,
        groupId,
        topics: [input],
        dlqTopic: `${input}-dlq`,
        retry: { initialMs: 100, maxMs: 1000 },
        ...(restoreRetryMs === undefined ? {} : { restoreRetryMs }),
        hooks,
        handler: (record) => {
          const key = record.key?.toString() ?? '';
          handled.push(key);
          const known = state().get(key);
          if (known === undefined) throw new PushstreamError('PROCESSING_FAILED', `no state for ${key}`);
          return { outputs: [{ topic: output, key, value: `${known}+${record.value?.toString() ?? ''}` }] };
        },
      });
      cleanups.push(() => loop.stop());
      await loop.start();
      return loop;
    };
    return { input, output, stateTopic, groupId, base, restoreKafka, handled, start };
  }

  /** `pushstream_retries_total` of the stage for one reason (0 when never counted). */
  async function retriesOf(base: LoopDeps, reason: string): Promise<number> {
    const metric = await base.metrics.registry.getSingleMetric('pushstream_retries_total')?.get();
    const found = metric?.values.find(
      (value) => value.labels.stage === base.stage && value.labels.reason === reason,
    );
    return found?.value ?? 0;
  }

  it('retries a hook that fails transiently, then restores and processes the records', async () => {
    const { output, stateTopic, groupId, input, base, restoreKafka, start } = await setUp('restore-retry');
    let state = new Map<string, string>();
    const failures: unknown[] = [];
    // Creating the state topic and writing its records are two steps: a restore that reads the topic between
    // them would succeed on an empty state. Until both are done the hook fails transiently itself.
    let stateWritten = false;
    await start(
      {
        async onAssigned(partitions) {
          // Each call starts afresh, so a retried restore never adds to a failed one.
          const restored = new Map<string, string>();
          try {
            await readTopicToEnd(
              restoreKafka,
              stateTopic,
              (record) => {
                restored.set(record.key?.toString() ?? '', record.value?.toString() ?? '');
              },
              { partitions: partitions.map((tp) => tp.partition) },
            );
            if (!stateWritten)
              throw new PushstreamError('KAFKA_UNAVAILABLE', 'the test has not written the state yet');
          } catch (error) {
            failures.push(error);
            throw error;
          }
          state = restored;
        },
      },
      () => state,
    );
    await waitFor('three failed restores', () => failures.length >= 3, { timeoutMs: 60_000 });
    // The broker's own answer, after kafkajs' retries: what a fresh broker's NOT_LEADER looks like too.
    expect(failures[0]).toMatchObject({
      name: 'KafkaJSNumberOfRetriesExceeded',
      cause: { type: 'UNKNOWN_TOPIC_OR_PARTITION', retriable: true },
    });
    expect(base.health.readiness()).toEqual({
      ok: false,
      reasons: ['restoring state of assigned partitions'],
    });
    expect(await committedTotal(test, groupId, input)).toBe(0);

    await createTestTopics(test, [{ name: stateTopic, partitions: 1 }]);
    await produce(stateTopic, [
      { key: 'a', value: 'installed' },
      { key: 'b', value: 'active' },
    ]);
    stateWritten = true;
    await waitFor('both records committed', async () => (await committedTotal(test, groupId, input)) === 2, {
      timeoutMs: 60_000,
    });

    const outputs = await readTopic(test, output);
    expect(outputs.map((record) => [record.key?.toString(), record.value?.toString()])).toEqual([
      ['a', 'installed+opened'],
      ['b', 'active+opened'],
    ]);
    expect(base.health.readiness()).toEqual({ ok: true, reasons: [] });
    expect(base.health.liveness()).toEqual({ ok: true });
    // One counted retry per failed try: every failure was judged transient.
    expect(await retriesOf(base, 'KAFKA_UNAVAILABLE')).toBe(failures.length);
  });

  it('marks the member dead once transient failures outlast the retry time', async () => {
    const { stateTopic, groupId, input, base, restoreKafka, handled, start } =
      await setUp('restore-deadline');
    let attempts = 0;
    await start(
      {
        async onAssigned(partitions) {
          attempts += 1;
          // The state topic is never created.
          await readTopicToEnd(restoreKafka, stateTopic, () => undefined, {
            partitions: partitions.map((tp) => tp.partition),
          });
        },
      },
      () => new Map(),
      3000,
    );
    await waitFor('the member marked dead', () => !base.health.liveness().ok, { timeoutMs: 60_000 });
    expect(base.health.liveness().reason).toMatch(
      new RegExp(
        `^restoring state of assigned partitions failed: restoring partitions ${input}/0 kept failing for 3000 ms \\(${attempts} tries\\): `,
      ),
    );
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(await retriesOf(base, 'KAFKA_UNAVAILABLE')).toBe(attempts - 1);
    expect(handled).toEqual([]);
    expect(await committedTotal(test, groupId, input)).toBe(0);
  });

  it('marks the member dead at once when a state record cannot be restored', async () => {
    const { stateTopic, groupId, input, base, restoreKafka, handled, start } = await setUp('restore-poison');
    await createTestTopics(test, [{ name: stateTopic, partitions: 1 }]);
    await produce(stateTopic, [
      { key: 'a', value: '{"status":"INSTALLED"}' },
      { key: 'b', value: 'not json' },
    ]);
    let attempts = 0;
    await start(
      {
        async onAssigned(partitions) {
          attempts += 1;
          // The stages' pattern: a record that cannot be decoded stalls the read until its timeout, so
          // the hook remembers the record's error and fails with it.
          let recordError: unknown;
          await readTopicToEnd(
            restoreKafka,
            stateTopic,
            (record) => {
              try {
                JSON.parse(record.value?.toString() ?? '');
              } catch (error) {
                recordError ??= new PushstreamError(
                  'RECORD_INVALID_JSON',
                  `state record ${record.offset} is not JSON`,
                  { cause: error },
                );
                throw recordError;
              }
            },
            { partitions: partitions.map((tp) => tp.partition), timeoutMs: 3000 },
          ).catch((error: unknown) => {
            throw recordError ?? error;
          });
        },
      },
      () => new Map(),
    );
    await waitFor('the member marked dead', () => !base.health.liveness().ok, { timeoutMs: 60_000 });
    expect(base.health.liveness().reason).toBe(
      'restoring state of assigned partitions failed: state record 1 is not JSON',
    );
    expect(attempts).toBe(1);
    expect(await retriesOf(base, 'RECORD_INVALID_JSON')).toBe(0);
    expect(await retriesOf(base, 'KAFKA_UNAVAILABLE')).toBe(0);
    expect(handled).toEqual([]);
    expect(await committedTotal(test, groupId, input)).toBe(0);
  });
});
