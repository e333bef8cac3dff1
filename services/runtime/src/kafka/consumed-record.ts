import type { KafkaMessage } from 'kafkajs';
import type { ConsumedRecord, TopicPartition } from './records.js';

/** A kafkajs message as the record handlers see it. */
export function toConsumedRecord(tp: TopicPartition, message: KafkaMessage): ConsumedRecord {
  return {
    topic: tp.topic,
    partition: tp.partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: flattenHeaders(message.headers),
    timestampMs: Number(message.timestamp),
  };
}

function flattenHeaders(headers: KafkaMessage['headers']): Record<string, Buffer | string | undefined> {
  const out: Record<string, Buffer | string | undefined> = {};
  if (headers === undefined) return out;
  for (const [name, value] of Object.entries(headers)) {
    // kafkajs gives an array when a header name repeats; the last value wins, as in Java's lastHeader().
    out[name] = Array.isArray(value) ? value.at(-1) : value;
  }
  return out;
}
