import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ChildService, createTestTopics, testKafka, uniqueName, waitFor } from '@pushstream/test-kit';
import { createConsumerLoop } from '../src/index.js';
import { loopDeps } from './support/loop-deps.js';
import { infraBrokers, infraEnv } from './support/infra-env.js';

const RELAY = fileURLToPath(new URL('./fixtures/relay-consumer.ts', import.meta.url));
const children: ChildService[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('a SIGTERMed consumer', () => {
  it('leaves the group, so the other member owns every partition long before the session timeout', async () => {
    const brokers = infraBrokers();
    const test = testKafka(brokers);
    const input = uniqueName('it-leave-in');
    const groupId = uniqueName('it-leave-group');
    const sessionTimeoutMs = 30_000;
    await createTestTopics(test, [
      { name: input, partitions: 4 },
      { name: `${input}-out` },
      { name: `${input}-dlq` },
    ]);

    const child = new ChildService(RELAY, {
      env: infraEnv({
        SERVICE_NAME: 'relay',
        LOG_LEVEL: 'info',
        INPUT_TOPIC: input,
        OUTPUT_TOPIC: `${input}-out`,
        DLQ_TOPIC: `${input}-dlq`,
        GROUP_ID: groupId,
        SESSION_TIMEOUT_MS: String(sessionTimeoutMs),
      }),
    });
    children.push(child);
    await child.waitForLine(
      'joined with 4 partitions',
      (line) => line.msg === 'joined consumer group' && line.assigned === 4,
    );

    const deps = await loopDeps('leave-it');
    const { producer } = deps;
    const member = createConsumerLoop({
      ...deps,
      groupId,
      topics: [input],
      dlqTopic: `${input}-dlq`,
      sessionTimeoutMs,
      heartbeatIntervalMs: 500,
      handler: () => ({ outputs: [] }),
    });
    try {
      await member.start();
      await waitFor('the group to split the 4 partitions', () => member.assignment().length === 2, {
        timeoutMs: 60_000,
        lastSeen: () => member.assignment(),
      });

      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const exit = await child.exited;
      await waitFor('the remaining member to own all 4 partitions', () => member.assignment().length === 4, {
        timeoutMs: sessionTimeoutMs,
        lastSeen: () => member.assignment(),
      });
      const takeoverMs = Date.now() - signalledAt;

      expect(exit.code).toBe(0);
      const finished = child.lines.find((line) => line.msg === 'shutdown finished');
      expect(finished).toMatchObject({
        signal: 'SIGTERM',
        completed: ['mark not ready', 'stop service', 'flush producer', 'close ops server'],
        failed: 0,
        timedOut: false,
      });
      // Without a LeaveGroup the coordinator would wait for the 30 s session timeout.
      expect(takeoverMs).toBeLessThan(sessionTimeoutMs / 2);
      console.info(
        `leave test: partitions taken over ${takeoverMs} ms after SIGTERM (session timeout ${sessionTimeoutMs} ms)`,
      );
    } finally {
      await member.stop();
      await producer.disconnect();
    }
  });
});
