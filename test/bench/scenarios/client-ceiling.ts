import { randomUUID } from 'node:crypto';
import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { createTestTopics } from '@pushstream/test-kit';
import { CEILING_ROWS } from '../core/ceilings.ts';
import type { BenchContext, Scenario } from '../scenario.ts';
import type { Workload } from '../shell/workload.ts';

/** The runtime producer's settings (services/runtime/src/kafka/producer.ts): records per produce request. */
const PRODUCE_BATCH = 1000;
/** The runtime consumer loop's default: records per produce + commit step inside a fetched batch. */
const CHUNK = 500;

/**
 * The client ceiling: bare kafkajs with the runtime's batching — an idempotent producer (one request in
 * flight), acks=-1, gzip, at most 1000 records per request — first filling a topic (the produce-only
 * ceiling of the ingest stages), then a consume→produce passthrough of it: eachBatch, chunks of 500
 * produced, committed and resolved in turn, one partition at a time, as the runtime's consumer loop does.
 */
export function clientCeilingScenario(): Scenario {
  return {
    id: 'client-ceiling',
    rows: [
      {
        id: CEILING_ROWS.clientProduce,
        title: 'Client ceiling: kafkajs produce',
        kind: 'client-ceiling',
        unit: 'records/s',
      },
      {
        id: CEILING_ROWS.clientPassthrough,
        title: 'Client ceiling: kafkajs consume→produce',
        kind: 'client-ceiling',
        unit: 'records/s',
      },
    ],
    async run(context: BenchContext, runIndex: number) {
      const { kafka, workload, options } = context;
      const input = `${context.namePrefix}client-r${runIndex}.in`;
      const output = `${context.namePrefix}client-r${runIndex}.out`;
      await createTestTopics(kafka, [
        { name: input, partitions: workload.partitions },
        { name: output, partitions: workload.partitions },
      ]);
      // No RSS here: the loop runs inside the benchmark process, whose memory holds everything else too.
      const produceSeconds = await fill(kafka, input, workload, options.records);
      const passSeconds = await passthrough(kafka, input, output, options.records, context.namePrefix);
      return [
        { row: CEILING_ROWS.clientProduce, throughput: options.records / produceSeconds },
        { row: CEILING_ROWS.clientPassthrough, throughput: options.records / passSeconds },
      ];
    },
  };
}

function runtimeLikeProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
}

async function send(producer: Producer, topic: string, messages: Message[]): Promise<void> {
  await producer.sendBatch({
    acks: -1,
    compression: CompressionTypes.GZIP,
    topicMessages: [{ topic, messages }],
  });
}

/** Produces `count` workload records in requests of 1000; returns the seconds it took. */
async function fill(kafka: Kafka, topic: string, workload: Workload, count: number): Promise<number> {
  const producer = runtimeLikeProducer(kafka);
  await producer.connect();
  try {
    const started = performance.now();
    for (let start = 0; start < count; start += PRODUCE_BATCH) {
      const messages: Message[] = [];
      for (let i = start; i < Math.min(count, start + PRODUCE_BATCH); i += 1) {
        const index = i % workload.lines.length;
        messages.push({ key: workload.keys[index] ?? null, value: workload.lines[index] ?? '' });
      }
      await send(producer, topic, messages);
    }
    return (performance.now() - started) / 1000;
  } finally {
    await producer.disconnect();
  }
}

/**
 * Copies `count` records from `input` to `output`; returns the seconds from the first fetched batch to the
 * last committed chunk (group join excluded, as the stages are measured from their first record).
 */
async function passthrough(
  kafka: Kafka,
  input: string,
  output: string,
  count: number,
  namePrefix: string,
): Promise<number> {
  const producer = runtimeLikeProducer(kafka);
  const consumer = kafka.consumer({
    groupId: `${namePrefix}client-passthrough-${randomUUID().slice(0, 8)}`,
    sessionTimeout: 30_000,
    heartbeatInterval: 3000,
    maxWaitTimeInMs: 500,
    readUncommitted: false,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  await consumer.connect();
  let started: number | undefined;
  let copied = 0;
  try {
    await consumer.subscribe({ topics: [input], fromBeginning: true });
    const seconds = await new Promise<number>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: 1,
          eachBatch: async (payload) => {
            const { batch } = payload;
            started ??= performance.now();
            for (let start = 0; start < batch.messages.length; start += CHUNK) {
              if (!payload.isRunning() || payload.isStale()) return;
              const chunk = batch.messages.slice(start, start + CHUNK);
              await send(
                producer,
                output,
                chunk.map((message) => ({ key: message.key, value: message.value })),
              );
              const last = chunk.at(-1);
              if (last === undefined) continue;
              await consumer.commitOffsets([
                {
                  topic: batch.topic,
                  partition: batch.partition,
                  offset: (BigInt(last.offset) + 1n).toString(),
                },
              ]);
              payload.resolveOffset(last.offset);
              await payload.heartbeat();
              copied += chunk.length;
              if (copied >= count) resolve((performance.now() - (started ?? 0)) / 1000);
            }
          },
        })
        .catch(reject);
    });
    return seconds;
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
}
