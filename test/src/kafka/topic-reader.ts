import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { endOffsetTotal } from './test-kafka.js';

/** A record read back from a topic by a test. */
export interface ReadRecord {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
}

/**
 * Reads a whole topic from the beginning with a throw-away group (read_committed) until the reader has
 * passed every offset that existed when it started — or `minRecords` records, when given — and returns
 * the records in partition/offset order. For a transactional topic pass `minRecords`: its high watermark
 * counts commit markers, which no reader ever sees.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  options: { minRecords?: number; timeoutMs?: number } = {},
): Promise<ReadRecord[]> {
  const target = options.minRecords ?? (await endOffsetTotal(kafka, topic));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const records: ReadRecord[] = [];
  const seenOffsets = new Map<number, number>();
  const consumer = kafka.consumer({
    groupId: `reader-${randomUUID()}`,
    readUncommitted: false,
    maxWaitTimeInMs: 200,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${records.length}/${target} records of ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      const progress = () => [...seenOffsets.values()].reduce((sum, next) => sum + next, 0);
      if (target === 0) {
        clearTimeout(timer);
        resolve();
        return;
      }
      void consumer.run({
        eachMessage: ({ partition, message }) => {
          records.push(toReadRecord(partition, message));
          seenOffsets.set(partition, Number(message.offset) + 1);
          const done = options.minRecords === undefined ? progress() >= target : records.length >= target;
          if (done) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

function toReadRecord(partition: number, message: KafkaMessage): ReadRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = (Array.isArray(value) ? value.at(-1) : value)?.toString() ?? '';
  }
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value,
    headers,
  };
}
