/**
 * @pushstream/runtime — the shared shell of every pushstream service. Services import from here only;
 * Kafka, the registry, HTTP probes and metrics are reached through it.
 */
export * from './errors/error-codes.js';
export * from './errors/pushstream-error.js';
export * from './config/env-values.js';
export * from './config/load-config.js';
export * from './config/redact.js';
export * from './config/runtime-config.js';
export * from './config/app-registry.js';
export * from './logging/logger.js';
export * from './metrics/pipeline-metrics.js';
export * from './http/health-state.js';
export * from './http/ops-server.js';
export * from './kafka/records.js';
export * from './kafka/headers.js';
export * from './kafka/kafka-client.js';
export * from './kafka/producer.js';
export * from './kafka/dead-letter.js';
export * from './kafka/retry-in-place.js';
export * from './kafka/assignment-tracker.js';
export * from './kafka/consumer-loop.js';
export * from './kafka/read-topic-to-end.js';
export * from './serde/registry-client.js';
export * from './serde/registry-serde.js';
export * from './serde/register-topology-schemas.js';
export * from './serde/topic-serde.js';
export * from './topology/topic-drift.js';
export * from './topology/provision-topics.js';
export * from './lifecycle/shutdown-sequence.js';
export * from './lifecycle/signals.js';
export * from './lifecycle/parent-watch.js';
export * from './service/service-runtime.js';
