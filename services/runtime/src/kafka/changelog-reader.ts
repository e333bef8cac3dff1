import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';
import { toConsumedRecord } from './consumed-record.js';
import type { ConsumedRecord } from './records.js';

/** What reading changelog partitions found. */
export interface ChangelogReadResult {
  /** Records handed to `onRecord`. */
  readonly records: number;
  readonly durationMs: number;
}

/**
 * Reads partitions of a changelog topic from their start to the end offsets they have now (read_committed),
 * handing every record to `onRecord` in partition order — the restore of per-partition state. Unlike
 * `readTopicToEnd` it ends on offsets taken by transaction markers too (a changelog whose last transaction
 * was aborted ends with an abort marker no record is delivered for), and it reads only `partitions`.
 * Call it only after fencing the changelog's writers, so no transaction is open in these partitions.
 */
export async function readChangelogPartitions(
  kafka: Kafka,
  topic: string,
  partitions: readonly number[],
  onRecord: (record: ConsumedRecord) => void,
  options: { timeoutMs?: number } = {},
): Promise<ChangelogReadResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 120_000;
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `pushstream-restore-${randomUUID()}`;
  let records = 0;
  try {
    const wanted = new Set(partitions);
    const remaining = new Map<number, bigint>();
    for (const entry of await admin.fetchTopicOffsets(topic)) {
      if (wanted.has(entry.partition) && BigInt(entry.high) > BigInt(entry.low))
        remaining.set(entry.partition, BigInt(entry.high));
    }
    if (remaining.size === 0) return { records: 0, durationMs: performance.now() - started };
    const consumer = kafka.consumer({
      groupId,
      readUncommitted: false,
      maxWaitTimeInMs: 100,
      maxBytesPerPartition: 4 * 1024 * 1024,
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
                `restoring from ${topic} partitions ${[...remaining.keys()].join(',')} took longer than ${timeoutMs} ms`,
              ),
            ),
          timeoutMs,
        );
        const reached = (partition: number, lastOffset: string) => {
          const end = remaining.get(partition);
          if (end !== undefined && BigInt(lastOffset) + 1n >= end) remaining.delete(partition);
          if (remaining.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        };
        // kafkajs reports batches of only markers or aborted records here, never to eachBatch.
        consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
          reached(event.payload.partition, event.payload.lastOffset);
        });
        consumer
          .run({
            autoCommit: false,
            eachBatch: async (payload) => {
              const { batch } = payload;
              const end = remaining.get(batch.partition);
              if (end === undefined) {
                // Not wanted (or done): stop fetching it.
                consumer.pause([{ topic, partitions: [batch.partition] }]);
                return;
              }
              for (const message of batch.messages) {
                if (BigInt(message.offset) >= end) break;
                onRecord(toConsumedRecord({ topic, partition: batch.partition }, message));
                records += 1;
              }
              payload.resolveOffset(batch.lastOffset());
              await payload.heartbeat();
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
    return { records, durationMs: performance.now() - started };
  } finally {
    await admin.disconnect();
  }
}
