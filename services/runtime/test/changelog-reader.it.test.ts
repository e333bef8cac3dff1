import { describe, expect, it } from 'vitest';
import { createTestTopics, testKafka, uniqueName } from '@pushstream/test-kit';
import { PushstreamError, createKafkaClient, createLogger, readChangelogPartitions } from '../src/index.js';
import { infraBrokers } from './support/infra-env.js';

/**
 * The restore read's time limit is a stall limit: a read that keeps handing records over is never cut off,
 * however long it takes in total (a restore of millions of keys), and a read that stops moving fails with
 * KAFKA_UNAVAILABLE naming the partitions it was still waiting for.
 */
describe('readChangelogPartitions against real Kafka', () => {
  const brokers = infraBrokers();
  const test = testKafka(brokers);
  const kafka = createKafkaClient(
    { clientId: 'it-changelog-reader', brokers, connectionTimeoutMs: 10_000 },
    createLogger({ serviceName: 'it-changelog-reader', level: 'silent' }),
  );

  async function topicWith(records: number): Promise<string> {
    const topic = uniqueName('it-changelog');
    await createTestTopics(test, [{ name: topic, partitions: 1 }]);
    const producer = test.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: Array.from({ length: records }, (_, index) => ({ key: `k${index}`, value: `v${index}` })),
    });
    await producer.disconnect();
    return topic;
  }

  it('reads a slow changelog to its end although the whole read takes several times the limit', async () => {
    const topic = await topicWith(30);
    const seen: string[] = [];
    const result = await readChangelogPartitions(
      kafka,
      topic,
      'all',
      async (record) => {
        seen.push(record.value?.toString('utf8') ?? '');
        await new Promise((resolve) => setTimeout(resolve, 100));
      },
      { timeoutMs: 1000 },
    );
    expect(result.records).toBe(30);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, index) => `v${index}`));
    expect(result.durationMs).toBeGreaterThan(3000);
  });

  it('fails with KAFKA_UNAVAILABLE when the read stops moving', async () => {
    const topic = await topicWith(3);
    const read = readChangelogPartitions(
      kafka,
      topic,
      'all',
      // A handler stuck for 5 s: nothing is read meanwhile. (The read gives up after 1.5 s; its consumer
      // then leaves once the handler returns.)
      () => new Promise<void>((resolve) => setTimeout(resolve, 5000)),
      { timeoutMs: 1500 },
    );
    const error = await read.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PushstreamError);
    expect((error as PushstreamError).code).toBe('KAFKA_UNAVAILABLE');
    expect((error as PushstreamError).message).toMatch(/partitions 0 made no progress for 1500 ms/);
  });
});
