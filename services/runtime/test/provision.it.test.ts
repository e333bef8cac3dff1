import { describe, expect, it } from 'vitest';
import { resolveTopics, type TopicSpec } from '@pushstream/schemas';
import { createTestTopics, testKafka, uniqueName, withAdmin } from '@pushstream/test-kit';
import { PushstreamError, createKafkaClient, createLogger, provisionTopics } from '../src/index.js';
import { infraBrokers } from './support/infra-env.js';

const spec = (name: string, cleanupPolicy: 'delete' | 'compact', partitions: number): TopicSpec => ({
  name,
  description: 'test topic',
  key: 'test key',
  value: { format: 'bytes', description: 'bytes' },
  cleanupPolicy,
  ...(cleanupPolicy === 'delete' ? { retentionMs: 3_600_000 } : {}),
  partitions,
  producers: ['test'],
  consumers: ['test'],
});

describe('topic provisioning against real Kafka', () => {
  const brokers = infraBrokers();
  const kafka = createKafkaClient(
    { clientId: 'provision-it', brokers, connectionTimeoutMs: 10_000 },
    createLogger({ serviceName: 'provision-it', level: 'silent' }),
  );

  it('creates missing topics as declared, and a second run only verifies', async () => {
    const prefix = `${uniqueName('prov')}.`;
    const topics = resolveTopics([spec('events.v1', 'delete', 3), spec('state.v1', 'compact', 2)], {
      prefix,
      replicationFactor: 1,
    });

    const first = await provisionTopics(kafka, topics, { create: true });
    expect(first).toEqual({ created: [`${prefix}events.v1`, `${prefix}state.v1`], verified: [] });
    const second = await provisionTopics(kafka, topics, { create: true });
    expect(second).toEqual({ created: [], verified: [`${prefix}events.v1`, `${prefix}state.v1`] });

    const described = await withAdmin(testKafka(brokers), async (admin) => {
      const metadata = await admin.fetchTopicMetadata({ topics: [`${prefix}state.v1`] });
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: 2, name: `${prefix}state.v1`, configNames: ['cleanup.policy'] }],
      });
      return {
        partitions: metadata.topics[0]?.partitions.length,
        cleanup: configs.resources[0]?.configEntries[0]?.configValue,
      };
    });
    expect(described).toEqual({ partitions: 2, cleanup: 'compact' });
  });

  it('rejects an existing topic whose cleanup policy and partitions differ, naming each difference', async () => {
    const prefix = `${uniqueName('prov')}.`;
    await createTestTopics(testKafka(brokers), [
      { name: `${prefix}state.v1`, partitions: 1, configs: { 'cleanup.policy': 'delete' } },
    ]);
    const topics = resolveTopics([spec('state.v1', 'compact', 2)], { prefix, replicationFactor: 1 });
    const failure = await provisionTopics(kafka, topics, { create: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PushstreamError);
    expect((failure as PushstreamError).code).toBe('TOPIC_MISCONFIGURED');
    expect((failure as PushstreamError).message).toContain(
      `${prefix}state.v1: has 1 partitions, the topology declares 2`,
    );
    expect((failure as PushstreamError).message).toContain(
      `${prefix}state.v1: cleanup.policy is "delete", expected "compact"`,
    );
  });

  it('refuses to create topics when auto-creation is off', async () => {
    const prefix = `${uniqueName('prov')}.`;
    const topics = resolveTopics([spec('events.v1', 'delete', 1)], { prefix, replicationFactor: 1 });
    await expect(provisionTopics(kafka, topics, { create: false })).rejects.toMatchObject({
      code: 'TOPIC_MISSING',
    });
  });
});
