/** Where the infrastructure came from. */
export type InfraMode = 'external' | 'testcontainers' | 'local';

/**
 * How tests reach Kafka and the schema registry. Plain data (it crosses from Vitest's global setup into the
 * test workers through `provide`/`inject`).
 */
export interface InfraEndpoints {
  mode: InfraMode;
  /** `host:port` bootstrap addresses. */
  kafkaBrokers: string[];
  /** The Confluent-compatible base URL, e.g. `http://127.0.0.1:8081/apis/ccompat/v7` (no trailing slash). */
  schemaRegistryUrl: string;
  /** `4.3.1`, or what could be learned about an external cluster (`external (cluster <id>)`). */
  kafkaVersion: string;
  registryVersion: string;
}

/** Start-up durations, when this process started the components itself. */
export interface InfraTimings {
  totalMs: number;
  kafkaMs?: number;
  registryMs?: number;
}

/** Started infrastructure; `stop()` is idempotent and leaves no process behind. */
export interface RunningInfra extends InfraEndpoints {
  timings: InfraTimings;
  stop(): Promise<void>;
}

/** Options of {@link startInfra}; every field has an environment-driven default. */
export interface StartInfraOptions {
  /** Progress lines (what is being started, how long it took). Silent when absent. */
  log?: (line: string) => void;
  /** Forces a mode instead of detecting one (`PUSHSTREAM_INFRA_MODE` does the same). */
  mode?: InfraMode;
  /** Kafka version for local and testcontainers modes (`PUSHSTREAM_KAFKA_VERSION`, default 4.3.1). */
  kafkaVersion?: string;
}
