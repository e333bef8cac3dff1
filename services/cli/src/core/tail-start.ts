/** Where `tail` starts in one partition. */
export interface PartitionStart {
  readonly partition: number;
  readonly from: string;
  /** Exclusive end; undefined when following. */
  readonly until?: string;
}

/** How `tail` was asked to start and stop. */
export interface TailWindow {
  readonly fromBeginning: boolean;
  /** Per partition, the first offset at or after --since (from the broker), when --since was given. */
  readonly sinceOffsets?: ReadonlyMap<number, string>;
  readonly follow: boolean;
  /** --limit: without --from-beginning/--since/--follow, the last `limit` records of each partition are read. */
  readonly limit: number;
}

/**
 * The offsets `tail` reads: from the log start (--from-beginning), from the --since offsets, else — when
 * following — from the end (new records only), else the last `limit` records of each partition. Without
 * --follow it stops at the end offsets it saw at the start.
 */
export function tailRanges(
  offsets: readonly { partition: number; low: string; high: string }[],
  window: TailWindow,
): PartitionStart[] {
  return offsets.map((entry) => {
    const low = BigInt(entry.low);
    const high = BigInt(entry.high);
    let from: bigint;
    if (window.fromBeginning) from = low;
    else if (window.sinceOffsets !== undefined) {
      const since = window.sinceOffsets.get(entry.partition);
      from = since === undefined ? high : BigInt(since);
    } else if (window.follow) from = high;
    else from = high - BigInt(window.limit) > low ? high - BigInt(window.limit) : low;
    if (from < low) from = low;
    return window.follow
      ? { partition: entry.partition, from: String(from) }
      : { partition: entry.partition, from: String(from), until: entry.high };
  });
}
