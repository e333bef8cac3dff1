import { randomUUID } from 'node:crypto';
import { avroType, type AvroRecordName } from '@pushstream/schemas';
import type { Kafka } from 'kafkajs';

/** One record of a topic: key, decoded value (null for a tombstone) and headers. */
export interface DecodedRecord<T> {
  readonly partition: number;
  readonly key: string;
  readonly value: T | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly raw: Buffer | null;
}

/**
 * Reads a whole topic with read_committed until no record has arrived for `quietMs` (the pipeline has
 * converged before the audit reads, so quiet means "at the end"; a high watermark cannot tell, because
 * transaction markers occupy offsets no reader sees). Avro values are decoded from the Confluent wire
 * format (magic byte, schema id) with the contract's record type; raw values are kept as bytes.
 */
export async function readDecoded<T>(
  kafka: Kafka,
  topic: string,
  record: AvroRecordName | 'bytes',
  options: { quietMs?: number } = {},
): Promise<DecodedRecord<T>[]> {
  const quietMs = options.quietMs ?? 4000;
  const records: DecodedRecord<T>[] = [];
  const consumer = kafka.consumer({
    groupId: `audit-${randomUUID()}`,
    readUncommitted: false,
    maxWaitTimeInMs: 250,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let last = Date.now();
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        last = Date.now();
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined)
            headers[name] = (Array.isArray(value) ? value.at(-1) : value)?.toString() ?? '';
        }
        records.push({
          partition,
          key: message.key?.toString() ?? '',
          value: message.value === null ? null : decode<T>(message.value, record),
          headers,
          raw: message.value,
        });
        return Promise.resolve();
      },
    });
    while (Date.now() - last < quietMs) await new Promise((resolve) => setTimeout(resolve, 250));
  } finally {
    await consumer.disconnect();
  }
  return records;
}

function decode<T>(value: Buffer, record: AvroRecordName | 'bytes'): T {
  if (record === 'bytes') return value as T;
  if (value.readUInt8(0) !== 0) throw new Error('not in the Confluent wire format (magic byte)');
  return avroType(record).fromBuffer(value.subarray(5)) as T;
}

/** The last value per key (what a compacted topic converges to); tombstones remove the key. */
export function lastValuePerKey<T>(records: readonly DecodedRecord<T>[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const record of records) {
    if (record.value === null) latest.delete(record.key);
    else latest.set(record.key, record.value);
  }
  return latest;
}
