import { describe, expect, it } from 'vitest';
import {
  HEADERS,
  PushstreamError,
  createTransactionalLoop,
  readChangelogPartitions,
  type ConsumedRecord,
  type PartitionTask,
  type TopicPartition,
} from '../src/index.js';
import { createTestTopics, testKafka, uniqueName, waitFor, withAdmin } from '@pushstream/test-kit';
import { infraBrokers } from './support/infra-env.js';
import { loopDeps } from './support/loop-deps.js';

/** A task that relays each record and remembers (staged until commit) how many it relayed. */
class RelayTask implements PartitionTask {
  committedCount = 0;
  private staged = 0;
  constructor(private readonly output: string) {}
  process(record: ConsumedRecord) {
    if (record.value?.toString() === 'poison')
      return { reject: new PushstreamError('RECORD_INVALID_JSON', 'poison') };
    this.staged += 1;
    return { outputs: [{ topic: this.output, key: record.key, value: record.value }] };
  }
  commit() {
    this.committedCount += this.staged;
    this.staged = 0;
  }
  abort() {
    this.staged = 0;
  }
}

async function countCommittedTotal(
  kafka: ReturnType<typeof testKafka>,
  groupId: string,
  topic: string,
): Promise<number> {
  return withAdmin(kafka, async (admin) => {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (entry?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  });
}

describe('the transactional loop', () => {
  it('reads a changelog partition to its end when its last transaction was aborted', async () => {
    const kafka = testKafka(infraBrokers());
    const topic = uniqueName('it-txn-changelog');
    await createTestTopics(kafka, [{ name: topic, partitions: 2 }]);
    const producer = kafka.producer({
      transactionalId: uniqueName('it-txn'),
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const committed = await producer.transaction();
    await committed.send({
      topic,
      messages: [
        { key: 'a', value: '1', partition: 1 },
        { key: 'b', value: '2', partition: 1 },
      ],
    });
    await committed.commit();
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ key: 'c', value: '3', partition: 1 }] });
    await aborted.abort();
    await producer.disconnect();
    const keys: string[] = [];
    const result = await readChangelogPartitions(
      kafka,
      topic,
      [1],
      (record) => keys.push(record.key?.toString() ?? ''),
      { timeoutMs: 30_000 },
    );
    expect(keys).toEqual(['a', 'b']);
    expect(result.records).toBe(2);
    expect((await readChangelogPartitions(kafka, topic, [0], () => undefined)).records).toBe(0);
  });

  it('relays each record once with its dead letters in the same transactions, across a member leaving mid-run', async () => {
    const kafka = testKafka(infraBrokers());
    const input = uniqueName('it-txn-in');
    const output = uniqueName('it-txn-out');
    const dlq = uniqueName('it-txn-dlq');
    const groupId = uniqueName('it-txn-group');
    await createTestTopics(kafka, [
      { name: input, partitions: 4 },
      { name: output, partitions: 4 },
      { name: dlq },
    ]);
    const total = 4000;
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: input,
      messages: Array.from({ length: total }, (_, i) => ({
        key: `k${i % 97}`,
        value: i % 500 === 7 ? 'poison' : `v${i}`,
      })),
    });
    await producer.disconnect();

    const openedBy: Record<'a' | 'b', TopicPartition[]> = { a: [], b: [] };
    const member = async (name: 'a' | 'b') => {
      const deps = await loopDeps(`txn-${name}`);
      const loop = createTransactionalLoop({
        ...deps,
        groupId,
        topics: [input],
        dlqTopic: dlq,
        chunkSize: 50,
        sessionTimeoutMs: 6000,
        heartbeatIntervalMs: 500,
        rebalanceTimeoutMs: 8000,
        transactionalIdPrefix: 'it.',
        openTasks: async (partitions) => {
          openedBy[name].push(...partitions);
          return partitions.map(() => new RelayTask(output));
        },
      });
      await loop.start();
      return { loop, deps };
    };
    const a = await member('a');
    const b = await member('b');
    await waitFor(
      'a third of the input consumed',
      async () => (await countCommittedTotal(kafka, groupId, input)) >= total / 3,
      {
        timeoutMs: 60_000,
        intervalMs: 100,
      },
    );
    await b.loop.stop();
    await b.deps.producer.disconnect();
    await waitFor(
      'the whole input consumed',
      async () => (await countCommittedTotal(kafka, groupId, input)) >= total,
      {
        timeoutMs: 90_000,
        intervalMs: 200,
      },
    );
    await a.loop.stop();
    await a.deps.producer.disconnect();

    const values = new Map<string, number>();
    await readChangelogPartitions(kafka, output, [0, 1, 2, 3], (record) => {
      const value = record.value?.toString() ?? '';
      values.set(value, (values.get(value) ?? 0) + 1);
    });
    const dead: ConsumedRecord[] = [];
    await readChangelogPartitions(kafka, dlq, [0], (record) => dead.push(record));
    const poison = Array.from({ length: total }, (_, i) => i).filter((i) => i % 500 === 7).length;
    expect(values.size).toBe(total - poison);
    expect([...values.values()].every((count) => count === 1)).toBe(true);
    expect(dead).toHaveLength(poison);
    expect(
      dead.every((record) => record.headers[HEADERS.errorCode]?.toString() === 'RECORD_INVALID_JSON'),
    ).toBe(true);
    // Both members processed; the partitions b owned were opened (fenced, positioned, restored) again by a.
    expect(openedBy.b.length).toBeGreaterThan(0);
    expect(openedBy.a.length).toBeGreaterThan(4 - openedBy.b.length);
  }, 180_000);
});
