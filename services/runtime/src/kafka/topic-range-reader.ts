import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';
import { toConsumedRecord } from './consumed-record.js';
import type { ConsumedRecord } from './records.js';

/** Where to start reading one partition, and (optionally) the offset to stop before. */
export interface PartitionRange {
  readonly partition: number;
  /** First offset to read. */
  readonly from: string;
  /** Exclusive end; omitted = keep reading new records (follow). */
  readonly until?: string;
}

/** What `readTopicRange` did. */
export interface TopicRangeResult {
  readonly records: number;
  /** Why it ended: every range reached its end, the handler asked to stop, or the signal aborted. */
  readonly ended: 'end' | 'stopped' | 'aborted';
}

/**
 * Reads chosen partitions of a topic from chosen offsets (read_committed), handing each record to
 * `onRecord` in partition order, without joining any real consumer group: a throw-away group that commits
 * nothing seeks to the start offsets and is deleted afterwards. It ends when every range with an `until`
 * is read to it (ranges without one are followed until `signal` aborts or `onRecord` returns 'stop').
 * Partitions not listed are never handed over. For operator tools (tail, per-device reads, dry runs).
 */
export async function readTopicRange(
  kafka: Kafka,
  topic: string,
  ranges: readonly PartitionRange[],
  onRecord: (record: ConsumedRecord) => 'stop' | undefined | Promise<'stop' | undefined>,
  options: { signal?: AbortSignal; maxWaitTimeMs?: number } = {},
): Promise<TopicRangeResult> {
  const following = ranges.some((range) => range.until === undefined);
  const remaining = new Map<number, bigint | undefined>();
  const starts = new Map<number, bigint>();
  for (const range of ranges) {
    starts.set(range.partition, BigInt(range.from));
    if (range.until === undefined || BigInt(range.from) < BigInt(range.until))
      remaining.set(range.partition, range.until === undefined ? undefined : BigInt(range.until));
  }
  if (remaining.size === 0 || options.signal?.aborted === true)
    return { records: 0, ended: options.signal?.aborted === true ? 'aborted' : 'end' };

  const groupId = `pushstream-reader-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  let records = 0;
  try {
    const consumer = kafka.consumer({
      groupId,
      readUncommitted: false,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 200,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    let ended: TopicRangeResult['ended'] = 'end';
    try {
      // Partitions not asked for start at their end (no committed offset, not from the beginning).
      await consumer.subscribe({ topics: [topic], fromBeginning: false });
      await new Promise<void>((resolve, reject) => {
        let settled = false;
        const finish = (why: TopicRangeResult['ended']) => {
          if (settled) return;
          settled = true;
          ended = why;
          options.signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const fail = (error: unknown, fromHandler = false) => {
          if (settled) return;
          settled = true;
          options.signal?.removeEventListener('abort', onAbort);
          reject(
            error instanceof PushstreamError || (fromHandler && error instanceof Error)
              ? error
              : new PushstreamError('KAFKA_UNAVAILABLE', `reading ${topic} failed: ${errorMessage(error)}`, {
                  cause: error,
                }),
          );
        };
        const onAbort = () => finish('aborted');
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const reached = (partition: number, lastOffset: string) => {
          if (!remaining.has(partition)) return;
          const end = remaining.get(partition);
          if (end !== undefined && BigInt(lastOffset) + 1n >= end) remaining.delete(partition);
          if (remaining.size === 0 && !following) finish('end');
        };
        // kafkajs reports batches holding only transaction markers here, never to eachBatch.
        consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
          reached(event.payload.partition, event.payload.lastOffset);
        });
        const running = consumer.run({
          autoCommit: false,
          eachBatch: async (payload) => {
            const { batch } = payload;
            if (!remaining.has(batch.partition)) {
              consumer.pause([{ topic, partitions: [batch.partition] }]);
              return;
            }
            const end = remaining.get(batch.partition);
            const start = starts.get(batch.partition) ?? 0n;
            for (const message of batch.messages) {
              if (settled) return;
              const offset = BigInt(message.offset);
              if (offset < start) continue;
              if (end !== undefined && offset >= end) break;
              records += 1;
              let verdict: 'stop' | undefined;
              try {
                verdict = await onRecord(toConsumedRecord({ topic, partition: batch.partition }, message));
              } catch (error) {
                // The handler's own error ends the read as is; kafkajs would retry the batch.
                fail(error, true);
                return;
              }
              if (verdict === 'stop') {
                finish('stopped');
                return;
              }
            }
            payload.resolveOffset(batch.lastOffset());
            await payload.heartbeat();
          },
        });
        // Seeks given right after run() (before its first fetch) are where the reading starts.
        for (const partition of remaining.keys())
          consumer.seek({ topic, partition, offset: String(starts.get(partition) ?? 0n) });
        running.catch(fail);
        consumer.on(consumer.events.CRASH, (event) => fail(event.payload.error));
      });
    } finally {
      await consumer.disconnect();
    }
    await admin.deleteGroups([groupId]).catch(() => undefined);
    return { records, ended };
  } finally {
    await admin.disconnect();
  }
}
