import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ChildService,
  committedTotal,
  createTestTopics,
  endOffsetTotal,
  readTopic,
  testKafka,
  uniqueName,
  waitFor,
} from '@pushstream/test-kit';
import { infraEnv, infraBrokers } from './support/infra-env.js';

const RELAY = fileURLToPath(new URL('./fixtures/relay-consumer.ts', import.meta.url));
const children: ChildService[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('a consumer killed mid-batch', () => {
  it('loses nothing after restart (kill -9 of a real child process)', async () => {
    const test = testKafka(infraBrokers());
    const input = uniqueName('it-crash-in');
    const output = uniqueName('it-crash-out');
    const groupId = uniqueName('it-crash-group');
    const total = 1500;
    await createTestTopics(test, [
      { name: input, partitions: 3 },
      { name: output, partitions: 3 },
      { name: `${input}-dlq` },
    ]);
    const producer = test.producer();
    await producer.connect();
    await producer.send({
      topic: input,
      messages: Array.from({ length: total }, (_, i) => ({ key: `device-${i % 50}`, value: `event-${i}` })),
    });
    await producer.disconnect();

    const env = infraEnv({
      SERVICE_NAME: 'relay',
      LOG_LEVEL: 'info',
      INPUT_TOPIC: input,
      OUTPUT_TOPIC: output,
      DLQ_TOPIC: `${input}-dlq`,
      GROUP_ID: groupId,
      DELAY_MS: '2',
      CHUNK_SIZE: '25',
      SESSION_TIMEOUT_MS: '8000',
    });
    const first = new ChildService(RELAY, { env });
    children.push(first);
    // Kill once a good part of the input went through but well before the end: mid-batch by construction,
    // since each partition's first fetch holds far more than the records processed so far.
    await waitFor(
      'the first run to relay 300 records',
      async () => (await endOffsetTotal(test, output)) >= 300,
      { timeoutMs: 60_000 },
    );
    // A random extra moment, so the kill lands anywhere in a chunk: between handling, producing and committing.
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 200)));
    first.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const committedAtKill = await committedTotal(test, groupId, input);
    const relayedAtKill = await endOffsetTotal(test, output);
    expect(committedAtKill).toBeGreaterThan(0);
    expect(committedAtKill).toBeLessThan(total);

    const second = new ChildService(RELAY, { env: { ...env, DELAY_MS: '0' } });
    children.push(second);
    await waitFor(
      'the restarted consumer to commit every input record',
      async () => (await committedTotal(test, groupId, input)) === total,
      {
        timeoutMs: 90_000,
      },
    );
    const relayed = await readTopic(test, output);
    const values = relayed.map((record) => record.value?.toString());
    const unique = new Set(values);
    const expected = Array.from({ length: total }, (_, i) => `event-${i}`);
    expect(expected.filter((value) => !unique.has(value))).toEqual([]);
    expect(unique.size).toBe(total);
    // At-least-once: only the uncommitted tail of the killed run is relayed twice.
    expect(values.length - total).toBeLessThanOrEqual(relayedAtKill - committedAtKill);
    console.info(
      `crash test: ${total} records, committed ${committedAtKill} at kill, ${relayedAtKill} relayed, ${values.length - total} re-delivered after restart`,
    );
  });
});
