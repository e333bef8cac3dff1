/** A partition of a topic. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** A record as a handler sees it: bytes untouched, headers as Buffers or strings. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are 64-bit: kept as a decimal string. */
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, Buffer | string | undefined>>;
  /** Kafka record timestamp, ms since the epoch. */
  readonly timestampMs: number;
}

/** A record to produce. */
export interface OutputRecord {
  readonly topic: string;
  readonly key: Buffer | string | null;
  /** null = tombstone (compacted topics). */
  readonly value: Buffer | string | null;
  readonly headers?: Readonly<Record<string, Buffer | string>>;
  /** Explicit partition; by default the murmur2 partitioner (Java-compatible) places it by key. */
  readonly partition?: number;
  /** Record timestamp, ms since the epoch; default: now. */
  readonly timestampMs?: number;
}

/** Reads a header as UTF-8 text. */
export function headerText(record: Pick<ConsumedRecord, 'headers'>, name: string): string | undefined {
  const value = record.headers[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}

/** `topic/partition`, the identity of a partition in maps and logs. */
export function partitionId(tp: TopicPartition): string {
  return `${tp.topic}/${tp.partition}`;
}
