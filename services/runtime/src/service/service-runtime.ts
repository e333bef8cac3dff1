import { TOPOLOGY, resolveTopics, type ResolvedTopic, type TopicSpec } from '@pushstream/schemas';
import { toRuntimeConfig, type RuntimeConfig, type RuntimeEnv } from '../config/runtime-config.js';
import { redactConfig } from '../config/redact.js';
import { HealthState } from '../http/health-state.js';
import { startOpsServer, type OpsServer } from '../http/ops-server.js';
import { createKafkaClient, type Kafka } from '../kafka/kafka-client.js';
import { createPipelineProducer, type PipelineProducer, type ProducerOptions } from '../kafka/producer.js';
import { retryInPlace } from '../kafka/retry-in-place.js';
import { watchParent } from '../lifecycle/parent-watch.js';
import { ShutdownSequence, type ShutdownStep } from '../lifecycle/shutdown-sequence.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createPipelineMetrics, type PipelineMetrics } from '../metrics/pipeline-metrics.js';
import { createSchemaRegistryClient } from '../serde/registry-client.js';
import { RegistrySerde } from '../serde/registry-serde.js';
import { registerTopologySchemas } from '../serde/register-topology-schemas.js';
import { provisionTopics, type ProvisionReport } from '../topology/provision-topics.js';

/** Everything a service's shell needs, built from validated config. */
export interface ServiceRuntime {
  readonly config: RuntimeConfig;
  readonly logger: Logger;
  readonly metrics: PipelineMetrics;
  readonly health: HealthState;
  readonly kafka: Kafka;
  readonly producer: PipelineProducer;
  readonly serde: RegistrySerde;
  readonly opsServer: OpsServer;
  /** Resolved topics of the topology (prefix, partitions, replication applied). */
  readonly topics: readonly ResolvedTopic[];
  /** The full name of a declared topic. */
  topic(name: string): string;
  /** The ordered stop: service steps (added by the service) run before the runtime's own. */
  readonly shutdown: ShutdownSequence;
  /** Adds a service step to the shutdown sequence (e.g. stopping its consumer loop). */
  onShutdown(step: ShutdownStep): void;
  /** Creates missing topics and verifies existing ones. */
  provision(topics?: readonly ResolvedTopic[]): Promise<ProvisionReport>;
  /** Registers the Avro value schemas of the topics (BACKWARD); refuses an incompatible change. */
  registerSchemas(topics?: readonly ResolvedTopic[]): Promise<Map<string, number>>;
  /**
   * Ends start-up: clears the "service is starting" not-ready reason. Call it once the service's loops exist
   * (they add their own reasons: not joined yet, restoring), so that /readyz never answers ready between
   * the runtime's start and the first restore.
   */
  markStarted(): void;
}

/** Options of `startServiceRuntime`. */
export interface ServiceRuntimeOptions {
  /** Validated env variables (runtime ones at least). */
  readonly env: RuntimeEnv;
  /** The full validated config object, logged once (redacted). @default env */
  readonly loggedConfig?: unknown;
  /** @default the TOPOLOGY declaration */
  readonly topology?: readonly TopicSpec[];
  readonly producer?: ProducerOptions;
  readonly version?: string;
  /** Overrides the logger (tests). */
  readonly logger?: Logger;
}

/**
 * Builds the shell of a service: logger, metrics + probes server, Kafka client and connected producer,
 * registry serde, resolved topology, and the shutdown sequence (not ready → service steps → producer
 * flush → ops server close). Logs the redacted config once.
 */
export async function startServiceRuntime(options: ServiceRuntimeOptions): Promise<ServiceRuntime> {
  const config = toRuntimeConfig(options.env);
  const logger = options.logger ?? createLogger({ serviceName: config.serviceName, level: config.logLevel });
  logger.info({ config: redactConfig(options.loggedConfig ?? options.env) }, 'configuration');
  const metrics = createPipelineMetrics({
    stage: config.serviceName,
    ...(options.version === undefined ? {} : { version: options.version }),
  });
  const health = new HealthState();
  const opsServer = await startOpsServer({ port: config.httpPort, registry: metrics.registry, health });
  const kafka = createKafkaClient(config.kafka, logger);
  const producer = createPipelineProducer(kafka, options.producer);
  await producer.connect();
  const serde = new RegistrySerde(createSchemaRegistryClient(config.registry));
  const topics = resolveTopics(options.topology ?? TOPOLOGY, {
    prefix: config.topicPrefix,
    replicationFactor: config.topicReplicationFactor,
  });
  const byName = new Map(topics.map((topic) => [topic.name, topic.fullName]));

  const serviceSteps: ShutdownStep[] = [];
  const shutdown = new ShutdownSequence({ deadlineMs: config.shutdownTimeoutMs })
    .add({ name: 'mark not ready', run: () => health.setNotReady('shutdown', 'shutting down') })
    .add({
      name: 'stop service',
      run: async () => {
        for (const step of serviceSteps) {
          logger.info({ step: step.name }, 'shutdown step');
          await step.run();
        }
      },
    })
    .add({ name: 'flush producer', run: () => producer.disconnect() })
    .add({ name: 'close ops server', run: () => opsServer.close() });

  if (config.exitWithParentPid !== undefined) {
    const stopWatching = watchParent(config.exitWithParentPid, () => {
      logger.warn({ parentPid: config.exitWithParentPid }, 'parent process is gone; stopping');
      void shutdown.run().then((result) => process.exit(result.timedOut || result.failed.length > 0 ? 1 : 0));
    });
    shutdown.add({ name: 'stop watching the parent', run: stopWatching });
  }
  logger.info({ port: opsServer.port, brokers: config.kafka.brokers }, 'runtime started');
  return {
    config,
    logger,
    metrics,
    health,
    kafka,
    producer,
    serde,
    opsServer,
    topics,
    topic(name) {
      const full = byName.get(name);
      if (full === undefined) throw new Error(`topic ${name} is not in the topology declaration`);
      return full;
    },
    shutdown,
    onShutdown: (step) => serviceSteps.push(step),
    markStarted: () => health.setReady('starting'),
    provision: (subset) =>
      duringStartup('topic provisioning', config.startupRetryMs, shutdown, logger, () =>
        provisionTopics(kafka, subset ?? topics, { create: config.topicAutoCreate, logger }),
      ),
    registerSchemas: (subset) =>
      duringStartup('schema registration', config.startupRetryMs, shutdown, logger, () =>
        registerTopologySchemas(serde, subset ?? topics),
      ),
  };
}

/**
 * A start-up step that waits out a dependency being briefly away (Kafka or the registry restarting, a
 * fresh broker still electing leaders): transient failures are retried with backoff for up to
 * `budgetMs`, logged each time; a permanent error (misconfigured topic, incompatible schema) or the end of
 * the budget fails the start with the last error, so the orchestrator sees a crash it can report.
 */
async function duringStartup<T>(
  name: string,
  budgetMs: number,
  shutdown: ShutdownSequence,
  logger: Logger,
  step: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  let lastError: unknown;
  const outcome = await retryInPlace(step, {
    initialMs: 500,
    maxMs: 10_000,
    shouldContinue: () => !shutdown.started && Date.now() < deadline,
    onRetry: (error, attempt, delayMs) => {
      lastError = error;
      logger.warn({ err: error, attempt, delayMs }, `${name} failed; retrying`);
    },
  });
  if (outcome.ok) return outcome.value;
  throw lastError instanceof Error ? lastError : new Error(`${name} did not complete`);
}
