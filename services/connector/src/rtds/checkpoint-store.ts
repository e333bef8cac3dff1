import type { ConnectorCheckpoint } from '@pushstream/schemas';
import { readTopicToEnd, type Kafka, type PipelineProducer, type TopicSerde } from '@pushstream/runtime';

/** Where RTDS checkpoints live. */
export interface CheckpointStore {
  /** The last persisted checkpoint of a stream, if any. */
  load(streamId: string): Promise<ConnectorCheckpoint | undefined>;
  /** Persists a checkpoint; resolves once Kafka acknowledged it. */
  save(checkpoint: ConnectorCheckpoint): Promise<void>;
}

/**
 * Checkpoints in the compacted `connector-checkpoints.v1` topic, keyed by stream id, Avro
 * `ConnectorCheckpoint`. Loading reads the topic to its end and keeps the last value of the key.
 */
export function kafkaCheckpointStore(deps: {
  kafka: Kafka;
  producer: PipelineProducer;
  topic: string;
  serde: TopicSerde<ConnectorCheckpoint>;
}): CheckpointStore {
  return {
    async load(streamId) {
      let latest: Buffer | null | undefined;
      await readTopicToEnd(deps.kafka, deps.topic, (record) => {
        if (record.key?.toString('utf8') === streamId) latest = record.value;
      });
      return latest === undefined || latest === null ? undefined : deps.serde.decode(latest);
    },
    async save(checkpoint) {
      await deps.producer.send([
        { topic: deps.topic, key: checkpoint.streamId, value: await deps.serde.encode(checkpoint) },
      ]);
    },
  };
}
