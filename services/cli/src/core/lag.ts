/** Lag of a consumer group on one partition. */
export interface PartitionLag {
  readonly partition: number;
  /** Committed offset, or null when the group never committed on the partition. */
  readonly committed: string | null;
  readonly high: string;
  /** Records the group has not consumed yet (from the log start when it never committed). */
  readonly lag: number;
}

/** Lag of a group on a whole topic. */
export interface TopicLag {
  readonly topic: string;
  readonly lag: number;
  readonly partitions: readonly PartitionLag[];
}

/**
 * The group's lag per partition: high watermark minus committed offset. A partition the group never
 * committed on lags by everything it holds (high − low), which is where a new group starts reading when it
 * starts from the beginning; a committed offset below the log start counts from the log start.
 */
export function computeTopicLag(
  topic: string,
  offsets: readonly { partition: number; low: string; high: string }[],
  committed: readonly { partition: number; offset: string | null }[],
): TopicLag {
  const committedBy = new Map(committed.map((entry) => [entry.partition, entry.offset]));
  const partitions = offsets.map((entry): PartitionLag => {
    const offset = committedBy.get(entry.partition) ?? null;
    const low = BigInt(entry.low);
    const high = BigInt(entry.high);
    const from = offset === null || BigInt(offset) < low ? low : BigInt(offset);
    const lag = high > from ? high - from : 0n;
    return { partition: entry.partition, committed: offset, high: entry.high, lag: Number(lag) };
  });
  return { topic, lag: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
}

/** Records a partition holds now (high − low). */
export function heldRecords(offsets: readonly { low: string; high: string }[]): number {
  return offsets.reduce((sum, entry) => sum + Number(BigInt(entry.high) - BigInt(entry.low)), 0);
}
