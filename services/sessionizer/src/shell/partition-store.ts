import { readTopicToEnd, type ConsumedRecord, type Kafka, type Logger } from '@pushstream/runtime';
import type { DeviceStatus } from '@pushstream/schemas';
import { PartitionProcessor, type PartitionStats, type SessionizerCoreConfig } from '../core/index.js';
import { inputOffsetOf, type SessionizerSerdes, type SessionizerTopics } from './record-codec.js';

/** What one restore read. */
export interface RestoreReport {
  readonly partitions: readonly number[];
  readonly stateRecords: number;
  readonly openSessionRecords: number;
  readonly devices: number;
  readonly seconds: number;
}

/**
 * The partitions this instance owns, each a PartitionProcessor restored from device-state.v1 and
 * open-sessions.v1 (the same partition numbers as the input) before any of its records is processed.
 */
export class PartitionStore {
  private readonly partitions = new Map<number, PartitionProcessor>();

  constructor(
    private readonly options: {
      readonly kafka: Kafka;
      readonly topics: SessionizerTopics;
      readonly serdes: SessionizerSerdes;
      readonly config: SessionizerCoreConfig;
      readonly logger: Logger;
      readonly clock: () => number;
    },
  ) {}

  /**
   * Reads both state topics to their end for these partitions and installs fresh processors, replacing
   * any held for them: calling it again (after a failed try) starts over rather than adding to the state.
   * A record that cannot be restored fails the restore with its own error (not the read's timeout).
   */
  async restore(partitions: readonly number[]): Promise<RestoreReport> {
    const started = performance.now();
    const { kafka, topics, serdes, config, clock } = this.options;
    const restored = new Map(partitions.map((partition) => [partition, new PartitionProcessor(config)]));
    const target = (partition: number) => {
      const processor = restored.get(partition);
      if (processor === undefined)
        throw new Error(`restore read partition ${partition}, which was not asked for`);
      return processor;
    };
    let recordError: unknown;
    const remembering =
      (restoreRecord: (record: ConsumedRecord) => Promise<void>) =>
      async (record: ConsumedRecord): Promise<void> => {
        try {
          await restoreRecord(record);
        } catch (error) {
          recordError ??= error;
          throw error;
        }
      };
    const now = clock();
    const [stateRecords, openSessionRecords] = await Promise.all([
      readTopicToEnd(
        kafka,
        topics.state,
        remembering(async (record) => {
          const key = record.key?.toString('utf8');
          if (key === undefined) return;
          const state = record.value === null ? null : await serdes.state.decode(record.value);
          target(record.partition).restoreState(key, state, inputOffsetOf(record));
        }),
        { partitions },
      ),
      readTopicToEnd(
        kafka,
        topics.openSessions,
        remembering(async (record) => {
          const key = record.key?.toString('utf8');
          if (key === undefined) return;
          const value = record.value === null ? null : await serdes.openSessions.decode(record.value);
          target(record.partition).restoreOpenSessions(key, value, inputOffsetOf(record), now);
        }),
        { partitions },
      ),
    ]).catch((error: unknown) => {
      // A record that cannot be restored stalls its read until the read times out: name it instead.
      throw recordError ?? error;
    });
    let devices = 0;
    for (const [partition, processor] of restored) {
      processor.finishRestore();
      this.partitions.set(partition, processor);
      devices += processor.stats().devices;
    }
    return {
      partitions,
      stateRecords,
      openSessionRecords,
      devices,
      seconds: (performance.now() - started) / 1000,
    };
  }

  /** Forgets partitions this instance no longer owns. */
  drop(partitions: readonly number[]): void {
    for (const partition of partitions) this.partitions.delete(partition);
  }

  /** The processor of an owned, restored partition. */
  get(partition: number): PartitionProcessor | undefined {
    return this.partitions.get(partition);
  }

  /** Every owned partition. */
  owned(): [number, PartitionProcessor][] {
    return [...this.partitions];
  }

  /** Devices and open sessions over every owned partition. */
  stats(): PartitionStats {
    const devicesByStatus: Record<DeviceStatus, number> = { INSTALLED: 0, ACTIVE: 0, UNREGISTERED: 0 };
    let openSessions = 0;
    let devices = 0;
    for (const processor of this.partitions.values()) {
      const stats = processor.stats();
      for (const status of Object.keys(devicesByStatus) as DeviceStatus[])
        devicesByStatus[status] += stats.devicesByStatus[status];
      openSessions += stats.openSessions;
      devices += stats.devices;
    }
    return { devicesByStatus, openSessions, devices };
  }
}
