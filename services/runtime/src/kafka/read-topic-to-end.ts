import type { Kafka } from 'kafkajs';
import { readChangelogPartitions } from './changelog-reader.js';
import type { ConsumedRecord } from './records.js';

/**
 * Reads every record a topic (or `partitions` of it) holds right now, from the beginning up to the end
 * offsets seen at the start (read_committed), each once and in partition order — how stages restore state
 * from compacted topics. A throw-away consumer group that commits nothing, deleted afterwards (see
 * `readChangelogPartitions`). Returns the number of records read.
 */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  onRecord: (record: ConsumedRecord) => void | Promise<void>,
  options: { timeoutMs?: number; partitions?: readonly number[] } = {},
): Promise<number> {
  const { records } = await readChangelogPartitions(
    kafka,
    topic,
    options.partitions ?? 'all',
    onRecord,
    options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  );
  return records;
}
