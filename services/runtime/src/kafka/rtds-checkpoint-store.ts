import type { ConnectorCheckpoint } from '@pushstream/schemas';
import type { Kafka } from 'kafkajs';
import type { TopicSerde } from '../serde/topic-serde.js';
import type { PipelineProducer } from './producer.js';
import { readTopicToEnd } from './read-topic-to-end.js';

/** Where RTDS checkpoints live. */
export interface CheckpointStore {
  /** The last persisted checkpoint of a stream, if any. */
  load(streamId: string): Promise<ConnectorCheckpoint | undefined>;
  /** Persists a checkpoint; resolves once Kafka acknowledged it. */
  save(checkpoint: ConnectorCheckpoint): Promise<void>;
}

/** A checkpoint store that can also list every stream (what operators look at). */
export interface CheckpointCatalog extends CheckpointStore {
  /** Every stream's last persisted checkpoint, by stream id (streams whose key was tombstoned are left out). */
  loadAll(): Promise<Map<string, ConnectorCheckpoint>>;
}

/**
 * Checkpoints in the compacted `connector-checkpoints.v1` topic, keyed by stream id, Avro
 * `ConnectorCheckpoint`. Loading reads the topic to its end and keeps the last value of each key.
 * Shared by the connector (which writes them) and the operator CLI (which shows and sets them).
 */
export function kafkaCheckpointStore(deps: {
  kafka: Kafka;
  producer: PipelineProducer;
  topic: string;
  serde: TopicSerde<ConnectorCheckpoint>;
}): CheckpointCatalog {
  async function latestValues(): Promise<Map<string, Buffer | null>> {
    const latest = new Map<string, Buffer | null>();
    await readTopicToEnd(deps.kafka, deps.topic, (record) => {
      if (record.key !== null) latest.set(record.key.toString('utf8'), record.value);
    });
    return latest;
  }
  return {
    async load(streamId) {
      const latest = (await latestValues()).get(streamId);
      return latest === undefined || latest === null ? undefined : deps.serde.decode(latest);
    },
    async loadAll() {
      const out = new Map<string, ConnectorCheckpoint>();
      for (const [streamId, value] of await latestValues()) {
        if (value !== null) out.set(streamId, await deps.serde.decode(value));
      }
      return out;
    },
    async save(checkpoint) {
      await deps.producer.send([
        { topic: deps.topic, key: checkpoint.streamId, value: await deps.serde.encode(checkpoint) },
      ]);
    },
  };
}
