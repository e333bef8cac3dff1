import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { PushstreamError, errorMessage, isPushstreamError } from '../errors/pushstream-error.js';
import { toConsumedRecord } from './consumed-record.js';
import type { ConsumedRecord } from './records.js';

/** What reading changelog partitions found. */
export interface ChangelogReadResult {
  /** Records handed to `onRecord`. */
  readonly records: number;
  readonly durationMs: number;
}

/** Settings of a changelog read. */
export interface ChangelogReadOptions {
  /**
   * Give up (KAFKA_UNAVAILABLE) when no record or marker has been read for this long. A stall, not a
   * total: a restore of millions of keys that keeps reading is never cut off. @default 120000
   */
  readonly timeoutMs?: number;
}

/**
 * Reads partitions of a topic from their start to the end offsets they have now (read_committed), handing
 * every record to `onRecord` once, in offset order per partition (awaited when it returns a promise) — the
 * restore of per-partition state.
 * - `partitions: 'all'` reads every partition.
 * - It ends on offsets taken by transaction markers too: a changelog whose last transaction was aborted
 *   ends with an abort marker no record is delivered for.
 * - A batch kafkajs delivers again (a retried fetch, a rejoin of the throw-away group, which restarts from
 *   the beginning since it commits nothing) is skipped up to the offset already read, so no record reaches
 *   `onRecord` twice and an older value never overwrites a newer one.
 * Call it only after fencing the partitions' transactional writers, so no transaction is open in them.
 */
export async function readChangelogPartitions(
  kafka: Kafka,
  topic: string,
  partitions: readonly number[] | 'all',
  onRecord: (record: ConsumedRecord) => unknown,
  options: ChangelogReadOptions = {},
): Promise<ChangelogReadResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 120_000;
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `pushstream-restore-${randomUUID()}`;
  let records = 0;
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const wanted = new Set(partitions === 'all' ? ends.map((entry) => entry.partition) : partitions);
    /** Partition → end offset, for partitions not read to their end yet. */
    const remaining = new Map<number, bigint>();
    for (const entry of ends) {
      if (wanted.has(entry.partition) && BigInt(entry.high) > BigInt(entry.low))
        remaining.set(entry.partition, BigInt(entry.high));
    }
    if (remaining.size === 0) return { records: 0, durationMs: performance.now() - started };
    /** Partition → offset of the next record not yet handed over. */
    const position = new Map<number, bigint>();
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
        // Progress = records handed over plus positions advanced by marker-only batches, checked by a
        // watchdog rather than a timer re-armed per record (a million-key restore would pay for that).
        let markerAdvances = 0;
        let progressSeen = -1;
        let idleSince = performance.now();
        const timer = setInterval(
          () => {
            const progress = records + markerAdvances;
            if (progress !== progressSeen) {
              progressSeen = progress;
              idleSince = performance.now();
            } else if (performance.now() - idleSince >= timeoutMs) {
              clearInterval(timer);
              reject(
                new PushstreamError(
                  'KAFKA_UNAVAILABLE',
                  `reading ${topic} partitions ${[...remaining.keys()].join(',')} made no progress for ${timeoutMs} ms`,
                ),
              );
            }
          },
          Math.min(1000, Math.max(10, timeoutMs / 4)),
        );
        const reached = (partition: number, next: bigint) => {
          if (next > (position.get(partition) ?? 0n)) {
            position.set(partition, next);
            markerAdvances += 1;
          }
          const end = remaining.get(partition);
          if (end !== undefined && next >= end) remaining.delete(partition);
          if (remaining.size === 0) {
            clearInterval(timer);
            resolve();
          }
        };
        // kafkajs reports batches of only markers or aborted records here, never to eachBatch. A batch whose
        // records all lie before the fetch offset has no first offset, and its last offset is the fetch
        // offset itself: nothing at or after it was seen yet.
        // An error thrown by `onRecord` (a record that does not decode) crashes the consumer for good: fail
        // with it now, not after the timeout. kafkajs restarts the consumer itself after transient errors.
        consumer.on(consumer.events.CRASH, (event) => {
          if (event.payload.restart) return;
          clearInterval(timer);
          const { error } = event.payload;
          reject(
            isPushstreamError(error)
              ? error
              : new PushstreamError('KAFKA_UNAVAILABLE', `reading ${topic} failed: ${errorMessage(error)}`, {
                  cause: error,
                }),
          );
        });
        consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
          const last = BigInt(event.payload.lastOffset);
          reached(event.payload.partition, event.payload.firstOffset === null ? last : last + 1n);
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
              const from = position.get(batch.partition) ?? 0n;
              for (const message of batch.messages) {
                const offset = BigInt(message.offset);
                if (offset >= end) break;
                if (offset < from) continue;
                const handled = onRecord(toConsumedRecord({ topic, partition: batch.partition }, message));
                // Awaited only when asynchronous: a microtask per record would slow a million-key restore.
                if (handled instanceof Promise) await handled;
                records += 1;
                position.set(batch.partition, offset + 1n);
              }
              payload.resolveOffset(batch.lastOffset());
              await payload.heartbeat();
            },
          })
          .catch((error: unknown) => {
            clearInterval(timer);
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
