import {
  PushstreamError,
  RegistrySerde,
  createKafkaAdminOps,
  createKafkaClient,
  createLogger,
  createPipelineProducer,
  createSchemaRegistryClient,
  envUrl,
  errorMessage,
  loadConfig,
  serviceEnvSchema,
  toRuntimeConfig,
  type Kafka,
  type KafkaAdminOps,
  type PipelineProducer,
  type RuntimeConfig,
} from '@pushstream/runtime';
import { TOPOLOGY, type TopicSpec } from '@pushstream/schemas';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { resolveTopicArgument } from './core/topology-view.js';
import type { CliIo } from './io.js';

/** Options every command takes (they override the environment). */
export interface GlobalOptions {
  readonly brokers?: string;
  readonly registry?: string;
  readonly prefix?: string;
  readonly json?: boolean;
  readonly verbose?: boolean;
}

/** Kafka client id of the CLI unless SERVICE_NAME / KAFKA_CLIENT_ID say otherwise. */
const DEFAULT_CLIENT_ID = 'pushstream-cli';

/** The CLI's env: the services' variables, with SERVICE_NAME and the registry optional. */
const cliEnvSchema = serviceEnvSchema({
  SERVICE_NAME: z.string().trim().min(1).default(DEFAULT_CLIENT_ID),
  SCHEMA_REGISTRY_URL: envUrl.optional(),
});

/** The config a CLI run uses, and the secrets its output must never show. */
export interface CliConfig {
  readonly kafka: RuntimeConfig['kafka'];
  /** Undefined when SCHEMA_REGISTRY_URL / --registry is not set. */
  readonly registry?: RuntimeConfig['registry'];
  readonly topicPrefix: string;
  readonly verbose: boolean;
}

/** Secret values found in the environment, whatever else happens (redaction must work even on bad config). */
export function secretsOf(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(env)
    .filter(([name]) => /PASSWORD|SECRET|TOKEN/i.test(name))
    .map(([, value]) => value ?? '')
    .filter((value) => value.length > 0);
}

/** Reads the environment with the flags applied on top; CONFIG_INVALID names every bad variable. */
export function loadCliConfig(
  env: Readonly<Record<string, string | undefined>>,
  options: GlobalOptions,
): CliConfig {
  const merged = {
    ...env,
    ...(options.brokers === undefined ? {} : { KAFKA_BROKERS: options.brokers }),
    ...(options.registry === undefined ? {} : { SCHEMA_REGISTRY_URL: options.registry }),
    ...(options.prefix === undefined ? {} : { TOPIC_PREFIX: options.prefix }),
  };
  const parsed = loadConfig(cliEnvSchema, merged);
  const registryUrl = parsed.SCHEMA_REGISTRY_URL;
  // toRuntimeConfig wants a registry URL; the CLI keeps its absence and asks for it only where needed.
  const config = toRuntimeConfig({
    ...parsed,
    SERVICE_NAME: parsed.SERVICE_NAME ?? DEFAULT_CLIENT_ID,
    SCHEMA_REGISTRY_URL: registryUrl ?? 'http://registry.invalid',
  });
  return {
    kafka: config.kafka,
    ...(registryUrl === undefined ? {} : { registry: config.registry }),
    topicPrefix: config.topicPrefix,
    verbose: options.verbose === true,
  };
}

/** What a command works with: lazily connected Kafka admin, producer and registry serde. */
export class CliContext {
  readonly kafka: Kafka;
  readonly topology: readonly TopicSpec[] = TOPOLOGY;
  private adminOps: KafkaAdminOps | undefined;
  private producerInstance: PipelineProducer | undefined;
  private serdeInstance: RegistrySerde | undefined;

  constructor(
    readonly config: CliConfig,
    readonly io: CliIo,
  ) {
    const logger = createLogger({
      serviceName: config.kafka.clientId,
      level: config.verbose ? 'warn' : 'silent',
      destination: new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          io.stderr(chunk.toString('utf8'));
          done();
        },
      }),
    });
    // Few retries: an operator at a terminal wants the broker's absence reported in seconds.
    this.kafka = createKafkaClient(config.kafka, logger, { retries: 2 });
  }

  /** The topic prefix in use. */
  get prefix(): string {
    return this.config.topicPrefix;
  }

  /** Full name of a declared topic (`device-state.v1` → `pushstream.device-state.v1`). */
  topic(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** Full name of a topic argument (a declared name gets the prefix, anything else is used as written). */
  topicArgument(argument: string): string {
    return resolveTopicArgument(argument, this.prefix, this.topology);
  }

  /** The admin operations, connected on first use; an unreachable cluster is one clear error. */
  async admin(): Promise<KafkaAdminOps> {
    if (this.adminOps === undefined) {
      const ops = createKafkaAdminOps(this.kafka);
      try {
        await ops.connect();
      } catch (error) {
        throw this.unreachable(error);
      }
      this.adminOps = ops;
    }
    return this.adminOps;
  }

  /** Fails with TOPIC_MISSING unless the topic exists. */
  async requireTopic(topic: string): Promise<void> {
    const topics = await (await this.admin()).listTopics();
    if (!topics.includes(topic))
      throw new PushstreamError(
        'TOPIC_MISSING',
        `topic ${topic} does not exist (TOPIC_PREFIX is "${this.prefix}")`,
      );
  }

  /** The producer (acks=all, idempotent), connected on first use. */
  async producer(): Promise<PipelineProducer> {
    if (this.producerInstance === undefined) {
      const producer = createPipelineProducer(this.kafka);
      try {
        await producer.connect();
      } catch (error) {
        throw this.unreachable(error);
      }
      this.producerInstance = producer;
    }
    return this.producerInstance;
  }

  /** The registry serde; fails with CONFIG_INVALID when no registry is configured. */
  serde(): RegistrySerde {
    if (this.serdeInstance === undefined) {
      if (this.config.registry === undefined)
        throw new PushstreamError(
          'CONFIG_INVALID',
          'this needs the schema registry: set SCHEMA_REGISTRY_URL or pass --registry <url>',
        );
      this.serdeInstance = new RegistrySerde(createSchemaRegistryClient(this.config.registry));
    }
    return this.serdeInstance;
  }

  /** Disconnects whatever was connected. */
  async close(): Promise<void> {
    await Promise.allSettled([this.adminOps?.disconnect(), this.producerInstance?.disconnect()]);
  }

  private unreachable(error: unknown): PushstreamError {
    const brokers = this.config.kafka.brokers.join(',');
    const reason = errorMessage(error).replace(/^could not connect to Kafka: /, '');
    return new PushstreamError('KAFKA_UNAVAILABLE', `cannot reach Kafka brokers ${brokers}: ${reason}`, {
      cause: error,
    });
  }
}
