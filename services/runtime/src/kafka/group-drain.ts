import type { Kafka } from 'kafkajs';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';
import { toConsumedRecord } from './consumed-record.js';
import type { ConsumedRecord } from './records.js';

/** What `drainWithGroup` did. */
export interface GroupDrainResult {
  /** Records handed to `onBatch` (and committed). */
  readonly records: number;
  readonly ended: 'end' | 'aborted';
}

/**
 * Consumes a topic with a named consumer group from the group's committed offsets (the earliest without
 * any) up to the end offsets it has when called, committing each batch right after `onBatch` resolved —
 * so a run that is interrupted, or run again, resumes where the last one stopped and never hands a
 * committed record over twice. A rejected `onBatch` ends the drain without committing that batch.
 * For one-off operator jobs such as replaying a dead-letter topic.
 */
export async function drainWithGroup(
  kafka: Kafka,
  options: {
    groupId: string;
    topic: string;
    onBatch: (records: readonly ConsumedRecord[]) => Promise<void>;
    signal?: AbortSignal;
  },
): Promise<GroupDrainResult> {
  const { groupId, topic } = options;
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<number, bigint>();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committedBy = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    for (const entry of ends) {
      const start = committedBy.get(entry.partition) ?? -1n;
      const from = start < BigInt(entry.low) ? BigInt(entry.low) : start;
      if (from < BigInt(entry.high)) remaining.set(entry.partition, BigInt(entry.high));
    }
  } finally {
    await admin.disconnect();
  }
  if (remaining.size === 0) return { records: 0, ended: 'end' };
  if (options.signal?.aborted === true) return { records: 0, ended: 'aborted' };

  const consumer = kafka.consumer({
    groupId,
    readUncommitted: false,
    maxWaitTimeInMs: 200,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  let records = 0;
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    return await new Promise<GroupDrainResult>((resolve, reject) => {
      let settled = false;
      const done = (result: GroupDrainResult | Error) => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const onAbort = () => done({ records, ended: 'aborted' });
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const reached = (partition: number, lastOffset: string) => {
        const end = remaining.get(partition);
        if (end !== undefined && BigInt(lastOffset) + 1n >= end) remaining.delete(partition);
        if (remaining.size === 0) done({ records, ended: 'end' });
      };
      const kafkaFailure = (error: unknown) =>
        done(
          new PushstreamError(
            'KAFKA_UNAVAILABLE',
            `consuming ${topic} as ${groupId} failed: ${errorMessage(error)}`,
            {
              cause: error,
            },
          ),
        );
      consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
        reached(event.payload.partition, event.payload.lastOffset);
      });
      consumer.on(consumer.events.CRASH, (event) => kafkaFailure(event.payload.error));
      consumer
        .run({
          autoCommit: false,
          eachBatch: async (payload) => {
            const { batch } = payload;
            const end = remaining.get(batch.partition);
            if (settled || end === undefined) return;
            const taken = batch.messages
              .filter((message) => BigInt(message.offset) < end)
              .map((message) => toConsumedRecord({ topic, partition: batch.partition }, message));
            if (taken.length > 0) {
              try {
                await options.onBatch(taken);
              } catch (error) {
                done(error instanceof Error ? error : new Error(String(error)));
                return;
              }
              records += taken.length;
              const last = taken.at(-1)?.offset ?? batch.lastOffset();
              await consumer.commitOffsets([
                { topic, partition: batch.partition, offset: String(BigInt(last) + 1n) },
              ]);
            }
            payload.resolveOffset(batch.lastOffset());
            await payload.heartbeat();
          },
        })
        .catch(kafkaFailure);
    });
  } finally {
    await consumer.disconnect();
  }
}
