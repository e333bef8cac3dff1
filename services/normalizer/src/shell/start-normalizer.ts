import {
  PushstreamError,
  createConsumerLoop,
  createTransactionalLoop,
  loadAppRegistry,
  partitionId,
  topicSerde,
  type ConsumerLoop,
  type ConsumerLoopOptions,
  type OpenTasks,
  type PartitionTask,
  type PipelineProducer,
  type ServiceRuntime,
} from '@pushstream/runtime';
import { DEDUPE_CHANGELOG_RETENTION_MS, dedupeChangelogOf, type DeviceEvent } from '@pushstream/schemas';
import { RAW_SOURCES, rawTopicOf } from '../core/raw-input.js';
import type { NormalizerEnv } from '../config/normalizer-env.js';
import { appDirectoryOf } from './app-directory.js';
import { createNormalizerMetrics } from './normalizer-metrics.js';
import { createTaskOpener, type RawTopicBinding } from './task-opener.js';

/** The raw topics with their changelogs, checked to be partition-aligned. */
export function rawTopicBindings(runtime: Pick<ServiceRuntime, 'topic' | 'topics'>): RawTopicBinding[] {
  return RAW_SOURCES.map((source) => {
    const raw = rawTopicOf(source);
    const changelog = dedupeChangelogOf(raw);
    const partitions = (name: string) => runtime.topics.find((topic) => topic.name === name)?.partitions;
    if (partitions(raw) !== partitions(changelog)) {
      throw new PushstreamError(
        'TOPIC_MISCONFIGURED',
        `${changelog} must have as many partitions as ${raw} (${partitions(raw)}), has ${partitions(changelog)}`,
      );
    }
    return { source, topic: runtime.topic(raw), changelog: runtime.topic(changelog) };
  });
}

/**
 * Starts the normalizer on a started runtime: every raw topic → device-events.v1, exactly once, deduplicated
 * per raw partition, poison records to dlq.normalizer.v1. Returns the running loop (stopped by the
 * runtime's shutdown sequence).
 */
export async function startNormalizer(
  runtime: ServiceRuntime,
  env: NormalizerEnv,
): Promise<Pick<ConsumerLoop, 'start' | 'stop'>> {
  if (env.DEDUPE_WINDOW_MS >= DEDUPE_CHANGELOG_RETENTION_MS) {
    throw new PushstreamError(
      'CONFIG_INVALID',
      `DEDUPE_WINDOW_MS (${env.DEDUPE_WINDOW_MS}) must be shorter than the dedupe changelog retention (${DEDUPE_CHANGELOG_RETENTION_MS} ms), or restored windows would miss ids`,
    );
  }
  const stage = runtime.config.serviceName;
  const groupId = runtime.config.groupId;
  const bindings = rawTopicBindings(runtime);
  const metrics = createNormalizerMetrics(runtime.metrics.registry);
  const outputTopic = runtime.topic('device-events.v1');
  const serde = topicSerde<DeviceEvent>(runtime.serde, outputTopic, 'DeviceEvent');
  const openTasks = createTaskOpener({
    kafka: runtime.kafka,
    stage,
    logger: runtime.logger.child({ component: 'dedupe' }),
    metrics,
    bindings,
    window: { windowMs: env.DEDUPE_WINDOW_MS, maxIds: env.DEDUPE_MAX_IDS_PER_PARTITION },
    context: { apps: appDirectoryOf(loadAppRegistry(env)), defaultRegion: env.MSISDN_DEFAULT_REGION },
    outputTopic,
    encode: (event) => serde.encode(event),
  });
  const common = {
    kafka: runtime.kafka,
    stage,
    groupId,
    topics: bindings.map((binding) => binding.topic),
    dlqTopic: runtime.topic('dlq.normalizer.v1'),
    metrics: runtime.metrics,
    logger: runtime.logger.child({ component: 'normalizer' }),
    health: runtime.health,
    chunkSize: env.NORMALIZER_CHUNK_SIZE,
    partitionsConsumedConcurrently: env.NORMALIZER_CONCURRENCY,
    sessionTimeoutMs: env.NORMALIZER_SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: env.NORMALIZER_HEARTBEAT_INTERVAL_MS,
    rebalanceTimeoutMs: env.NORMALIZER_REBALANCE_TIMEOUT_MS,
  };
  const loop =
    env.NORMALIZER_DELIVERY === 'exactly-once'
      ? createTransactionalLoop({
          ...common,
          transactionalIdPrefix: env.NORMALIZER_TRANSACTIONAL_ID_PREFIX ?? `${groupId}.`,
          openTasks,
        })
      : atLeastOnceLoop(common, runtime.producer, openTasks);
  runtime.onShutdown({ name: 'stop transactional consumer', run: () => loop.stop() });
  await loop.start();
  return loop;
}

/**
 * The at-least-once variant (NORMALIZER_DELIVERY=at-least-once): the runtime's commit-after-ack consumer
 * loop, ids remembered as soon as they are processed. Outputs and changelog records of a chunk are acked
 * together before its offsets commit, but not atomically: a crash can repeat the chunk's events.
 */
function atLeastOnceLoop(
  common: Omit<ConsumerLoopOptions, 'handler' | 'producer' | 'hooks'>,
  producer: PipelineProducer,
  openTasks: OpenTasks,
): ConsumerLoop {
  const tasks = new Map<string, PartitionTask>();
  return createConsumerLoop({
    ...common,
    producer,
    hooks: {
      async onAssigned(partitions) {
        const opened = await openTasks(partitions);
        opened.forEach((task, index) => {
          const tp = partitions[index];
          if (tp !== undefined) tasks.set(partitionId(tp), task);
        });
      },
      onRevoked(partitions) {
        for (const tp of partitions) {
          tasks.get(partitionId(tp))?.close?.();
          tasks.delete(partitionId(tp));
        }
      },
    },
    async handler(record) {
      const task = tasks.get(partitionId(record));
      if (task === undefined)
        throw new PushstreamError('KAFKA_UNAVAILABLE', `${partitionId(record)} is not restored here`, {
          retriable: true,
        });
      const result = await task.process(record);
      task.commit();
      return result;
    },
  });
}
