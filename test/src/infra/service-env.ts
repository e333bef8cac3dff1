import type { InfraEndpoints } from './infra-types.js';

/**
 * The runtime environment of a service under test, pointed at the integration infrastructure (real Kafka
 * and Apicurio): one replica, an ephemeral ops port, warnings only, a 20 s shutdown deadline. `extra`
 * adds or overrides variables (TOPIC_PREFIX, the service's own settings).
 */
export function integrationServiceEnv(
  infra: InfraEndpoints,
  serviceName: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    SERVICE_NAME: serviceName,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: infra.schemaRegistryUrl,
    TOPIC_REPLICATION_FACTOR: '1',
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT_MS: '20000',
    ...extra,
  };
}
