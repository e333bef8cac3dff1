import { Kafka, logLevel } from 'kafkajs';
import type { RunningInfra } from './infra-types.js';
import { apicurioVersion } from './registry-readiness.js';

/**
 * Uses the Kafka and registry named by KAFKA_BROKERS / SCHEMA_REGISTRY_URL; nothing is started or stopped.
 * Kafka has no "version" request, so the version reported is `external (cluster <id>)`; the registry's
 * version is asked from Apicurio's system API when it is Apicurio (else `external`).
 */
export async function useExternalInfra(
  kafkaBrokers: string[],
  schemaRegistryUrl: string,
): Promise<RunningInfra> {
  const started = Date.now();
  const [kafkaVersion, registryVersion] = await Promise.all([
    describeExternalKafka(kafkaBrokers),
    apicurioVersion(schemaRegistryUrl).then((version) => version ?? 'external'),
  ]);
  return {
    mode: 'external',
    kafkaBrokers,
    schemaRegistryUrl,
    kafkaVersion,
    registryVersion,
    timings: { totalMs: Date.now() - started },
    stop: () => Promise.resolve(),
  };
}

async function describeExternalKafka(brokers: string[]): Promise<string> {
  const admin = new Kafka({
    clientId: 'pushstream-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return `external (cluster ${cluster.clusterId})`;
  } catch (error) {
    throw new Error(
      `KAFKA_BROKERS=${brokers.join(',')} is not reachable: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    await admin.disconnect();
  }
}
