import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { describe, expect, inject, it } from 'vitest';
import { createTestTopics, readTopic, testKafka, uniqueName } from '@pushstream/test-kit';
import {
  RegistrySerde,
  createKafkaClient,
  createLogger,
  createPipelineProducer,
  createSchemaRegistryClient,
  valueSubject,
  type SchemaRegistryClient,
} from '../src/index.js';
import { infraBrokers } from './support/infra-env.js';
import type {} from '@pushstream/test-kit';

const PROBE_SCHEMA = {
  type: 'record',
  name: 'Probe',
  namespace: 'pushstream.test',
  doc: 'A record used by the runtime integration tests.',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'count', type: 'long' },
    { name: 'tags', type: { type: 'array', items: 'string' }, default: [] },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

/** Wraps the real client to count the HTTP-backed calls. */
function counting(client: SchemaRegistryClient): {
  client: SchemaRegistryClient;
  counts: Record<string, number>;
} {
  const counts: Record<string, number> = {
    setCompatibility: 0,
    checkCompatibility: 0,
    register: 0,
    latestId: 0,
  };
  const bump = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
  return {
    counts,
    client: {
      setCompatibility: (...args) => (bump('setCompatibility'), client.setCompatibility(...args)),
      checkCompatibility: (...args) => (bump('checkCompatibility'), client.checkCompatibility(...args)),
      register: (...args) => (bump('register'), client.register(...args)),
      latestId: (...args) => (bump('latestId'), client.latestId(...args)),
      encode: (...args) => client.encode(...args),
      decode: (...args) => client.decode(...args),
      writerType: (...args) => client.writerType(...args),
    },
  };
}

describe('Avro through the real registry', () => {
  const registryUrl = inject('infra').schemaRegistryUrl;

  it('round-trips records through the registry and Kafka, with no registry call per record', async () => {
    const brokers = infraBrokers();
    const topic = uniqueName('it-avro');
    const subject = valueSubject(topic);
    await createTestTopics(testKafka(brokers), [{ name: topic }]);
    const { client, counts } = counting(createSchemaRegistryClient({ url: registryUrl }));
    const serde = new RegistrySerde(client);
    const id = await serde.register(subject, PROBE_SCHEMA);
    expect(id).toBeGreaterThan(0);

    const values = Array.from({ length: 50 }, (_, i) => ({
      id: `probe-${i}`,
      count: i * 1000,
      tags: i % 2 === 0 ? ['even'] : [],
      note: i === 7 ? 'seven' : null,
    }));
    const encoded = await Promise.all(values.map((value) => serde.encode(subject, value)));
    expect(counts).toEqual({ setCompatibility: 1, checkCompatibility: 1, register: 1, latestId: 0 });
    expect(encoded[0]?.[0]).toBe(0);
    expect(encoded[0]?.readUInt32BE(1)).toBe(id);

    const logger = createLogger({ serviceName: 'avro-it', level: 'silent' });
    const producer = createPipelineProducer(
      createKafkaClient({ clientId: 'avro-it', brokers, connectionTimeoutMs: 10_000 }, logger),
    );
    await producer.connect();
    await producer.send(encoded.map((value, i) => ({ topic, key: `k${i}`, value })));
    await producer.disconnect();

    // A consumer that knows nothing but the registry URL decodes every record.
    const plain = new SchemaRegistry({ host: registryUrl });
    const read = await readTopic(testKafka(brokers), topic);
    const decoded = await Promise.all(
      read.map((record) => plain.decode(record.value ?? Buffer.alloc(0)) as Promise<unknown>),
    );
    expect(decoded).toEqual(values);
    // Our serde decodes them too.
    expect(await serde.decode(read[7]?.value ?? Buffer.alloc(0))).toEqual(values[7]);
  });

  it('a second service resolves the subject id once, then encodes from cache', async () => {
    const subject = valueSubject(uniqueName('it-avro-lookup'));
    await new RegistrySerde(createSchemaRegistryClient({ url: registryUrl })).register(subject, PROBE_SCHEMA);
    const { client, counts } = counting(createSchemaRegistryClient({ url: registryUrl }));
    const serde = new RegistrySerde(client);
    for (let i = 0; i < 20; i += 1) await serde.encode(subject, { id: 'x', count: i, tags: [], note: null });
    expect(counts.latestId).toBe(1);
  });

  it('answers clear coded errors for unknown subjects and invalid values', async () => {
    const serde = new RegistrySerde(createSchemaRegistryClient({ url: registryUrl }));
    await expect(serde.encode(uniqueName('no-such-subject'), {})).rejects.toMatchObject({
      code: 'SCHEMA_NOT_FOUND',
    });
    const subject = valueSubject(uniqueName('it-avro-invalid'));
    await serde.register(subject, PROBE_SCHEMA);
    await expect(serde.encode(subject, { id: 1 })).rejects.toMatchObject({ code: 'RECORD_ENCODE_FAILED' });
    await expect(serde.decode(Buffer.from('not avro'))).rejects.toMatchObject({
      code: 'RECORD_DECODE_FAILED',
    });
  });
});
