import type { ConnectorCheckpoint } from '@pushstream/schemas';
import {
  HEADERS,
  isErrorCode,
  topicSerde,
  type OutputRecord,
  type ServiceRuntime,
} from '@pushstream/runtime';
import type { RtdsStreamConfig } from '../core/rtds-request.js';
import { kafkaCheckpointStore } from './checkpoint-store.js';
import { RtdsConsumer } from './rtds-consumer.js';
import { createRtdsMetrics } from './rtds-metrics.js';

/**
 * Starts one consumer per configured RTDS stream on the service runtime (event stream to
 * raw.airship-rtds.v1, compliance stream to raw.airship-compliance.v1) and registers their stop in the
 * shutdown sequence. `onFatal` runs when a stream cannot continue (a 400: configuration error).
 */
export function startRtdsStreams(
  runtime: ServiceRuntime,
  streams: readonly RtdsStreamConfig[],
  options: { instance: string; silenceMs: number; onFatal: (reason: string) => void },
): RtdsConsumer[] {
  if (streams.length === 0) return [];
  const metrics = createRtdsMetrics(runtime.metrics.registry);
  const checkpointTopic = runtime.topic('connector-checkpoints.v1');
  const store = kafkaCheckpointStore({
    kafka: runtime.kafka,
    producer: runtime.producer,
    topic: checkpointTopic,
    serde: topicSerde<ConnectorCheckpoint>(runtime.serde, checkpointTopic, 'ConnectorCheckpoint'),
  });
  const consumers = streams.map(
    (config) =>
      new RtdsConsumer({
        config,
        producer: runtime.producer,
        store,
        topics: {
          raw: runtime.topic(
            config.endpoint === 'events' ? 'raw.airship-rtds.v1' : 'raw.airship-compliance.v1',
          ),
          dlq: runtime.topic('dlq.connector.v1'),
        },
        metrics,
        onAcknowledged: (records) => countAcknowledged(runtime, records),
        logger: runtime.logger.child({ component: 'rtds' }),
        instance: options.instance,
        silenceMs: options.silenceMs,
        onFatal: options.onFatal,
      }),
  );
  runtime.onShutdown({
    name: 'stop RTDS streams',
    run: async () => void (await Promise.all(consumers.map((consumer) => consumer.stop()))),
  });
  for (const consumer of consumers) consumer.start();
  return consumers;
}

/** RTDS writes count in the pipeline metrics like every stage's: produced per topic, dead letters per code. */
function countAcknowledged(runtime: ServiceRuntime, records: readonly OutputRecord[]): void {
  const stage = runtime.config.serviceName;
  const perTopic = new Map<string, number>();
  for (const record of records) {
    perTopic.set(record.topic, (perTopic.get(record.topic) ?? 0) + 1);
    const code = record.headers?.[HEADERS.errorCode];
    if (typeof code === 'string' && isErrorCode(code))
      runtime.metrics.deadLettered.inc({ stage, reason: code });
  }
  for (const [topic, count] of perTopic) runtime.metrics.recordsProduced.inc({ stage, topic }, count);
}
