import type { InfraEndpoints, InfraTimings } from './infra-types.js';

/**
 * One human line about the infrastructure in use, e.g.
 * `infra: Apache Kafka 4.3.1 (KRaft, local JVM) at 127.0.0.1:40123; Apicurio Registry 3.3.3 at http://...`.
 */
export function describeInfra(infra: InfraEndpoints, timings?: InfraTimings): string {
  const brokers = infra.kafkaBrokers.join(',');
  const took = timings === undefined ? '' : ` (ready in ${(timings.totalMs / 1000).toFixed(1)} s)`;
  if (infra.mode === 'external') {
    const registry = infra.registryVersion === 'external' ? '' : ` (Apicurio ${infra.registryVersion})`;
    return `infra: external Kafka ${infra.kafkaVersion.replace(/^external /, '')} at ${brokers}; external schema registry${registry} at ${infra.schemaRegistryUrl}`;
  }
  const runtime = infra.mode === 'local' ? 'KRaft, local JVM' : 'KRaft, testcontainers';
  return `infra: Apache Kafka ${infra.kafkaVersion} (${runtime}) at ${brokers}; Apicurio Registry ${infra.registryVersion} at ${infra.schemaRegistryUrl}${took}`;
}

/** The endpoints as plain data (drops `stop`, `timings` and anything else a live object carries). */
export function toEndpoints(infra: InfraEndpoints): InfraEndpoints {
  return {
    mode: infra.mode,
    kafkaBrokers: [...infra.kafkaBrokers],
    schemaRegistryUrl: infra.schemaRegistryUrl,
    kafkaVersion: infra.kafkaVersion,
    registryVersion: infra.registryVersion,
  };
}
