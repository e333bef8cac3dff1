import type { Kafka, Message, Producer } from 'kafkajs';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';
import { CompressionTypes, Partitioners } from './kafkajs-values.js';
import type { OutputRecord, TopicPartition } from './records.js';
import { isFencingError, transactionalIdOf } from './transactional-ids.js';

/** Settings of the transactional producer of one input partition. */
export interface PartitionProducerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly transactionalIdPrefix: string;
  readonly input: TopicPartition;
  /** @default 'gzip' */
  readonly compression?: 'gzip' | 'none';
  /** Messages per produce request inside a transaction (kafkajs groups quadratically). @default 1000 */
  readonly maxBatchMessages?: number;
  /** Broker-side transaction timeout. @default 60000 */
  readonly transactionTimeoutMs?: number;
}

/** One atomic step: outputs plus the input position, all visible to read_committed readers or none. */
export interface TransactionalWrite {
  readonly records: readonly OutputRecord[];
  /** The next input offset to consume (last processed + 1), committed to the group in the transaction. */
  readonly nextOffset: string;
}

/**
 * The transactional producer of one input partition. `open()` initializes its producer id, which fences
 * any previous owner of the partition and waits for that owner's pending transaction to finish (commit or
 * abort), so what is read from Kafka afterwards (offsets, changelogs) is final. `write()` sends records
 * and the consumer offset in one transaction.
 */
export class PartitionProducer {
  readonly transactionalId: string;
  private readonly producer: Producer;
  private readonly compression: number;
  private readonly maxBatchMessages: number;

  constructor(private readonly options: PartitionProducerOptions) {
    this.transactionalId = transactionalIdOf(options.transactionalIdPrefix, options.groupId, options.input);
    this.producer = options.kafka.producer({
      transactionalId: this.transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: options.transactionTimeoutMs ?? 60_000,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    this.compression =
      (options.compression ?? 'gzip') === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
    this.maxBatchMessages = options.maxBatchMessages ?? 1000;
  }

  /** Connects and fences every earlier producer of this partition's transactional id. */
  async open(): Promise<void> {
    await this.producer.connect();
    // The first transaction() initializes the transactional producer id (InitProducerId): that is the
    // fence. Aborting a transaction that added nothing sends nothing to the broker.
    const transaction = await this.producer.transaction();
    await transaction.abort();
  }

  /**
   * Writes the records and the input offset in one transaction. On failure the transaction is aborted
   * when possible; the error says whether the producer can still be used (`retriable`) or was fenced.
   */
  async write(step: TransactionalWrite): Promise<void> {
    const transaction = await this.producer.transaction();
    try {
      for (let start = 0; start < step.records.length; start += this.maxBatchMessages) {
        const chunk = step.records.slice(start, start + this.maxBatchMessages);
        await transaction.sendBatch({
          acks: -1,
          compression: this.compression,
          topicMessages: byTopic(chunk),
        });
      }
      await transaction.sendOffsets({
        consumerGroupId: this.options.groupId,
        topics: [
          {
            topic: this.options.input.topic,
            partitions: [{ partition: this.options.input.partition, offset: step.nextOffset }],
          },
        ],
      });
      await transaction.commit();
    } catch (error) {
      let aborted = false;
      if (transaction.isActive() && !isFencingError(error)) {
        aborted = await transaction.abort().then(
          () => true,
          () => false,
        );
      }
      throw new PushstreamError(
        'KAFKA_TRANSACTION_FAILED',
        `transaction ${this.transactionalId} failed${aborted ? ' and was aborted' : ''}: ${errorMessage(error)}`,
        { cause: error, retriable: aborted },
      );
    }
  }

  /** Disconnects (an open transaction is aborted by the broker after its timeout or by the next owner). */
  async close(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }
}

function byTopic(records: readonly OutputRecord[]): { topic: string; messages: Message[] }[] {
  const topics = new Map<string, Message[]>();
  for (const record of records) {
    let messages = topics.get(record.topic);
    if (messages === undefined) {
      messages = [];
      topics.set(record.topic, messages);
    }
    const message: Message = { key: record.key, value: record.value };
    if (record.headers !== undefined) message.headers = { ...record.headers };
    if (record.partition !== undefined) message.partition = record.partition;
    if (record.timestampMs !== undefined) message.timestamp = String(record.timestampMs);
    messages.push(message);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}
