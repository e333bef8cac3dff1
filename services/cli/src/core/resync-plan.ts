/** The latest device-state of a key: its version, or null for a tombstone (erased device). */
export type StateVersion = number | null;
/** The latest ack of a key: the DeviceState version it acknowledged, or null for a tombstone. */
export type AckedVersion = number | null;

/**
 * How a resync would go for one target, estimated from versions: the sink calls the partner only when
 * the desired state differs from the acknowledged one, so devices whose ack is of the current state
 * version are (almost surely) skipped, and the rest are the ones a replay will send.
 */
export interface ResyncEstimate {
  /** Devices in device-state (not erased). */
  readonly devices: number;
  /** Acked at their current state version: a replay skips them. */
  readonly inSync: number;
  /** Acked at an older version: a replay sends them. */
  readonly behind: number;
  /** Never acknowledged by the target: a replay sends them (if the target applies to their app). */
  readonly neverAcked: number;
  /** Erased in device-state while the target still holds an ack. */
  readonly erasedWithAck: number;
  /** Acks (not tombstoned) that `--force` would tombstone. */
  readonly acks: number;
}

/** Classifies every device by comparing the latest state version with the latest acknowledged one. */
export function estimateResync(
  states: ReadonlyMap<string, StateVersion>,
  acks: ReadonlyMap<string, AckedVersion>,
): ResyncEstimate {
  let devices = 0;
  let inSync = 0;
  let behind = 0;
  let neverAcked = 0;
  let erasedWithAck = 0;
  for (const [key, version] of states) {
    const acked = acks.get(key) ?? null;
    if (version === null) {
      if (acked !== null) erasedWithAck += 1;
      continue;
    }
    devices += 1;
    if (acked === null) neverAcked += 1;
    else if (acked >= version) inSync += 1;
    else behind += 1;
  }
  let liveAcks = 0;
  for (const acked of acks.values()) if (acked !== null) liveAcks += 1;
  return { devices, inSync, behind, neverAcked, erasedWithAck, acks: liveAcks };
}

/** Keys whose latest ack is not a tombstone: what `resync --force` tombstones. */
export function ackKeysToClear(acks: ReadonlyMap<string, AckedVersion>): string[] {
  return [...acks]
    .filter(([, acked]) => acked !== null)
    .map(([key]) => key)
    .sort();
}

/** Where the sink group's offsets go: the log start of every device-state partition. */
export function earliestOffsets(
  offsets: readonly { partition: number; low: string; high: string }[],
): { partition: number; offset: string }[] {
  return offsets.map((entry) => ({ partition: entry.partition, offset: entry.low }));
}

/** Records the sink will re-read after the reset: from its committed offsets back to the log start. */
export function recordsToReplay(
  offsets: readonly { partition: number; low: string; high: string }[],
  committed: readonly { partition: number; offset: string | null }[],
): number {
  const committedBy = new Map(committed.map((entry) => [entry.partition, entry.offset]));
  return offsets.reduce((sum, entry) => {
    const at = committedBy.get(entry.partition) ?? null;
    const low = BigInt(entry.low);
    const position = at === null ? low : BigInt(at) < low ? low : BigInt(at);
    return sum + Number(position - low);
  }, 0);
}
