import { describe, expect, inject, it } from 'vitest';
import { AVRO_RECORDS, TOPOLOGY, avroSchema, avroType, resolveTopics } from '@pushstream/schemas';
import type {} from '@pushstream/test-kit';
import { uniqueName } from '@pushstream/test-kit';
import {
  PushstreamError,
  RegistrySerde,
  createSchemaRegistryClient,
  registerTopologySchemas,
  topicSerde,
  valueSubject,
} from '../src/index.js';
import type { ConnectorCheckpoint } from '@pushstream/schemas';

type Json = Record<string, unknown>;

function withField(schema: Json, field: Json): Json {
  return { ...schema, fields: [...(schema.fields as Json[]), field] };
}

describe('pushstream schemas in the real registry', () => {
  const registryUrl = inject('infra').schemaRegistryUrl;
  const serde = () => new RegistrySerde(createSchemaRegistryClient({ url: registryUrl }));

  it('registers every Avro topic of the topology with BACKWARD compatibility, idempotently', async () => {
    const prefix = `${uniqueName('compat')}.`;
    const topics = resolveTopics(TOPOLOGY, { prefix, replicationFactor: 1 });
    const first = await registerTopologySchemas(serde(), topics);
    const avroTopics = topics.filter((topic) => topic.value.format === 'avro');
    expect([...first.keys()]).toEqual(avroTopics.map((topic) => `${topic.fullName}-value`));
    const again = await registerTopologySchemas(serde(), topics);
    expect(again).toEqual(first);

    const config = (await (
      await fetch(`${registryUrl}/config/${encodeURIComponent(`${prefix}device-events.v1-value`)}`)
    ).json()) as { compatibilityLevel?: string };
    expect(config.compatibilityLevel).toBe('BACKWARD');
  });

  it.each(AVRO_RECORDS)(
    'accepts a BACKWARD change of %s and rejects a field added without default',
    async (name) => {
      const subject = valueSubject(uniqueName(`compat-${name}`));
      const registry = serde();
      const v1 = await registry.register(subject, avroSchema(name));

      const compatible = withField(avroSchema(name), {
        name: 'addedLater',
        type: ['null', 'string'],
        default: null,
        doc: 'A compatible addition.',
      });
      const v2 = await registry.register(subject, compatible);
      expect(v2).not.toBe(v1);

      const incompatible = withField(avroSchema(name), {
        name: 'requiredLater',
        type: 'string',
        doc: 'No default: old data cannot be read.',
      });
      const failure = await registry.register(subject, incompatible).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PushstreamError);
      expect((failure as PushstreamError).code).toBe('SCHEMA_INCOMPATIBLE');
      expect((failure as PushstreamError).message).toContain(
        `not BACKWARD compatible with the latest version of ${subject}`,
      );
    },
  );

  it('decodes records of an older schema version into the current shape, defaults filled', async () => {
    const topic = uniqueName('compat-evolve');
    const registry = serde();
    const current = avroSchema('ConnectorCheckpoint') as Json;
    const older = {
      ...current,
      fields: (current.fields as Json[]).filter((field) => field.name !== 'connectorInstance'),
    };
    await registry.register(valueSubject(topic), older);
    const written = await registry.encode(valueSubject(topic), {
      streamId: 's',
      appKey: 'app',
      offset: '1000',
      lastEventId: null,
      updatedAt: 5,
    });
    await registry.register(valueSubject(topic), current);
    const checkpoints = topicSerde<ConnectorCheckpoint>(serde(), topic, 'ConnectorCheckpoint');
    expect({ ...(await checkpoints.decode(written)) }).toEqual({
      streamId: 's',
      appKey: 'app',
      offset: '1000',
      lastEventId: null,
      updatedAt: 5,
      connectorInstance: null,
    });
  });

  it('lets a consumer decode records written with the registered schema using only the registry', async () => {
    const subject = valueSubject(uniqueName('compat-decode'));
    const registry = serde();
    await registry.register(subject, avroSchema('DeviceState'));
    const state = avroType('DeviceState').random() as unknown as Json;
    const decoded = await serde().decode(await registry.encode(subject, state));
    expect(JSON.parse(avroType('DeviceState').toString(decoded))).toEqual(
      JSON.parse(avroType('DeviceState').toString(state)),
    );
  });
});
