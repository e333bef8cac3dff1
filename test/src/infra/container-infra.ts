import { freeLoopbackPorts } from './free-ports.js';
import { APICURIO_VERSION } from './infra-settings.js';
import type { RunningInfra } from './infra-types.js';

/**
 * Starts `apache/kafka:<version>` (KRaft single node) and `apicurio/apicurio-registry:<version>` with
 * testcontainers. Not exercised on the development machines, which have no Docker engine: keep it small
 * and equivalent to the local JVM mode (same broker settings, same ccompat URL).
 */
export async function startContainerInfra(
  kafkaVersion: string,
  log?: (line: string) => void,
): Promise<RunningInfra> {
  const started = Date.now();
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  // The advertised listener must name the port the host sees before the broker starts, so the host port is
  // chosen here and bound 1:1 instead of letting Docker pick one.
  const [kafkaPort] = await freeLoopbackPorts(1);
  if (kafkaPort === undefined) throw new Error('no free port for Kafka');
  log?.(
    `infra: starting apache/kafka:${kafkaVersion} and apicurio/apicurio-registry:${APICURIO_VERSION} with testcontainers`,
  );
  const kafkaContainer = new GenericContainer(`apache/kafka:${kafkaVersion}`)
    .withExposedPorts({ container: kafkaPort, host: kafkaPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${kafkaPort},CONTROLLER://localhost:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${kafkaPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_NUM_PARTITIONS: '1',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(120_000);
  const registryContainer = new GenericContainer(`apicurio/apicurio-registry:${APICURIO_VERSION}`)
    .withExposedPorts(8080)
    .withEnvironment({ 'apicurio.rest.deletion.artifact.enabled': 'true' })
    .withWaitStrategy(Wait.forHttp('/apis/ccompat/v7/subjects', 8080).forStatusCode(200))
    .withStartupTimeout(180_000);
  const [kafka, registry] = await Promise.all([kafkaContainer.start(), registryContainer.start()]);
  return {
    mode: 'testcontainers',
    kafkaBrokers: [`${host}:${kafkaPort}`],
    schemaRegistryUrl: `http://${registry.getHost()}:${registry.getMappedPort(8080)}/apis/ccompat/v7`,
    kafkaVersion,
    registryVersion: APICURIO_VERSION,
    timings: { totalMs: Date.now() - started },
    stop: async () => {
      await Promise.all([kafka.stop(), registry.stop()]);
    },
  };
}
