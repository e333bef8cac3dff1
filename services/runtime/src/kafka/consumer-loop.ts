import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { PushstreamError, errorMessage, isPushstreamError } from '../errors/pushstream-error.js';
import type { HealthState } from '../http/health-state.js';
import type { Logger } from '../logging/logger.js';
import type { PipelineMetrics } from '../metrics/pipeline-metrics.js';
import { AssignmentTracker, partitionsOf } from './assignment-tracker.js';
import { deadLetterRecord } from './dead-letter.js';
import type { PipelineProducer } from './producer.js';
import { toConsumedRecord } from './consumed-record.js';
import { PartitionRestorer } from './partition-restorer.js';
import { partitionId, type ConsumedRecord, type OutputRecord, type TopicPartition } from './records.js';
import { retryInPlace, type BackoffOptions } from './retry-in-place.js';

/**
 * What a handler made of one record: outputs to produce (none = filtered), or a rejection to dead-letter.
 * A rejection may add headers to its dead letter (e.g. a partner's response), next to the error headers.
 */
export type RecordResult =
  | { readonly outputs: readonly OutputRecord[] }
  | { readonly reject: PushstreamError; readonly headers?: Readonly<Record<string, string>> };

/**
 * Processes one record. Returning `{ reject }` or throwing a non-retriable PushstreamError dead-letters the
 * record; throwing a retriable one retries it in place; any other thrown error is a bug and dead-letters
 * the record with PROCESSING_FAILED so the stage keeps going.
 */
export type RecordHandler = (record: ConsumedRecord) => RecordResult | Promise<RecordResult>;

/** Rebalance hooks, for stages that keep per-partition state. */
export interface PartitionHooks {
  /**
   * Restore state of newly assigned partitions; their records are not processed before it resolves.
   *
   * Must be idempotent: when it throws a transient Kafka error (see `isTransientKafkaError`) the loop
   * calls it again for the partitions still assigned, after a backoff, for up to `restoreRetryMs`; so each
   * call must reset or replace whatever state of those partitions an earlier, failed call left, never add
   * to it. Any other error, or transient ones past the retry time, mark the member dead.
   */
  onAssigned?(partitions: readonly TopicPartition[]): Promise<void>;
  /**
   * Drop state of partitions this member no longer owns. Also called again for partitions whose restore
   * finished after they were revoked, so it must tolerate partitions it holds no state for.
   */
  onRevoked?(partitions: readonly TopicPartition[]): void | Promise<void>;
}

/**
 * Handler concurrency within a chunk. `perKey`: records of different keys are handled concurrently (at
 * most `max` keys at once) while the records of one key stay strictly sequential; outputs are still
 * produced in input order and the chunk is committed only after all of them are acknowledged.
 */
export interface HandlerConcurrency {
  readonly perKey: true;
  /** Keys handled at once per chunk (per partition). */
  readonly max: number;
}

/** Settings of a consumer loop. */
export interface ConsumerLoopOptions {
  readonly kafka: Kafka;
  /** The service name: the `stage` of metrics and DLQ headers. */
  readonly stage: string;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: RecordHandler;
  readonly producer: PipelineProducer;
  readonly dlqTopic: string;
  readonly metrics: PipelineMetrics;
  readonly logger: Logger;
  readonly health?: HealthState;
  readonly hooks?: PartitionHooks;
  /** Where a group without committed offsets starts. @default true (earliest) */
  readonly fromBeginning?: boolean;
  /** Records per produce+commit step inside a fetched batch. @default 500 */
  readonly chunkSize?: number;
  /** Partitions processed at once (each still in order). @default 1 */
  readonly partitionsConsumedConcurrently?: number;
  /** Run handlers of different keys concurrently within a chunk. @default sequential, one record at a time */
  readonly concurrency?: HandlerConcurrency;
  /** @default 30000 */
  readonly sessionTimeoutMs?: number;
  /** @default 3000 */
  readonly heartbeatIntervalMs?: number;
  /** @default 60000 */
  readonly rebalanceTimeoutMs?: number;
  /** Longest a fetch waits for data; also how long a stop may wait for the fetch in flight. @default 500 (Java's fetch.max.wait.ms) */
  readonly maxWaitTimeMs?: number;
  /** Backoff of in-place retries (produce failures, retriable handler errors, the assignment hook). */
  readonly retry?: BackoffOptions;
  /** How long `hooks.onAssigned` is retried on transient Kafka errors before the member is marked dead. @default 120000 */
  readonly restoreRetryMs?: number;
  readonly clock?: () => Date;
}

/** A running consumer group member. */
export interface ConsumerLoop {
  /** Connects, joins the group and starts processing. */
  start(): Promise<void>;
  /** Stops fetching, lets the in-flight chunk finish and commit, leaves the group, disconnects. */
  stop(): Promise<void>;
  /** Stops fetching from these partitions until resumed (e.g. a partner is down). */
  pause(partitions: readonly TopicPartition[]): void;
  resume(partitions: readonly TopicPartition[]): void;
  /** This member's current assignment. */
  assignment(): TopicPartition[];
}

const READY_KEY = 'consumer';

/**
 * The consumer loop of a stage: at-least-once with offsets committed only after every output of the
 * processed records (and every dead letter) is acknowledged by Kafka; heartbeats kept up during long
 * batches; state restored before a newly assigned partition is processed.
 */
export function createConsumerLoop(options: ConsumerLoopOptions): ConsumerLoop {
  const { stage, metrics, logger, producer } = options;
  const chunkSize = options.chunkSize ?? 500;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3000;
  const clock = options.clock ?? (() => new Date());
  const assignment = new AssignmentTracker();
  let running = false;

  const consumer: Consumer = options.kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    rebalanceTimeout: options.rebalanceTimeoutMs ?? 60_000,
    heartbeatInterval: heartbeatIntervalMs,
    maxWaitTimeInMs: options.maxWaitTimeMs ?? 500,
    allowAutoTopicCreation: false,
    readUncommitted: false,
    retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 30_000 },
  });

  options.health?.setNotReady(READY_KEY, 'consumer has not joined its group yet');

  const restorer = new PartitionRestorer({
    onAssigned: options.hooks?.onAssigned?.bind(options.hooks),
    onRevoked: options.hooks?.onRevoked?.bind(options.hooks),
    backoff: options.retry,
    retryMs: options.restoreRetryMs,
    isRunning: () => running,
    onRetry: (error, attempt, delayMs, partitions) => {
      metrics.retries.inc({ stage, reason: isPushstreamError(error) ? error.code : 'KAFKA_UNAVAILABLE' });
      logger.warn(
        { err: error, attempt, delayMs, partitions: partitions.map(partitionId) },
        'restoring state of assigned partitions failed transiently; retrying',
      );
    },
    onRevokeFailed: (error) => logger.error({ err: error }, 'partition revoke hook failed'),
  });
  /** Restores not settled yet: the member is ready only when there are none. */
  const pendingRestores = new Set<Promise<unknown>>();

  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    metrics.rebalances.inc({ stage });
    const partitions = partitionsOf(event.payload.memberAssignment);
    const { added, removed } = assignment.update(partitions);
    metrics.assignedPartitions.set({ stage }, partitions.length);
    logger.info(
      {
        assigned: partitions.length,
        added: added.length,
        removed: removed.length,
        memberId: event.payload.memberId,
      },
      'joined consumer group',
    );
    if (removed.length > 0) void restorer.revoke(removed);
    const restore = added.length > 0 ? restorer.restore(added) : Promise.resolve('restored' as const);
    // Processing of the added partitions waits for the restore; an abandoned one lets it return unprocessed.
    const restored = restore.then(() => undefined);
    // A failure is handled below (the member is marked dead); a batch that waits on it fails too.
    restored.catch(() => undefined);
    assignment.trackRestore(added, restored);
    pendingRestores.add(restore);
    options.health?.setNotReady(READY_KEY, 'restoring state of assigned partitions');
    restore.then(
      () => {
        pendingRestores.delete(restore);
        if (pendingRestores.size === 0 && running) options.health?.setReady(READY_KEY);
      },
      (error: unknown) => {
        pendingRestores.delete(restore);
        logger.error(
          { err: error, partitions: added.map(partitionId) },
          'restoring state of assigned partitions failed',
        );
        // Their records can never be processed by this member now: let the orchestrator restart it.
        options.health?.markDead(`restoring state of assigned partitions failed: ${errorMessage(error)}`);
      },
    );
  });
  consumer.on(consumer.events.CRASH, (event) => {
    logger.error({ err: event.payload.error, restart: event.payload.restart }, 'consumer crashed');
    // A failed restore crashes the consumer too (its batches throw the restore's error): keep that first reason.
    if (!event.payload.restart && options.health?.liveness().ok === true)
      options.health.markDead(`consumer crashed: ${errorMessage(event.payload.error)}`);
  });

  async function handle(
    record: ConsumedRecord,
    shouldContinue: () => boolean,
  ): Promise<RecordResult | undefined> {
    const outcome = await retryInPlace(
      async () => {
        try {
          return await options.handler(record);
        } catch (error) {
          if (isPushstreamError(error)) {
            if (error.retriable) throw error;
            return { reject: error };
          }
          return {
            reject: new PushstreamError('PROCESSING_FAILED', `handler failed: ${errorMessage(error)}`, {
              cause: error,
            }),
          };
        }
      },
      {
        ...options.retry,
        shouldContinue,
        onRetry: (error, attempt, delayMs) => {
          metrics.retries.inc({ stage, reason: isPushstreamError(error) ? error.code : 'PROCESSING_FAILED' });
          logger.warn(
            {
              err: error,
              attempt,
              delayMs,
              topic: record.topic,
              partition: record.partition,
              offset: record.offset,
            },
            'retriable handler error; retrying in place',
          );
        },
      },
    );
    return outcome.ok ? outcome.value : undefined;
  }

  async function processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const tp = { topic: batch.topic, partition: batch.partition };
    const isActive = () => running && payload.isRunning() && !payload.isStale();
    const heartbeat = setInterval(() => {
      payload
        .heartbeat()
        .catch((error: unknown) => logger.debug({ err: error }, 'heartbeat during batch failed'));
    }, heartbeatIntervalMs);
    const started = process.hrtime.bigint();
    try {
      await assignment.restored(tp);
      // The restore was abandoned (stopping) or the partition revoked meanwhile: its state is not here.
      if (!isActive() || !assignment.partitions().some((owned) => partitionId(owned) === partitionId(tp)))
        return;
      for (let start = 0; start < batch.messages.length; start += chunkSize) {
        if (!isActive()) return;
        const chunk = batch.messages.slice(start, start + chunkSize);
        const step = await processChunk(tp, chunk, isActive);
        if (step === undefined) return;
        const sent = await retryInPlace(() => producer.send(step.outputs), {
          ...options.retry,
          shouldContinue: isActive,
          onRetry: (error, attempt, delayMs) => {
            metrics.retries.inc({ stage, reason: 'KAFKA_PRODUCE_FAILED' });
            logger.warn({ err: error, attempt, delayMs }, 'produce failed; retrying in place');
          },
        });
        if (!sent.ok) return;
        const lastOffset = lastOf(chunk).offset;
        await consumer.commitOffsets([{ ...tp, offset: (BigInt(lastOffset) + 1n).toString() }]);
        payload.resolveOffset(lastOffset);
        countStep(step);
        await payload.heartbeat();
      }
      metrics.consumerLag.set(
        { stage, topic: tp.topic, partition: String(tp.partition) },
        Number(batch.offsetLag()),
      );
    } finally {
      clearInterval(heartbeat);
      metrics.batchDuration.observe({ stage }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  interface ChunkStep {
    outputs: OutputRecord[];
    emitted: number;
    filtered: number;
    deadLettered: Map<string, number>;
  }

  async function processChunk(
    tp: TopicPartition,
    chunk: readonly KafkaMessage[],
    shouldContinue: () => boolean,
  ): Promise<ChunkStep | undefined> {
    const nowMs = clock().getTime();
    const records = chunk.map((message) => {
      const record = toConsumedRecord(tp, message);
      metrics.recordsConsumed.inc({ stage, topic: tp.topic });
      metrics.recordAge.observe({ stage, topic: tp.topic }, Math.max(0, nowMs - record.timestampMs) / 1000);
      return record;
    });
    const results =
      options.concurrency === undefined
        ? await handleSequentially(records, shouldContinue)
        : await handleConcurrentlyByKey(records, options.concurrency.max, shouldContinue);
    if (results === undefined) return undefined;
    const step: ChunkStep = { outputs: [], emitted: 0, filtered: 0, deadLettered: new Map() };
    records.forEach((record, index) => {
      const result = results[index];
      if (result === undefined) throw new Error(`record ${record.offset} has no result`);
      if ('reject' in result) {
        logger.warn(
          {
            code: result.reject.code,
            topic: record.topic,
            partition: record.partition,
            offset: record.offset,
            reason: result.reject.message,
          },
          'record dead-lettered',
        );
        const deadLetter = deadLetterRecord({
          dlqTopic: options.dlqTopic,
          stage,
          record,
          error: result.reject,
          now: clock(),
        });
        step.outputs.push(
          result.headers === undefined
            ? deadLetter
            : { ...deadLetter, headers: { ...result.headers, ...deadLetter.headers } },
        );
        step.deadLettered.set(result.reject.code, (step.deadLettered.get(result.reject.code) ?? 0) + 1);
      } else if (result.outputs.length === 0) {
        step.filtered += 1;
      } else {
        step.outputs.push(...result.outputs);
        step.emitted += 1;
      }
    });
    return step;
  }

  /** One record after the other; undefined when the loop stopped first. */
  async function handleSequentially(
    records: readonly ConsumedRecord[],
    shouldContinue: () => boolean,
  ): Promise<RecordResult[] | undefined> {
    const results: RecordResult[] = [];
    for (const record of records) {
      const result = await handle(record, shouldContinue);
      if (result === undefined) return undefined;
      results.push(result);
    }
    return results;
  }

  /**
   * Keys concurrently (at most `max` at once), each key's records in order; results by input position;
   * undefined when the loop stopped before every record was handled.
   */
  async function handleConcurrentlyByKey(
    records: readonly ConsumedRecord[],
    max: number,
    shouldContinue: () => boolean,
  ): Promise<(RecordResult | undefined)[] | undefined> {
    const results = new Array<RecordResult | undefined>(records.length);
    const queue = [...groupIndexesByKey(records).values()];
    let stopped = false;
    const worker = async (): Promise<void> => {
      for (let group = queue.shift(); group !== undefined && !stopped; group = queue.shift()) {
        for (const index of group) {
          const record = records[index];
          if (record === undefined) continue;
          const result = await handle(record, shouldContinue);
          if (result === undefined) {
            stopped = true;
            return;
          }
          results[index] = result;
        }
      }
    };
    const workers = Math.max(1, Math.min(max, queue.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return stopped ? undefined : results;
  }

  function countStep(step: ChunkStep): void {
    metrics.recordsProcessed.inc({ stage, outcome: 'emitted' }, step.emitted);
    metrics.recordsProcessed.inc({ stage, outcome: 'filtered' }, step.filtered);
    let deadLettered = 0;
    for (const [reason, count] of step.deadLettered) {
      metrics.deadLettered.inc({ stage, reason }, count);
      deadLettered += count;
    }
    metrics.recordsProcessed.inc({ stage, outcome: 'dead_lettered' }, deadLettered);
    for (const output of step.outputs) metrics.recordsProduced.inc({ stage, topic: output.topic });
    metrics.lastProcessed.set({ stage }, Date.now() / 1000);
  }

  return {
    async start() {
      running = true;
      await consumer.connect();
      await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
        eachBatch: processBatch,
      });
    },
    async stop() {
      running = false;
      restorer.stop();
      options.health?.setNotReady(READY_KEY, 'consumer is stopping');
      // kafkajs: stop fetching, wait for the batch in flight, leave the group, close connections.
      await consumer.disconnect();
    },
    pause: (partitions) => consumer.pause(groupByTopic(partitions)),
    resume: (partitions) => consumer.resume(groupByTopic(partitions)),
    assignment: () => assignment.partitions(),
  };
}

/** Input positions per record key (null keys form one group), in first-seen order. */
export function groupIndexesByKey(
  records: readonly Pick<ConsumedRecord, 'key'>[],
): Map<string | null, number[]> {
  const groups = new Map<string | null, number[]>();
  records.forEach((record, index) => {
    const key = record.key === null ? null : record.key.toString('latin1');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });
  return groups;
}

function groupByTopic(partitions: readonly TopicPartition[]): { topic: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions)
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
  return [...byTopic].map(([topic, list]) => ({ topic, partitions: list }));
}

function lastOf<T>(items: readonly T[]): T {
  const last = items.at(-1);
  if (last === undefined) throw new Error('empty chunk');
  return last;
}
