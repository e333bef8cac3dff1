import type { Admin, Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { PushstreamError, errorMessage, isPushstreamError } from '../errors/pushstream-error.js';
import type { HealthState } from '../http/health-state.js';
import type { Logger } from '../logging/logger.js';
import type { PipelineMetrics } from '../metrics/pipeline-metrics.js';
import { partitionsOf } from './assignment-tracker.js';
import { toConsumedRecord } from './consumed-record.js';
import type { RecordResult } from './consumer-loop.js';
import { deadLetterRecord } from './dead-letter.js';
import { PartitionProducer } from './partition-producer.js';
import { partitionId, type ConsumedRecord, type OutputRecord, type TopicPartition } from './records.js';
import { retryInPlace, type BackoffOptions } from './retry-in-place.js';

/**
 * The processing state of one input partition under exactly-once processing. `process` handles records in
 * offset order and returns their outputs (state changelog records included) or a rejection; state changes
 * it makes are staged until the loop reports the fate of the transaction holding those outputs.
 */
export interface PartitionTask {
  /** One record; throwing a retriable PushstreamError redoes the whole step, any other throw dead-letters it. */
  process(record: ConsumedRecord): RecordResult | Promise<RecordResult>;
  /** The transaction holding everything processed since the last commit/abort committed. */
  commit(): void;
  /** It aborted: forget everything staged since the last commit. */
  abort(): void;
  /** The partition is no longer processed here (revoked, fenced, stopping). */
  close?(): void;
}

/** Builds the tasks of newly owned partitions; runs after they are fenced, so state read now is final. */
export type OpenTasks = (partitions: readonly TopicPartition[]) => Promise<readonly PartitionTask[]>;

/** Settings of a transactional loop. */
export interface TransactionalLoopOptions {
  readonly kafka: Kafka;
  /** The service name: `stage` of metrics and DLQ headers. */
  readonly stage: string;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly openTasks: OpenTasks;
  readonly dlqTopic: string;
  readonly metrics: PipelineMetrics;
  readonly logger: Logger;
  readonly health?: HealthState;
  /** Prefix of every transactional id (one per input partition). @default '' */
  readonly transactionalIdPrefix?: string;
  /** Records per transaction at most. @default 1000 */
  readonly chunkSize?: number;
  /** Partitions processed at once (each in order, each with its own producer). @default 4 */
  readonly partitionsConsumedConcurrently?: number;
  readonly fromBeginning?: boolean;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  readonly rebalanceTimeoutMs?: number;
  readonly maxWaitTimeMs?: number;
  readonly retry?: BackoffOptions;
  readonly compression?: 'gzip' | 'none';
  readonly clock?: () => Date;
}

/** A running exactly-once consumer group member. */
export interface TransactionalLoop {
  start(): Promise<void>;
  /** Stops fetching, lets in-flight transactions finish, leaves the group, closes the producers. */
  stop(): Promise<void>;
  /** Partitions whose task is open here. */
  openPartitions(): TopicPartition[];
}

interface Slot {
  readonly tp: TopicPartition;
  producer: PartitionProducer | undefined;
  task: PartitionTask | undefined;
  /** Offset of the next record to process, as committed in Kafka when the slot opened; then ours. */
  nextOffset: bigint | undefined;
  /** Settles when the slot is open (fenced, position fetched, state restored). */
  opening: Promise<boolean> | undefined;
  closed: boolean;
}

const READY_KEY = 'transactional-consumer';

/**
 * Exactly-once consume-process-produce on kafkajs: one transactional producer per input partition, whose
 * transactional id encodes the partition, so the next owner of a partition fences the previous one
 * (kafkajs cannot fence by group generation). Outputs, dead letters and the input offset (sendOffsets) of
 * each step are one transaction; readers with read_committed see each record's outputs exactly once.
 * A newly owned partition is fenced first, then its committed position is read and its state restored
 * (`openTasks`), and only then processed. A fenced or broken producer closes the slot; it is reopened
 * (fence, position, restore) when the partition is next delivered to this member.
 */
export function createTransactionalLoop(options: TransactionalLoopOptions): TransactionalLoop {
  const { stage, metrics, logger, groupId } = options;
  const chunkSize = options.chunkSize ?? 1000;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3000;
  const clock = options.clock ?? (() => new Date());
  const slots = new Map<string, Slot>();
  let running = false;
  let admin: Admin | undefined;

  const consumer: Consumer = options.kafka.consumer({
    groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    rebalanceTimeout: options.rebalanceTimeoutMs ?? 60_000,
    heartbeatInterval: heartbeatIntervalMs,
    maxWaitTimeInMs: options.maxWaitTimeMs ?? 500,
    allowAutoTopicCreation: false,
    readUncommitted: false,
    retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 30_000 },
  });
  options.health?.setNotReady(READY_KEY, 'consumer has not joined its group yet');

  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    metrics.rebalances.inc({ stage });
    const assigned = partitionsOf(event.payload.memberAssignment);
    metrics.assignedPartitions.set({ stage }, assigned.length);
    const assignedIds = new Set(assigned.map(partitionId));
    const removed = [...slots.values()].filter((slot) => !assignedIds.has(partitionId(slot.tp)));
    for (const slot of removed) closeSlot(slot, 'revoked');
    const added = assigned.filter((tp) => !slots.has(partitionId(tp)));
    logger.info(
      { assigned: assigned.length, added: added.length, revoked: removed.length },
      'joined consumer group',
    );
    if (added.length === 0) {
      options.health?.setReady(READY_KEY);
      return;
    }
    const opened = openSlots(added.map(newSlot));
    options.health?.setNotReady(READY_KEY, 'restoring state of assigned partitions');
    void opened.then((ok) => {
      if (ok) options.health?.setReady(READY_KEY);
    });
  });
  consumer.on(consumer.events.CRASH, (event) => {
    logger.error({ err: event.payload.error, restart: event.payload.restart }, 'consumer crashed');
    if (!event.payload.restart)
      options.health?.markDead(`consumer crashed: ${errorMessage(event.payload.error)}`);
  });

  function newSlot(tp: TopicPartition): Slot {
    const slot: Slot = {
      tp,
      producer: undefined,
      task: undefined,
      nextOffset: undefined,
      opening: undefined,
      closed: false,
    };
    slots.set(partitionId(tp), slot);
    return slot;
  }

  function closeSlot(slot: Slot, reason: string): void {
    if (slot.closed) return;
    slot.closed = true;
    if (slots.get(partitionId(slot.tp)) === slot) slots.delete(partitionId(slot.tp));
    slot.task?.close?.();
    const producer = slot.producer;
    slot.producer = undefined;
    slot.task = undefined;
    logger.info({ topic: slot.tp.topic, partition: slot.tp.partition, reason }, 'partition closed');
    void producer?.close();
  }

  /** Fences, reads positions and restores state of `batch` slots together; true when all opened. */
  function openSlots(batch: readonly Slot[]): Promise<boolean> {
    const opening = retryInPlace(() => openOnce(batch), {
      ...options.retry,
      shouldContinue: () => running && batch.some((slot) => !slot.closed),
      onRetry: (error, attempt, delayMs) => {
        metrics.retries.inc({ stage, reason: isPushstreamError(error) ? error.code : 'KAFKA_UNAVAILABLE' });
        logger.warn({ err: error, attempt, delayMs }, 'opening partitions failed; retrying');
      },
    }).then(
      (outcome) => outcome.ok,
      (error: unknown) => {
        logger.error({ err: error }, 'opening partitions failed');
        return false;
      },
    );
    for (const slot of batch) slot.opening = opening;
    return opening;
  }

  async function openOnce(batch: readonly Slot[]): Promise<void> {
    const live = batch.filter((slot) => !slot.closed);
    await Promise.all(
      live.map(async (slot) => {
        await slot.producer?.close();
        const producer = new PartitionProducer({
          kafka: options.kafka,
          groupId,
          transactionalIdPrefix: options.transactionalIdPrefix ?? '',
          input: slot.tp,
          ...(options.compression === undefined ? {} : { compression: options.compression }),
        });
        slot.producer = producer;
        await producer.open();
      }),
    );
    const positions = await committedOffsets(live.map((slot) => slot.tp));
    const tasks = await options.openTasks(live.map((slot) => slot.tp));
    live.forEach((slot, index) => {
      slot.task?.close?.();
      slot.task = tasks[index];
      slot.nextOffset = positions.get(partitionId(slot.tp));
    });
    logger.info(
      { partitions: live.map((slot) => `${partitionId(slot.tp)}@${slot.nextOffset ?? 'start'}`) },
      'partitions fenced, positioned and restored',
    );
  }

  async function committedOffsets(tps: readonly TopicPartition[]): Promise<Map<string, bigint>> {
    const result = new Map<string, bigint>();
    if (admin === undefined) throw new PushstreamError('KAFKA_UNAVAILABLE', 'loop is not started');
    const topics = [...new Set(tps.map((tp) => tp.topic))];
    for (const entry of await admin.fetchOffsets({ groupId, topics })) {
      for (const partition of entry.partitions) {
        const offset = BigInt(partition.offset);
        if (offset >= 0n)
          result.set(partitionId({ topic: entry.topic, partition: partition.partition }), offset);
      }
    }
    return result;
  }

  async function processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const tp = { topic: batch.topic, partition: batch.partition };
    const isActive = () => running && payload.isRunning() && !payload.isStale();
    let slot = slots.get(partitionId(tp));
    if (slot === undefined) {
      // Delivered but not open here: its slot closed after a failed transaction. A heartbeat first: when
      // this member was replaced (the usual reason for being fenced) it throws and kafkajs rejoins the
      // group instead of this member fencing the partition's new owner back.
      await payload.heartbeat();
      if (!isActive()) return;
      slot = newSlot(tp);
      void openSlots([slot]);
    }
    const heartbeat = setInterval(() => {
      payload
        .heartbeat()
        .catch((error: unknown) => logger.debug({ err: error }, 'heartbeat during batch failed'));
    }, heartbeatIntervalMs);
    const started = process.hrtime.bigint();
    try {
      if (!(await slot.opening)) {
        closeSlot(slot, 'could not be opened');
        return;
      }
      if (slot.closed || !isActive()) return;
      const start = slot.nextOffset;
      const messages =
        start === undefined
          ? batch.messages
          : batch.messages.filter((message) => BigInt(message.offset) >= start);
      if (messages.length === 0) {
        // Already processed by an earlier owner: move the fetch position on.
        payload.resolveOffset(batch.lastOffset());
        return;
      }
      for (let index = 0; index < messages.length; index += chunkSize) {
        if (!isActive() || slot.closed) return;
        const chunk = messages
          .slice(index, index + chunkSize)
          .map((message) => toConsumedRecord(tp, message));
        const done = await runStep(slot, chunk, isActive);
        if (!done) return;
        const last = chunk[chunk.length - 1];
        if (last !== undefined) payload.resolveOffset(last.offset);
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

  /** One transaction over `chunk`, retried in place while the producer survives; false when the slot closed. */
  async function runStep(
    slot: Slot,
    chunk: readonly ConsumedRecord[],
    isActive: () => boolean,
  ): Promise<boolean> {
    const outcome = await retryInPlace(
      async () => {
        const { task, producer } = slot;
        if (task === undefined || producer === undefined || slot.closed)
          throw new PushstreamError('KAFKA_TRANSACTION_FAILED', 'partition closed', { retriable: false });
        const step = await processChunk(task, chunk);
        const last = chunk[chunk.length - 1];
        if (last === undefined) return step;
        try {
          await producer.write({ records: step.outputs, nextOffset: (BigInt(last.offset) + 1n).toString() });
        } catch (error) {
          task.abort();
          throw error;
        }
        task.commit();
        slot.nextOffset = BigInt(last.offset) + 1n;
        return step;
      },
      {
        ...options.retry,
        shouldContinue: () => isActive() && !slot.closed,
        onRetry: (error, attempt, delayMs) => {
          metrics.retries.inc({ stage, reason: isPushstreamError(error) ? error.code : 'PROCESSING_FAILED' });
          logger.warn({ err: error, attempt, delayMs, ...slot.tp }, 'step failed; retrying in place');
        },
      },
    ).catch((error: unknown) => {
      // Not retriable: the producer was fenced (another member owns the partition now) or is unusable.
      logger.warn(
        { err: error, ...slot.tp },
        'transaction failed; closing the partition until it is delivered again',
      );
      closeSlot(slot, 'transaction failed');
      return { ok: false } as const;
    });
    if (!outcome.ok) return false;
    countStep(outcome.value);
    return true;
  }

  interface Step {
    outputs: OutputRecord[];
    emitted: number;
    filtered: number;
    deadLettered: Map<string, number>;
    consumed: Map<string, number>;
  }

  async function processChunk(task: PartitionTask, chunk: readonly ConsumedRecord[]): Promise<Step> {
    const step: Step = { outputs: [], emitted: 0, filtered: 0, deadLettered: new Map(), consumed: new Map() };
    const nowMs = clock().getTime();
    try {
      for (const record of chunk) {
        step.consumed.set(record.topic, (step.consumed.get(record.topic) ?? 0) + 1);
        metrics.recordAge.observe(
          { stage, topic: record.topic },
          Math.max(0, nowMs - record.timestampMs) / 1000,
        );
        const result = await processRecord(task, record);
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
          step.outputs.push(
            deadLetterRecord({
              dlqTopic: options.dlqTopic,
              stage,
              record,
              error: result.reject,
              now: clock(),
            }),
          );
          step.deadLettered.set(result.reject.code, (step.deadLettered.get(result.reject.code) ?? 0) + 1);
        } else if (result.outputs.length === 0) {
          step.filtered += 1;
        } else {
          step.outputs.push(...result.outputs);
          step.emitted += 1;
        }
      }
    } catch (error) {
      task.abort();
      throw error;
    }
    return step;
  }

  async function processRecord(task: PartitionTask, record: ConsumedRecord): Promise<RecordResult> {
    try {
      return await task.process(record);
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
  }

  function countStep(step: Step): void {
    for (const [topic, count] of step.consumed) metrics.recordsConsumed.inc({ stage, topic }, count);
    metrics.recordsProcessed.inc({ stage, outcome: 'emitted' }, step.emitted);
    metrics.recordsProcessed.inc({ stage, outcome: 'filtered' }, step.filtered);
    let deadLettered = 0;
    for (const [reason, count] of step.deadLettered) {
      metrics.deadLettered.inc({ stage, reason }, count);
      deadLettered += count;
    }
    metrics.recordsProcessed.inc({ stage, outcome: 'dead_lettered' }, deadLettered);
    const produced = new Map<string, number>();
    for (const output of step.outputs) produced.set(output.topic, (produced.get(output.topic) ?? 0) + 1);
    for (const [topic, count] of produced) metrics.recordsProduced.inc({ stage, topic }, count);
    metrics.lastProcessed.set({ stage }, Date.now() / 1000);
  }

  return {
    async start() {
      running = true;
      admin = options.kafka.admin();
      await admin.connect();
      await consumer.connect();
      await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 4,
        eachBatch: processBatch,
      });
    },
    async stop() {
      running = false;
      options.health?.setNotReady(READY_KEY, 'consumer is stopping');
      await consumer.disconnect();
      for (const slot of [...slots.values()]) closeSlot(slot, 'stopping');
      await admin?.disconnect();
    },
    openPartitions: () =>
      [...slots.values()].filter((slot) => slot.task !== undefined).map((slot) => slot.tp),
  };
}
