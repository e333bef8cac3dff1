import type { AckedState } from '../core/sync-decision.js';

/**
 * What the partner acknowledged, per device, for the partitions this member owns (restored from the
 * compacted sink-acks topic on assignment, dropped on revocation).
 */
export class AckStore<Desired> {
  private readonly byPartition = new Map<number, Map<string, AckedState<Desired>>>();

  get(partition: number, deviceKey: string): AckedState<Desired> | undefined {
    return this.byPartition.get(partition)?.get(deviceKey);
  }

  set(partition: number, deviceKey: string, acked: AckedState<Desired>): void {
    let devices = this.byPartition.get(partition);
    if (devices === undefined) {
      devices = new Map();
      this.byPartition.set(partition, devices);
    }
    devices.set(deviceKey, acked);
  }

  delete(partition: number, deviceKey: string): void {
    this.byPartition.get(partition)?.delete(deviceKey);
  }

  /** Forgets whole partitions (revoked, or about to be restored afresh). */
  drop(partitions: readonly number[]): void {
    for (const partition of partitions) this.byPartition.delete(partition);
  }

  /** Devices held. */
  get size(): number {
    let total = 0;
    for (const devices of this.byPartition.values()) total += devices.size;
    return total;
  }
}

/** Devices whose desired state is not acknowledged (in flight, or dead-lettered since), per partition. */
export class OutOfSyncSet {
  private readonly byPartition = new Map<number, Set<string>>();

  constructor(private readonly onChange: (size: number) => void) {}

  add(partition: number, deviceKey: string): void {
    let devices = this.byPartition.get(partition);
    if (devices === undefined) {
      devices = new Set();
      this.byPartition.set(partition, devices);
    }
    devices.add(deviceKey);
    this.onChange(this.size);
  }

  delete(partition: number, deviceKey: string): void {
    if (this.byPartition.get(partition)?.delete(deviceKey) === true) this.onChange(this.size);
  }

  drop(partitions: readonly number[]): void {
    for (const partition of partitions) this.byPartition.delete(partition);
    this.onChange(this.size);
  }

  get size(): number {
    let total = 0;
    for (const devices of this.byPartition.values()) total += devices.size;
    return total;
  }
}
