import { inject } from 'vitest';
import { createTestTopics, testKafka, uniqueName, type ProvidedInfra } from '@pushstream/test-kit';
import {
  RegistrySerde,
  createKafkaClient,
  createLogger,
  createPipelineProducer,
  createSchemaRegistryClient,
  valueSubject,
  type OutputRecord,
  type PipelineProducer,
} from '@pushstream/runtime';
import { TOPOLOGY, avroSchema, avroType, type AvroRecordName } from '@pushstream/schemas';
import { run, type CliIo } from '../../src/index.js';
// Brings the `inject('infra')` typing of the integration project's global setup.
import type {} from '@pushstream/test-kit';

/** What one CLI run printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** One test's world: its own topic prefix on the shared Kafka and registry. */
export class CliWorld {
  readonly prefix = `${uniqueName('it-cli')}.`;
  readonly infra: ProvidedInfra = inject('infra');
  readonly kafka = testKafka(this.infra.kafkaBrokers);
  readonly serde = new RegistrySerde(createSchemaRegistryClient({ url: this.infra.schemaRegistryUrl }));
  private producerInstance: PipelineProducer | undefined;

  /** The CLI's environment for this world. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      KAFKA_BROKERS: this.infra.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: this.infra.schemaRegistryUrl,
      TOPIC_PREFIX: this.prefix,
      ...extra,
    };
  }

  /** Full name of a declared topic. */
  topic(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** Creates declared topics (1 replica) with the given partition count, and registers their Avro schemas. */
  async provision(names: readonly string[], partitions = 3): Promise<void> {
    await createTestTopics(
      this.kafka,
      names.map((name) => ({ name: this.topic(name), partitions })),
    );
    for (const name of names) {
      const spec = TOPOLOGY.find((topic) => topic.name === name);
      if (spec?.value.format === 'avro') {
        const record = spec.value.schema.slice(spec.value.schema.lastIndexOf('.') + 1) as AvroRecordName;
        await this.serde.register(valueSubject(this.topic(name)), avroSchema(record));
      }
    }
  }

  /** Avro encoding of a value for a declared topic (Confluent wire format, the topic's subject). */
  encode(name: string, value: unknown): Promise<Buffer> {
    return this.serde.encode(valueSubject(this.topic(name)), value);
  }

  /** Produces records with the runtime's producer (murmur2 by key, acks=all). */
  async produce(records: readonly OutputRecord[]): Promise<void> {
    if (this.producerInstance === undefined) {
      this.producerInstance = createPipelineProducer(
        createKafkaClient(
          { clientId: 'cli-it', brokers: this.infra.kafkaBrokers, connectionTimeoutMs: 10_000 },
          createLogger({ serviceName: 'cli-it', level: 'silent' }),
        ),
      );
      await this.producerInstance.connect();
    }
    await this.producerInstance.send(records);
  }

  /** Runs the CLI in-process with this world's environment. */
  async cli(
    argv: readonly string[],
    options: { env?: Record<string, string>; io?: Partial<CliIo> } = {},
  ): Promise<CliResult> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      env: options.env ?? this.env(),
      ...options.io,
    };
    const code = await run(argv, io);
    return { code, stdout, stderr };
  }

  /** `cli` with --json, the output parsed (fails the test on a non-zero exit). */
  async json<T>(
    argv: readonly string[],
    options: { env?: Record<string, string>; io?: Partial<CliIo> } = {},
  ): Promise<T> {
    const result = await this.cli(['--json', ...argv], options);
    if (result.code !== 0)
      throw new Error(`pushstream ${argv.join(' ')} exited ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout) as T;
  }

  async close(): Promise<void> {
    await this.producerInstance?.disconnect();
  }
}

/** A random valid value of an Avro record, with fields overridden. */
export function sampleValue<T>(record: AvroRecordName, overrides: Partial<T>): T {
  return { ...(avroType(record).random() as T), ...overrides };
}
