import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  committedTotal,
  createTestTopics,
  readTopic,
  testKafka,
  uniqueName,
  waitFor,
} from '@pushstream/test-kit';
import { HEADERS, PushstreamError, createConsumerLoop, type ConsumerLoop } from '../src/index.js';
import { infraBrokers } from './support/infra-env.js';
import { loopDeps, type LoopDeps } from './support/loop-deps.js';

const KEYS = 12;
const PER_KEY = 8;
const MAX = 5;

describe('consumer loop with per-key concurrency against real Kafka', () => {
  const test = testKafka(infraBrokers());
  const input = uniqueName('it-conc-in');
  const output = uniqueName('it-conc-out');
  const dlq = uniqueName('it-conc-dlq');
  const groupId = uniqueName('it-conc-group');
  let deps: LoopDeps;
  let loop: ConsumerLoop | undefined;
  /** Input order of (key, n), as produced. */
  const produced: [string, number][] = [];

  beforeAll(async () => {
    await createTestTopics(test, [{ name: input, partitions: 1 }, { name: output }, { name: dlq }]);
    for (let n = 0; n < PER_KEY; n++) for (let k = 0; k < KEYS; k++) produced.push([`key-${k}`, n]);
    const inputProducer = test.producer();
    await inputProducer.connect();
    await inputProducer.send({
      topic: input,
      messages: produced.map(([key, n]) => ({ key, value: JSON.stringify({ key, n }) })),
    });
    await inputProducer.disconnect();
    deps = await loopDeps('loop-conc-it');
  });

  afterAll(async () => {
    await loop?.stop();
    await deps.producer.disconnect();
  });

  it('handles keys concurrently, each key in order, outputs in input order, all committed', async () => {
    const inFlightKeys = new Set<string>();
    let inFlight = 0;
    let maxInFlight = 0;
    const overlaps: string[] = [];
    const seenPerKey = new Map<string, number[]>();
    loop = createConsumerLoop({
      ...deps,
      groupId,
      topics: [input],
      dlqTopic: dlq,
      chunkSize: 500,
      concurrency: { perKey: true, max: MAX },
      handler: async (record) => {
        const { key, n } = JSON.parse(record.value?.toString() ?? '') as { key: string; n: number };
        if (inFlightKeys.has(key)) overlaps.push(key);
        inFlightKeys.add(key);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        seenPerKey.set(key, [...(seenPerKey.get(key) ?? []), n]);
        inFlight -= 1;
        inFlightKeys.delete(key);
        if (key === 'key-3' && n === 2) {
          return {
            reject: new PushstreamError('RECORD_SCHEMA_VIOLATION', 'n=2 of key-3 is bad'),
            headers: { 'x-detail': 'partner said no' },
          };
        }
        return { outputs: [{ topic: output, key, value: `${key}#${n}` }] };
      },
    });
    await loop.start();
    await waitFor(
      'every input record committed',
      async () => (await committedTotal(test, groupId, input)) === produced.length,
      { timeoutMs: 60_000 },
    );

    expect(overlaps).toEqual([]);
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(MAX);
    for (let k = 0; k < KEYS; k++) {
      expect(seenPerKey.get(`key-${k}`)).toEqual(Array.from({ length: PER_KEY }, (_, n) => n));
    }
    const outputs = await readTopic(test, output);
    const expected = produced
      .filter(([key, n]) => !(key === 'key-3' && n === 2))
      .map(([key, n]) => `${key}#${n}`);
    expect(outputs.map((record) => record.value?.toString())).toEqual(expected);
    const dead = await readTopic(test, dlq);
    expect(
      dead.map((record) => [record.key, record.headers[HEADERS.errorCode], record.headers['x-detail']]),
    ).toEqual([['key-3', 'RECORD_SCHEMA_VIOLATION', 'partner said no']]);
  });
});
