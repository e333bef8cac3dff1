import {
  PushstreamError,
  createConsumerLoop,
  errorMessage,
  retryInPlace,
  topicSerde,
  type ConsumerLoop,
  type OutputRecord,
  type PipelineProducer,
  type RecordHandler,
  type ServiceRuntime,
} from '@pushstream/runtime';
import type { DeviceEvent, DeviceOpenSessions, DeviceSession, DeviceState } from '@pushstream/schemas';
import type { PartitionOutput, SessionizerCoreConfig } from '../core/index.js';
import { PartitionStore } from './partition-store.js';
import { ProcessingGate } from './processing-gate.js';
import { encodeOutputs, type SessionizerSerdes, type SessionizerTopics } from './record-codec.js';
import { createSessionizerMetrics, type SessionizerMetrics } from './sessionizer-metrics.js';

/** How the sessionizer runs, besides the core settings. */
export interface SessionizerOptions {
  readonly core: SessionizerCoreConfig;
  readonly groupId: string;
  readonly sessionSweepIntervalMs: number;
  readonly staleSweepIntervalMs: number;
  readonly chunkSize: number;
  /** Wall clock (tests may pin it). @default Date.now */
  readonly clock?: () => number;
}

/** A running sessionizer. */
export interface Sessionizer {
  readonly store: PartitionStore;
  readonly loop: ConsumerLoop;
  /** Runs both sweeps once now (between chunks), as the timers do. */
  sweep(): Promise<void>;
  /** Stops the sweeps and the consumer loop (finishing the chunk in flight). */
  stop(): Promise<void>;
}

/** The topics of the sessionizer, co-partitioned or refused. */
export function sessionizerTopics(runtime: ServiceRuntime): SessionizerTopics {
  const names = ['device-events.v1', 'device-state.v1', 'open-sessions.v1', 'device-sessions.v1'];
  const counts = names.map((name) => runtime.topics.find((topic) => topic.name === name)?.partitions);
  if (new Set(counts).size !== 1) {
    throw new PushstreamError(
      'TOPIC_MISCONFIGURED',
      `the sessionizer needs ${names.join(', ')} co-partitioned (same partition count), got ${counts.join(', ')}`,
    );
  }
  return {
    events: runtime.topic('device-events.v1'),
    state: runtime.topic('device-state.v1'),
    sessions: runtime.topic('device-sessions.v1'),
    openSessions: runtime.topic('open-sessions.v1'),
    dlq: runtime.topic('dlq.sessionizer.v1'),
  };
}

function countOutputs(outputs: readonly PartitionOutput[], metrics: SessionizerMetrics, stage: string): void {
  for (const output of outputs) {
    if (output.kind === 'state') {
      if (output.state === null) metrics.tombstones.inc({ stage });
      else metrics.stateChanges.inc({ stage });
    } else if (output.kind === 'session') {
      metrics.sessionsClosed.inc({ stage, reason: output.session.closeReason });
    }
  }
}

/**
 * Wires the sessionizer onto a started service runtime: the consumer loop over device-events.v1 (state
 * restored on assignment before processing), the outputs produced with the loop's commit-after-ack, and
 * the two wall-clock sweeps (silent sessions, staleness), serialized with processing by a gate.
 */
export async function startSessionizer(
  runtime: ServiceRuntime,
  options: SessionizerOptions,
): Promise<Sessionizer> {
  const stage = runtime.config.serviceName;
  const logger = runtime.logger;
  const clock = options.clock ?? Date.now;
  const topics = sessionizerTopics(runtime);
  const serdes: SessionizerSerdes = {
    event: topicSerde<DeviceEvent>(runtime.serde, topics.events, 'DeviceEvent'),
    state: topicSerde<DeviceState>(runtime.serde, topics.state, 'DeviceState'),
    session: topicSerde<DeviceSession>(runtime.serde, topics.sessions, 'DeviceSession'),
    openSessions: topicSerde<DeviceOpenSessions>(runtime.serde, topics.openSessions, 'DeviceOpenSessions'),
  };
  const store = new PartitionStore({
    kafka: runtime.kafka,
    topics,
    serdes,
    config: options.core,
    logger,
    clock,
  });
  const metrics = createSessionizerMetrics(runtime.metrics.registry, stage, () => store.stats());
  const gate = new ProcessingGate();
  let running = true;

  // The loop's produce step closes the chunk: only then are the handler's state changes durable.
  const gatedProducer: PipelineProducer = {
    connect: () => runtime.producer.connect(),
    disconnect: () => runtime.producer.disconnect(),
    async send(records) {
      await runtime.producer.send(records);
      gate.closeChunk();
    },
  };

  const handler: RecordHandler = async (record) => {
    await gate.enterChunk();
    const processor = store.get(record.partition);
    if (processor === undefined) {
      throw new PushstreamError(
        'PROCESSING_FAILED',
        `partition ${record.partition} is not restored on this member`,
        {
          retriable: true,
        },
      );
    }
    if (record.value === null) return { outputs: [] };
    const event = await serdes.event.decode(record.value);
    const result = processor.process(event, Number(record.offset), clock());
    if (result.skipped && event.deviceId !== null) metrics.replaysSkipped.inc({ stage });
    if (result.lateForSessions) metrics.lateEvents.inc({ stage });
    countOutputs(result.outputs, metrics, stage);
    return { outputs: await encodeOutputs(result.outputs, record.partition, topics, serdes) };
  };

  const loop = createConsumerLoop({
    kafka: runtime.kafka,
    stage,
    groupId: options.groupId,
    topics: [topics.events],
    handler,
    producer: gatedProducer,
    dlqTopic: topics.dlq,
    metrics: runtime.metrics,
    logger,
    health: runtime.health,
    chunkSize: options.chunkSize,
    hooks: {
      async onAssigned(partitions) {
        gate.closeChunk();
        // Transient Kafka errors (a fresh broker's NOT_LEADER) are retried by the loop; restore is idempotent.
        const report = await store.restore(partitions.map((tp) => tp.partition));
        metrics.restoreSeconds.observe({ stage }, report.seconds);
        logger.info({ ...report }, 'restored partition state');
      },
      onRevoked(partitions) {
        gate.closeChunk();
        store.drop(partitions.map((tp) => tp.partition));
        logger.info({ partitions: partitions.map((tp) => tp.partition) }, 'dropped partition state');
      },
    },
  });

  async function produceSweep(
    name: string,
    sweepOne: (processorNow: number) => Map<number, readonly PartitionOutput[]>,
  ) {
    await gate.exclusive(async () => {
      const byPartition = sweepOne(clock());
      const records: OutputRecord[] = [];
      for (const [partition, outputs] of byPartition) {
        if (outputs.length === 0) continue;
        countOutputs(outputs, metrics, stage);
        records.push(...(await encodeOutputs(outputs, partition, topics, serdes)));
      }
      if (records.length === 0) return;
      const sent = await retryInPlace(() => runtime.producer.send(records), {
        shouldContinue: () => running,
        onRetry: (error, attempt) =>
          logger.warn({ err: error, attempt, sweep: name }, 'sweep produce failed; retrying'),
      });
      if (!sent.ok)
        logger.warn({ sweep: name, records: records.length }, 'sweep output not written before stop');
    });
  }

  const sweepSessions = () =>
    produceSweep(
      'sessions',
      (now) => new Map(store.owned().map(([p, processor]) => [p, processor.sweepSilent(now)])),
    );
  const sweepStale = () =>
    produceSweep(
      'staleness',
      (now) => new Map(store.owned().map(([p, processor]) => [p, processor.sweepStale(now)])),
    );
  const guard = (name: string, task: () => Promise<void>) => () => {
    task().catch((error: unknown) =>
      logger.error({ err: error, sweep: name }, `sweep failed: ${errorMessage(error)}`),
    );
  };
  const timers = [
    setInterval(guard('sessions', sweepSessions), options.sessionSweepIntervalMs),
    setInterval(guard('staleness', sweepStale), options.staleSweepIntervalMs),
  ];
  for (const timer of timers) timer.unref();

  await loop.start();
  return {
    store,
    loop,
    async sweep() {
      await sweepSessions();
      await sweepStale();
    },
    async stop() {
      running = false;
      for (const timer of timers) clearInterval(timer);
      await loop.stop();
    },
  };
}
