import { describe, expect, it } from 'vitest';
import {
  committedTotal,
  createTestTopics,
  endOffsetTotal,
  testKafka,
  uniqueName,
  waitFor,
} from '@pushstream/test-kit';
import { createConsumerLoop } from '../src/index.js';
import { loopDeps } from './support/loop-deps.js';
import { infraBrokers } from './support/infra-env.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function produce(brokers: string[], topic: string, count: number, from = 0): Promise<void> {
  const producer = testKafka(brokers).producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}` })),
  });
  await producer.disconnect();
}

describe('consumer loop liveness against real Kafka', () => {
  const brokers = infraBrokers();
  const test = testKafka(brokers);

  it('keeps its membership through a batch that outlasts the session timeout', async () => {
    const input = uniqueName('it-slow-in');
    const output = uniqueName('it-slow-out');
    const groupId = uniqueName('it-slow-group');
    await createTestTopics(test, [{ name: input }, { name: output }, { name: `${input}-dlq` }]);
    await produce(brokers, input, 90);
    const base = await loopDeps('slow-it');
    const { producer } = base;
    const sessionTimeoutMs = 6000;
    // One chunk of 90 records at 100 ms each takes 9 s: only the loop's own heartbeats keep the member alive.
    const loop = createConsumerLoop({
      ...base,
      groupId,
      topics: [input],
      dlqTopic: `${input}-dlq`,
      chunkSize: 500,
      sessionTimeoutMs,
      heartbeatIntervalMs: 1000,
      handler: async (record) => {
        await sleep(100);
        return { outputs: [{ topic: output, key: record.key, value: record.value }] };
      },
    });
    try {
      await loop.start();
      await waitFor(
        'all 90 records committed',
        async () => (await committedTotal(test, groupId, input)) === 90,
        { timeoutMs: 60_000 },
      );
      expect(await endOffsetTotal(test, output)).toBe(90);
      const metrics = await base.metrics.registry.metrics();
      // A lost membership would show as a second group join and a failed commit.
      expect(metrics).toContain('pushstream_rebalances_total{stage="slow-it"} 1');
    } finally {
      await loop.stop();
      await producer.disconnect();
    }
  });

  it('pauses and resumes single partitions', async () => {
    const input = uniqueName('it-pause-in');
    const groupId = uniqueName('it-pause-group');
    await createTestTopics(test, [{ name: input, partitions: 2 }, { name: `${input}-dlq` }]);
    const seen: string[] = [];
    const base = await loopDeps('pause-it');
    const { producer } = base;
    const loop = createConsumerLoop({
      ...base,
      groupId,
      topics: [input],
      dlqTopic: `${input}-dlq`,
      handler: (record) => {
        seen.push(`${record.partition}:${record.value?.toString() ?? ''}`);
        return { outputs: [] };
      },
    });
    try {
      await loop.start();
      await waitFor('the member to own both partitions', () => loop.assignment().length === 2, {
        timeoutMs: 30_000,
      });
      loop.pause([{ topic: input, partition: 0 }]);
      const producerForInput = test.producer();
      await producerForInput.connect();
      await producerForInput.send({
        topic: input,
        messages: [
          { partition: 0, value: 'a' },
          { partition: 1, value: 'b' },
        ],
      });
      await waitFor('the unpaused partition to be processed', () => seen.includes('1:b'), {
        timeoutMs: 30_000,
      });
      await sleep(1500);
      expect(seen).toEqual(['1:b']);
      loop.resume([{ topic: input, partition: 0 }]);
      await waitFor('the resumed partition to be processed', () => seen.includes('0:a'), {
        timeoutMs: 30_000,
      });
      expect(seen).toEqual(['1:b', '0:a']);
      await producerForInput.disconnect();
    } finally {
      await loop.stop();
      await producer.disconnect();
    }
  });
});
