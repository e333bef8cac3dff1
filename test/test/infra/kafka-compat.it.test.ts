import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type LogEntry, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFailed } from 'vitest';

/**
 * Proves the Kafka version the harness runs (default 4.3.1) works with kafkajs 2.2.4 for what pushstream
 * relies on: classic consumer groups with several members and manual commits, the idempotent producer, and
 * consume-transform-produce transactions with `sendOffsets` and read_committed consumers.
 */
const infra = inject('infra');
const run = randomBytes(3).toString('hex');
const kafkaLog: string[] = [];

const kafka = new Kafka({
  clientId: `compat-${run}`,
  brokers: infra.kafkaBrokers,
  logLevel: logLevel.WARN,
  // Kept and printed only when a test fails: coordinator-loading retries are normal on a fresh broker.
  logCreator: () => (entry: LogEntry) => {
    const error: unknown = entry.log['error'];
    kafkaLog.push(`${entry.namespace} ${entry.log.message} ${JSON.stringify({ error })}`);
  },
});
const admin = kafka.admin();
const cleanups: (() => Promise<void>)[] = [];
/** A short fetch long-poll: `disconnect()` waits for the fetch in flight, 5 s with kafkajs' default. */
const FAST_FETCH = { maxWaitTimeInMs: 200 };

function topicName(purpose: string): string {
  return `compat-${purpose}-${run}`;
}

function track<T extends Consumer | Producer>(client: T): T {
  cleanups.push(() => client.disconnect());
  return client;
}

async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads `topic` from the beginning with a fresh group until `until` is seen; returns the values before it. */
async function readUntil(topic: string, until: string, readUncommitted: boolean): Promise<string[]> {
  const consumer = track(
    kafka.consumer({
      ...FAST_FETCH,
      groupId: `${topic}-reader-${readUncommitted ? 'uncommitted' : 'committed'}`,
      readUncommitted,
    }),
  );
  const values: string[] = [];
  let done = false;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const value = message.value?.toString() ?? '';
      if (value === until) done = true;
      else if (!done) values.push(value);
      return Promise.resolve();
    },
  });
  await waitFor(`'${until}' on ${topic}`, () => done);
  await consumer.disconnect();
  return values;
}

beforeAll(async () => {
  await admin.connect();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await admin.disconnect();
});

describe(`kafkajs 2.2.4 against Kafka ${infra.kafkaVersion}`, () => {
  it('runs a consumer group of two members that consume and commit', async () => {
    onTestFailed(() => console.log(kafkaLog.join('\n')));
    const topic = topicName('group');
    const groupId = `compat-group-${run}`;
    await admin.createTopics({
      topics: [{ topic, numPartitions: 4, replicationFactor: 1 }],
      waitForLeaders: true,
    });

    const assignments = new Map<string, number[]>();
    const consumed = new Map<string, string[]>();
    const members = ['a', 'b'].map((name) => {
      const consumer = track(
        kafka.consumer({ ...FAST_FETCH, groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 }),
      );
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        assignments.set(name, event.payload.memberAssignment[topic] ?? []);
      });
      consumed.set(name, []);
      return { name, consumer };
    });
    for (const { name, consumer } of members) {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic: from, partition, message }) => {
          consumed.get(name)?.push(message.value?.toString() ?? '');
          await consumer.commitOffsets([
            { topic: from, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
        },
      });
    }
    // Produce only once the group is stable with both members, so no rebalance replays anything.
    await waitFor('a stable group of two members sharing four partitions', async () => {
      const [group] = (await admin.describeGroups([groupId])).groups;
      const owned = [...assignments.values()].flat();
      return (
        group?.state === 'Stable' &&
        group.members.length === 2 &&
        assignments.size === 2 &&
        new Set(owned).size === 4 &&
        owned.length === 4
      );
    });
    expect([...assignments.values()].map((partitions) => partitions.length)).toEqual([2, 2]);

    const producer = track(kafka.producer());
    await producer.connect();
    const values = Array.from({ length: 40 }, (_, i) => `m${i}`);
    await producer.send({ topic, messages: values.map((value, i) => ({ key: `k${i}`, value })) });

    await waitFor('40 messages consumed', () => [...consumed.values()].flat().length >= 40);
    const all = [...consumed.values()].flat();
    expect(all.sort()).toEqual([...values].sort());
    expect(consumed.get('a')?.length).toBeGreaterThan(0);
    expect(consumed.get('b')?.length).toBeGreaterThan(0);

    const ends = await admin.fetchTopicOffsets(topic);
    await waitFor('commits to reach the end of every partition', async () => {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return ends.every(
        (end) => committed?.partitions.find((p) => p.partition === end.partition)?.offset === end.high,
      );
    });
  });

  it('writes each message exactly once with the idempotent producer', async () => {
    onTestFailed(() => console.log(kafkaLog.join('\n')));
    const topic = topicName('idempotent');
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    const producer = track(kafka.producer({ idempotent: true, maxInFlightRequests: 1 }));
    await producer.connect();
    const sent: string[] = [];
    for (let batch = 0; batch < 5; batch += 1) {
      const messages = Array.from({ length: 10 }, (_, i) => ({ value: `v${batch * 10 + i}` }));
      const [result] = await producer.send({ topic, messages, acks: -1 });
      expect(result?.errorCode).toBe(0);
      expect(result?.baseOffset).toBe(String(batch * 10));
      sent.push(...messages.map((message) => message.value));
    }
    await producer.send({ topic, messages: [{ value: 'end' }] });
    expect(await readUntil(topic, 'end', false)).toEqual(sent);
  });

  it('commits consume-transform-produce transactions with sendOffsets and hides aborted ones', async () => {
    onTestFailed(() => console.log(kafkaLog.join('\n')));
    const input = topicName('tx-in');
    const output = topicName('tx-out');
    const groupId = `compat-tx-${run}`;
    await admin.createTopics({
      topics: [input, output].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })),
      waitForLeaders: true,
    });
    const plain = track(kafka.producer());
    await plain.connect();
    await plain.send({ topic: input, messages: ['a', 'b', 'c', 'poison-d'].map((value) => ({ value })) });

    const transactional = track(
      kafka.producer({ transactionalId: `compat-tx-${run}`, idempotent: true, maxInFlightRequests: 1 }),
    );
    await transactional.connect();
    const consumer = track(kafka.consumer({ ...FAST_FETCH, groupId }));
    const outcomes: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: input, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        const value = message.value?.toString() ?? '';
        const transaction = await transactional.transaction();
        await transaction.send({ topic: output, messages: [{ value: value.toUpperCase() }] });
        await transaction.sendOffsets({
          consumerGroupId: groupId,
          topics: [{ topic, partitions: [{ partition, offset: (BigInt(message.offset) + 1n).toString() }] }],
        });
        if (value.startsWith('poison')) {
          await transaction.abort();
          outcomes.push(`aborted ${value}`);
        } else {
          await transaction.commit();
          outcomes.push(`committed ${value}`);
        }
      },
    });
    await waitFor('four transactions', () => outcomes.length === 4);
    await consumer.disconnect();
    expect(outcomes).toEqual(['committed a', 'committed b', 'committed c', 'aborted poison-d']);

    // The offset committed inside the transactions advanced to 3; the aborted one did not move it to 4.
    const [committed] = await admin.fetchOffsets({ groupId, topics: [input] });
    expect(committed?.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '3' })]);

    await plain.send({ topic: output, messages: [{ value: 'end' }] });
    expect(await readUntil(output, 'end', false)).toEqual(['A', 'B', 'C']);
    expect(await readUntil(output, 'end', true)).toEqual(['A', 'B', 'C', 'POISON-D']);
  });
});
