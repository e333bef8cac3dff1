import type { Kafka } from 'kafkajs';
import type { GeneratedRawRecord } from './raw-traffic.js';

/** Writes raw records to `<prefix>raw.<source>.v1` the way the connector does (key, bytes, headers, time). */
export async function produceRawRecords(
  kafka: Kafka,
  prefix: string,
  records: readonly GeneratedRawRecord[],
): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let start = 0; start < records.length; start += 1000) {
      const chunk = records.slice(start, start + 1000);
      const byTopic = new Map<
        string,
        { key: string; value: Buffer; headers: Record<string, string>; timestamp: string }[]
      >();
      for (const record of chunk) {
        const topic = `${prefix}raw.${record.source}.v1`;
        const messages = byTopic.get(topic) ?? [];
        messages.push({
          key: record.key,
          value: record.value,
          headers: record.headers,
          timestamp: String(record.timestampMs),
        });
        byTopic.set(topic, messages);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}
