import { inject } from 'vitest';
// Brings the `inject('infra')` typing of the integration project's global setup.
import type {} from '@pushstream/test-kit';

/** Env of an in-process sink pointed at the integration infrastructure (real Kafka + Apicurio). */
export function infraEnv(extra: Record<string, string> = {}): Record<string, string> {
  const infra = inject('infra');
  return {
    SERVICE_NAME: 'sink-it',
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: infra.schemaRegistryUrl,
    TOPIC_REPLICATION_FACTOR: '1',
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '20000',
    ...extra,
  };
}

/** The brokers of the integration infrastructure. */
export function infraBrokers(): string[] {
  return inject('infra').kafkaBrokers;
}
