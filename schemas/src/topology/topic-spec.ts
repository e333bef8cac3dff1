/** How a topic's values are written. */
export type ValueFormat =
  /** The source's bytes, untouched (raw topics, DLQs). */
  | { readonly format: 'bytes'; readonly description: string }
  /** Avro in Confluent wire format; `schema` is the record's full name, its `.avsc` in schemas/avro/. */
  | { readonly format: 'avro'; readonly schema: string; readonly description: string };

/** Kafka cleanup policies pushstream uses. */
export type CleanupPolicy = 'delete' | 'compact';

/** One topic of the topology, as declared (name without the configurable prefix). */
export interface TopicSpec {
  /** Name without prefix, e.g. `device-events.v1`. */
  readonly name: string;
  /** What the topic is for, for people (docs, AsyncAPI). */
  readonly description: string;
  /** What the record key holds. */
  readonly key: string;
  readonly value: ValueFormat;
  readonly cleanupPolicy: CleanupPolicy;
  /** Retention of a `delete` topic, ms. */
  readonly retentionMs?: number;
  /** Default partition count (configurable per deployment). */
  readonly partitions: number;
  /** Services that write it. */
  readonly producers: readonly string[];
  /** Services (or "data platform") that read it. */
  readonly consumers: readonly string[];
  /** Further topic configs that must hold (e.g. `min.compaction.lag.ms`). */
  readonly configs?: Readonly<Record<string, string>>;
}

/** A topic spec resolved for one deployment: full name, partitions and replication decided. */
export interface ResolvedTopic extends TopicSpec {
  /** Name with the deployment's prefix. */
  readonly fullName: string;
  readonly replicationFactor: number;
  /** Every config the topic must have, cleanup and retention included. */
  readonly requiredConfigs: Readonly<Record<string, string>>;
}

/** Deployment choices applied to the declaration. */
export interface TopologyOptions {
  /** Prefix of every topic name, e.g. `pushstream.`. */
  readonly prefix: string;
  readonly replicationFactor: number;
  /** Partition counts that differ from the declaration, by unprefixed name. */
  readonly partitions?: Readonly<Record<string, number>>;
}

/** Applies deployment options to declared topics. */
export function resolveTopics(specs: readonly TopicSpec[], options: TopologyOptions): ResolvedTopic[] {
  return specs.map((spec) => {
    const requiredConfigs: Record<string, string> = { 'cleanup.policy': spec.cleanupPolicy, ...spec.configs };
    if (spec.retentionMs !== undefined) requiredConfigs['retention.ms'] = String(spec.retentionMs);
    return {
      ...spec,
      fullName: `${options.prefix}${spec.name}`,
      partitions: options.partitions?.[spec.name] ?? spec.partitions,
      replicationFactor: options.replicationFactor,
      requiredConfigs,
    };
  });
}
