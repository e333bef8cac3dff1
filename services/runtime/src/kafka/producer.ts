import type { Kafka, Message, Producer } from 'kafkajs';
import { CompressionTypes, Partitioners } from './kafkajs-values.js';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';
import type { OutputRecord } from './records.js';

/** Producer settings; the defaults are the durable ones. */
export interface ProducerOptions {
  /** Idempotent producer (no duplicates from internal retries). @default true */
  readonly idempotent?: boolean;
  /** GZIP is the codec kafkajs ships natively. @default 'gzip' */
  readonly compression?: 'gzip' | 'none';
  /** Messages per produce request; kafkajs groups messages quadratically, so keep this in the low thousands. @default 1000 */
  readonly maxBatchMessages?: number;
}

/** Sends records with acks=all and resolves only once Kafka acknowledged every one of them. */
export interface PipelineProducer {
  connect(): Promise<void>;
  /** Resolves when every record is acknowledged by all in-sync replicas; rejects with KAFKA_PRODUCE_FAILED. */
  send(records: readonly OutputRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}

/** Creates the producer of a service. */
export function createPipelineProducer(kafka: Kafka, options: ProducerOptions = {}): PipelineProducer {
  const idempotent = options.idempotent ?? true;
  const compression =
    (options.compression ?? 'gzip') === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  const maxBatchMessages = options.maxBatchMessages ?? 1000;
  const producer: Producer = kafka.producer({
    idempotent,
    // kafkajs documents one in-flight request as the condition for idempotent ordering.
    maxInFlightRequests: idempotent ? 1 : 5,
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    async send(records) {
      for (let start = 0; start < records.length; start += maxBatchMessages) {
        const chunk = records.slice(start, start + maxBatchMessages);
        try {
          await producer.sendBatch({ acks: -1, compression, topicMessages: groupByTopic(chunk) });
        } catch (error) {
          throw new PushstreamError(
            'KAFKA_PRODUCE_FAILED',
            `Kafka did not acknowledge ${chunk.length} record(s): ${errorMessage(error)}`,
            { cause: error },
          );
        }
      }
    },
  };
}

function groupByTopic(records: readonly OutputRecord[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const record of records) {
    let messages = byTopic.get(record.topic);
    if (messages === undefined) {
      messages = [];
      byTopic.set(record.topic, messages);
    }
    messages.push(toMessage(record));
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

function toMessage(record: OutputRecord): Message {
  const message: Message = { key: record.key, value: record.value };
  if (record.headers !== undefined) message.headers = { ...record.headers };
  if (record.partition !== undefined) message.partition = record.partition;
  if (record.timestampMs !== undefined) message.timestamp = String(record.timestampMs);
  return message;
}
