import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';
import { toConsumedRecord } from './consumed-record.js';
import type { ConsumedRecord } from './records.js';

/**
 * Reads every record a topic holds right now, from the beginning up to the end offsets seen at the start
 * (read_committed), handing each to `onRecord` in partition order — how stages restore state from
 * compacted topics. Uses a throw-away consumer group that commits nothing and is deleted afterwards.
 * Returns the number of records read.
 */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  onRecord: (record: ConsumedRecord) => void | Promise<void>,
  options: { timeoutMs?: number; partitions?: readonly number[] } = {},
): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `pushstream-restore-${randomUUID()}`;
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const wanted = new Set(options.partitions ?? offsets.map((entry) => entry.partition));
    const remaining = new Map<number, bigint>();
    for (const entry of offsets) {
      if (wanted.has(entry.partition) && BigInt(entry.high) > BigInt(entry.low))
        remaining.set(entry.partition, BigInt(entry.high));
    }
    if (remaining.size === 0) return 0;
    let count = 0;
    const consumer = kafka.consumer({
      groupId,
      readUncommitted: false,
      maxWaitTimeInMs: 200,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new PushstreamError(
                'KAFKA_UNAVAILABLE',
                `reading ${topic} to its end took longer than ${options.timeoutMs ?? 120_000} ms`,
              ),
            ),
          options.timeoutMs ?? 120_000,
        );
        consumer
          .run({
            autoCommit: false,
            eachBatch: async (payload) => {
              const { batch } = payload;
              const end = remaining.get(batch.partition);
              if (end === undefined) return;
              for (const message of batch.messages) {
                if (BigInt(message.offset) >= end) break;
                await onRecord(toConsumedRecord({ topic, partition: batch.partition }, message));
                count += 1;
                payload.resolveOffset(message.offset);
              }
              await payload.heartbeat();
              // Transaction markers occupy offsets no message has: the batch's last offset says how far we got.
              if (BigInt(batch.lastOffset()) + 1n >= end) remaining.delete(batch.partition);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch((error: unknown) => {
            clearTimeout(timer);
            reject(
              new PushstreamError('KAFKA_UNAVAILABLE', `reading ${topic} failed: ${errorMessage(error)}`, {
                cause: error,
              }),
            );
          });
      });
    } finally {
      await consumer.disconnect();
    }
    await admin.deleteGroups([groupId]).catch(() => undefined);
    return count;
  } finally {
    await admin.disconnect();
  }
}
