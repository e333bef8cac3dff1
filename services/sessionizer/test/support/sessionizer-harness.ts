import { fileURLToPath } from 'node:url';
import {
  RegistrySerde,
  createKafkaClient,
  createLogger,
  createPipelineProducer,
  createSchemaRegistryClient,
  provisionTopics,
  topicSerde,
  type OutputRecord,
} from '@pushstream/runtime';
import {
  TOPOLOGY,
  avroSchema,
  resolveTopics,
  type DeviceEvent,
  type DeviceSession,
  type DeviceState,
} from '@pushstream/schemas';
import {
  ChildService,
  committedTotal,
  integrationServiceEnv,
  readTopic,
  testKafka,
  waitFor,
  type ProvidedInfra,
} from '@pushstream/test-kit';

/** The built service (child processes import dist/: rebuild before running these tests). */
export const SESSIONIZER_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** Topics, serdes and helpers of one isolated sessionizer deployment (its own topic prefix). */
export class SessionizerHarness {
  readonly kafka;
  readonly serde: RegistrySerde;
  readonly topics;
  private readonly children: ChildService[] = [];

  constructor(
    readonly infra: ProvidedInfra,
    readonly prefix: string,
    readonly groupId: string,
  ) {
    this.kafka = testKafka(infra.kafkaBrokers);
    this.serde = new RegistrySerde(createSchemaRegistryClient({ url: infra.schemaRegistryUrl }));
    this.topics = {
      events: `${prefix}device-events.v1`,
      state: `${prefix}device-state.v1`,
      sessions: `${prefix}device-sessions.v1`,
      openSessions: `${prefix}open-sessions.v1`,
    };
  }

  /** Creates the deployment's topics and registers the input schema, as the normalizer would. */
  async provision(): Promise<void> {
    const logger = createLogger({ serviceName: 'sessionizer-it', level: 'silent' });
    const kafka = createKafkaClient(
      { clientId: 'sessionizer-it', brokers: [...this.infra.kafkaBrokers], connectionTimeoutMs: 10_000 },
      logger,
    );
    await provisionTopics(kafka, resolveTopics(TOPOLOGY, { prefix: this.prefix, replicationFactor: 1 }), {
      create: true,
    });
    await this.serde.register(`${this.topics.events}-value`, avroSchema('DeviceEvent'));
  }

  /** Produces DeviceEvents keyed by device (murmur2 partitioner), or to an explicit partition. */
  async produce(events: readonly { event: DeviceEvent; partition?: number }[]): Promise<void> {
    const logger = createLogger({ serviceName: 'sessionizer-it', level: 'silent' });
    const kafka = createKafkaClient(
      {
        clientId: 'sessionizer-it-producer',
        brokers: [...this.infra.kafkaBrokers],
        connectionTimeoutMs: 10_000,
      },
      logger,
    );
    const producer = createPipelineProducer(kafka, { compression: 'none' });
    await producer.connect();
    const serde = topicSerde<DeviceEvent>(this.serde, this.topics.events, 'DeviceEvent');
    try {
      for (let start = 0; start < events.length; start += 5000) {
        const records: OutputRecord[] = [];
        for (const { event, partition } of events.slice(start, start + 5000)) {
          records.push({
            topic: this.topics.events,
            key: event.deviceKey,
            value: await serde.encode(event),
            ...(partition === undefined ? {} : { partition }),
          });
        }
        await producer.send(records);
      }
    } finally {
      await producer.disconnect();
    }
  }

  /** Starts a sessionizer process of this deployment. */
  start(name: string, env: Record<string, string> = {}): ChildService {
    const child = new ChildService(SESSIONIZER_MAIN, {
      env: integrationServiceEnv(this.infra, 'sessionizer', {
        LOG_LEVEL: 'info',
        TOPIC_PREFIX: this.prefix,
        CONSUMER_GROUP_ID: this.groupId,
        HOSTNAME: name,
        ...env,
      }),
    });
    this.children.push(child);
    return child;
  }

  /** Input records the group has committed. */
  committed(): Promise<number> {
    return committedTotal(this.kafka, this.groupId, this.topics.events);
  }

  /** Waits until the group committed at least `target` input records. */
  async waitCommitted(target: number, timeoutMs: number, lastSeen: () => unknown): Promise<void> {
    await waitFor(`${target} input records committed`, async () => (await this.committed()) >= target, {
      timeoutMs,
      intervalMs: 250,
      lastSeen,
    });
  }

  /** Every record of device-state.v1 in partition/offset order, decoded (null = tombstone). */
  async stateRecords(): Promise<{ key: string; partition: number; state: DeviceState | null }[]> {
    const serde = topicSerde<DeviceState>(this.serde, this.topics.state, 'DeviceState');
    const records = await readTopic(this.kafka, this.topics.state, { timeoutMs: 120_000 });
    return Promise.all(
      records.map(async (record) => ({
        key: record.key ?? '',
        partition: record.partition,
        state: record.value === null ? null : await serde.decode(record.value),
      })),
    );
  }

  /** Every closed session written. */
  async sessions(): Promise<DeviceSession[]> {
    const serde = topicSerde<DeviceSession>(this.serde, this.topics.sessions, 'DeviceSession');
    const records = await readTopic(this.kafka, this.topics.sessions, { timeoutMs: 120_000 });
    return Promise.all(
      records.flatMap((record) => (record.value === null ? [] : [serde.decode(record.value)])),
    );
  }

  /** Kills every child still running. */
  async stopAll(): Promise<void> {
    for (const child of this.children.splice(0)) {
      child.kill('SIGKILL');
      await child.exited;
    }
  }
}
