import {
  readChangelogPartitions,
  type Kafka,
  type Logger,
  type OpenTasks,
  type PartitionTask,
  type TopicPartition,
} from '@pushstream/runtime';
import type { DeviceEvent } from '@pushstream/schemas';
import { decodeChangelogEntry } from '../core/dedupe/changelog-codec.js';
import { DedupeWindow, type DedupeWindowOptions } from '../core/dedupe/dedupe-window.js';
import type { NormalizeContext } from '../core/map/normalize-context.js';
import type { RawSource } from '../core/raw-input.js';
import type { NormalizerMetrics } from './normalizer-metrics.js';
import { NormalizerTask } from './normalizer-task.js';

/** A raw topic the normalizer reads, with its dedupe changelog. */
export interface RawTopicBinding {
  readonly source: RawSource;
  /** Full raw topic name. */
  readonly topic: string;
  /** Full changelog topic name. */
  readonly changelog: string;
}

/** What opening tasks needs. */
export interface TaskOpenerDeps {
  readonly kafka: Kafka;
  readonly stage: string;
  readonly logger: Logger;
  readonly metrics: NormalizerMetrics;
  readonly bindings: readonly RawTopicBinding[];
  readonly window: DedupeWindowOptions;
  readonly context: NormalizeContext;
  readonly outputTopic: string;
  readonly encode: (event: DeviceEvent) => Promise<Buffer>;
}

/**
 * Opens normalizer tasks for newly owned raw partitions: restores each partition's dedupe window from its
 * changelog partition (one read per changelog topic, all partitions at once), times the restore, and keeps
 * the remembered-ids and bytes-per-id gauges over every open window.
 */
export function createTaskOpener(deps: TaskOpenerDeps): OpenTasks {
  const open = new Set<DedupeWindow>();
  const byTopic = new Map(deps.bindings.map((binding) => [binding.topic, binding]));
  const refreshGauges = () => {
    let ids = 0;
    let bytes = 0;
    for (const window of open) {
      ids += window.size;
      bytes += window.bytes();
    }
    deps.metrics.rememberedIds.set({ stage: deps.stage }, ids);
    deps.metrics.bytesPerId.set({ stage: deps.stage }, ids === 0 ? 0 : bytes / ids);
  };

  return async (partitions: readonly TopicPartition[]): Promise<PartitionTask[]> => {
    const started = performance.now();
    const windows = partitions.map(() => new DedupeWindow(deps.window));
    const reads = [...new Set(partitions.map((tp) => tp.topic))].map(async (topic) => {
      const binding = byTopic.get(topic);
      if (binding === undefined) throw new Error(`${topic} is not a raw topic of the normalizer`);
      const windowOf = new Map<number, DedupeWindow>();
      partitions.forEach((tp, index) => {
        const window = windows[index];
        if (tp.topic === topic && window !== undefined) windowOf.set(tp.partition, window);
      });
      const result = await readChangelogPartitions(
        deps.kafka,
        binding.changelog,
        [...windowOf.keys()],
        (record) => {
          const entry = decodeChangelogEntry(record.key, record.value);
          if (entry !== undefined)
            windowOf.get(record.partition)?.restore(entry.eventId, entry.rememberedAtMs);
        },
      );
      return result.records;
    });
    const records = (await Promise.all(reads)).reduce((sum, next) => sum + next, 0);
    let expired = 0;
    for (const window of windows) expired += window.finishRestore().expired;
    const seconds = (performance.now() - started) / 1000;
    deps.metrics.restoreSeconds.observe({ stage: deps.stage }, seconds);
    const ids = windows.reduce((sum, window) => sum + window.size, 0);
    deps.logger.info(
      {
        partitions: partitions.length,
        changelogRecords: records,
        rememberedIds: ids,
        expired,
        restoreSeconds: seconds,
      },
      'dedupe state restored',
    );
    const tasks = partitions.map((tp, index) => {
      const window = windows[index] ?? new DedupeWindow(deps.window);
      const binding = byTopic.get(tp.topic);
      if (binding === undefined) throw new Error(`${tp.topic} is not a raw topic of the normalizer`);
      open.add(window);
      return new NormalizerTask({
        input: tp,
        source: binding.source,
        window,
        context: deps.context,
        encode: deps.encode,
        outputTopic: deps.outputTopic,
        changelogTopic: binding.changelog,
        metrics: deps.metrics,
        stage: deps.stage,
        onChange: refreshGauges,
        onClose: () => {
          open.delete(window);
          refreshGauges();
        },
      });
    });
    refreshGauges();
    return tasks;
  };
}
