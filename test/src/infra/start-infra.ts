import { startContainerInfra } from './container-infra.js';
import { containerRuntimeAvailable } from './docker-detect.js';
import { useExternalInfra } from './external-infra.js';
import { readInfraSettings } from './infra-settings.js';
import type { InfraMode, RunningInfra, StartInfraOptions } from './infra-types.js';
import { startLocalInfra } from './local-infra.js';

/**
 * Kafka + schema registry for tests, benchmarks and local runs, in the first mode that applies:
 * 1. `external`: KAFKA_BROKERS and SCHEMA_REGISTRY_URL are set; nothing is started.
 * 2. `testcontainers`: a container runtime is reachable.
 * 3. `local`: Kafka and Apicurio Registry as JVMs from Maven Central jars (needs Java 17 and 21+, Maven).
 * PUSHSTREAM_INFRA_MODE (or `options.mode`) forces one.
 */
export async function startInfra(options: StartInfraOptions = {}): Promise<RunningInfra> {
  const settings = readInfraSettings();
  const kafkaVersion = options.kafkaVersion ?? settings.kafkaVersion;
  const mode =
    options.mode ??
    settings.forcedMode ??
    (await detectMode(
      settings.externalKafkaBrokers,
      settings.externalRegistryUrl,
      settings.dockerDetectTimeoutMs,
    ));
  switch (mode) {
    case 'external': {
      const brokers = settings.externalKafkaBrokers;
      const registryUrl = settings.externalRegistryUrl;
      if (brokers === undefined || registryUrl === undefined) {
        throw new Error('external infra mode needs both KAFKA_BROKERS and SCHEMA_REGISTRY_URL');
      }
      return useExternalInfra(brokers, registryUrl);
    }
    case 'testcontainers':
      return startContainerInfra(kafkaVersion, options.log);
    case 'local':
      return startLocalInfra({ settings, kafkaVersion, ...(options.log ? { log: options.log } : {}) });
  }
}

async function detectMode(
  brokers: string[] | undefined,
  registryUrl: string | undefined,
  dockerTimeoutMs: number,
): Promise<InfraMode> {
  if (brokers !== undefined && registryUrl !== undefined) return 'external';
  if (await containerRuntimeAvailable(dockerTimeoutMs)) return 'testcontainers';
  return 'local';
}
