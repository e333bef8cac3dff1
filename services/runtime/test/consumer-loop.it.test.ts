import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestTopics,
  readTopic,
  testKafka,
  uniqueName,
  waitFor,
  committedTotal,
} from '@pushstream/test-kit';
import {
  HEADERS,
  HealthState,
  PushstreamError,
  createConsumerLoop,
  createKafkaClient,
  createLogger,
  createPipelineMetrics,
  createPipelineProducer,
  type ConsumerLoop,
  type PipelineProducer,
} from '../src/index.js';
import { infraBrokers } from './support/infra-env.js';

describe('consumer loop against real Kafka', () => {
  const brokers = infraBrokers();
  const test = testKafka(brokers);
  const input = uniqueName('it-loop-in');
  const output = uniqueName('it-loop-out');
  const dlq = uniqueName('it-loop-dlq');
  const groupId = uniqueName('it-loop-group');
  const logger = createLogger({ serviceName: 'loop-it', level: 'silent' });
  const kafka = createKafkaClient({ clientId: 'loop-it', brokers, connectionTimeoutMs: 10_000 }, logger);
  const metrics = createPipelineMetrics({ stage: 'loop-it' });
  const health = new HealthState({});
  let producer: PipelineProducer;
  let loop: ConsumerLoop;

  beforeAll(async () => {
    await createTestTopics(test, [{ name: input, partitions: 1 }, { name: output }, { name: dlq }]);
    const inputProducer = test.producer();
    await inputProducer.connect();
    const values = ['{"n":1}', '{"n":2}', '{"n":3}', '{"n":4', '{"n":5}', '{"n":6}'];
    await inputProducer.send({
      topic: input,
      messages: values.map((value, i) => ({ key: `k${i}`, value, headers: { origin: 'it' } })),
    });
    await inputProducer.disconnect();
    producer = createPipelineProducer(kafka);
    await producer.connect();
  });

  afterAll(async () => {
    await loop.stop();
    await producer.disconnect();
  });

  it('dead-letters a poison record with its reason and processes the records around it', async () => {
    loop = createConsumerLoop({
      kafka,
      stage: 'loop-it',
      groupId,
      topics: [input],
      producer,
      dlqTopic: dlq,
      metrics,
      logger,
      health,
      handler: (record) => {
        let parsed: { n: number };
        try {
          parsed = JSON.parse(record.value?.toString() ?? '') as { n: number };
        } catch (error) {
          return {
            reject: new PushstreamError(
              'RECORD_INVALID_JSON',
              `value is not JSON: ${(error as Error).message}`,
            ),
          };
        }
        if (parsed.n === 5) throw new PushstreamError('RECORD_SCHEMA_VIOLATION', 'n must not be 5');
        return {
          outputs: [{ topic: output, key: record.key, value: JSON.stringify({ doubled: parsed.n * 2 }) }],
        };
      },
    });
    await loop.start();
    await waitFor(
      'all 6 input records committed',
      async () => (await committedTotal(test, groupId, input)) === 6,
      { timeoutMs: 30_000 },
    );

    const outputs = await readTopic(test, output);
    expect(outputs.map((record) => [record.key, record.value?.toString()])).toEqual([
      ['k0', '{"doubled":2}'],
      ['k1', '{"doubled":4}'],
      ['k2', '{"doubled":6}'],
      ['k5', '{"doubled":12}'],
    ]);

    const dead = await readTopic(test, dlq);
    expect(dead).toHaveLength(2);
    expect(
      dead.map((record) => [
        record.key,
        record.value?.toString(),
        record.headers[HEADERS.errorCode],
        record.headers[HEADERS.sourceOffset],
      ]),
    ).toEqual([
      ['k3', '{"n":4', 'RECORD_INVALID_JSON', '3'],
      ['k4', '{"n":5}', 'RECORD_SCHEMA_VIOLATION', '4'],
    ]);
    expect(dead[0]?.headers[HEADERS.errorMessage]).toMatch(/^value is not JSON: /);
    expect(dead[0]?.headers).toMatchObject({
      origin: 'it',
      [HEADERS.errorStage]: 'loop-it',
      [HEADERS.sourceTopic]: input,
      [HEADERS.sourcePartition]: '0',
    });

    const exposition = await metrics.registry.metrics();
    expect(exposition).toContain('pushstream_records_processed_total{stage="loop-it",outcome="emitted"} 4');
    expect(exposition).toContain(
      'pushstream_records_processed_total{stage="loop-it",outcome="dead_lettered"} 2',
    );
    expect(exposition).toContain(
      'pushstream_dead_lettered_total{stage="loop-it",reason="RECORD_INVALID_JSON"} 1',
    );
    expect(exposition).toContain(`pushstream_records_produced_total{stage="loop-it",topic="${dlq}"} 2`);
    expect(health.readiness().ok).toBe(true);
    expect(loop.assignment()).toEqual([{ topic: input, partition: 0 }]);
  });
});
