import { partitionId, type TopicPartition } from './records.js';

/**
 * Follows this member's partition assignment across group joins and gates processing of a newly
 * assigned partition until its state is restored (the Kafka Streams rule: restore before process).
 */
export class AssignmentTracker {
  private current = new Map<string, TopicPartition>();
  private readonly restoring = new Map<string, Promise<void>>();

  /** Replaces the assignment; returns what was added and removed relative to the previous one. */
  update(next: readonly TopicPartition[]): { added: TopicPartition[]; removed: TopicPartition[] } {
    const nextMap = new Map(next.map((tp) => [partitionId(tp), tp]));
    const added = [...nextMap].filter(([id]) => !this.current.has(id)).map(([, tp]) => tp);
    const removed = [...this.current].filter(([id]) => !nextMap.has(id)).map(([, tp]) => tp);
    for (const tp of removed) this.restoring.delete(partitionId(tp));
    this.current = nextMap;
    return { added, removed };
  }

  /** Records the restore of newly assigned partitions; processing of each waits for it. */
  trackRestore(partitions: readonly TopicPartition[], restore: Promise<void>): void {
    for (const tp of partitions) this.restoring.set(partitionId(tp), restore);
  }

  /** Resolves once the partition's state is restored (at once if nothing was to restore). */
  async restored(tp: TopicPartition): Promise<void> {
    await this.restoring.get(partitionId(tp));
  }

  /** The current assignment. */
  partitions(): TopicPartition[] {
    return [...this.current.values()];
  }
}

/** kafkajs reports an assignment as `{ topic: [partitions] }`. */
export function partitionsOf(
  memberAssignment: Readonly<Record<string, readonly number[]>>,
): TopicPartition[] {
  return Object.entries(memberAssignment).flatMap(([topic, partitions]) =>
    partitions.map((partition) => ({ topic, partition })),
  );
}
