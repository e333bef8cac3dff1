import {
  createKafkaClient,
  createLogger,
  createPipelineMetrics,
  createPipelineProducer,
  provisionTopics,
  type PipelineMetrics,
  type PipelineProducer,
} from '@pushstream/runtime';
import { TOPOLOGY, resolveTopics } from '@pushstream/schemas';
import { uniqueName } from '@pushstream/test-kit';
import type { WebhookConfig } from '../../../src/webhooks/webhook-config.js';
import type { WebhookTopics } from '../../../src/webhooks/webhook-handler.js';
import { createWebhookMetrics } from '../../../src/webhooks/webhook-metrics.js';
import { createWebhookServer, type WebhookServer } from '../../../src/webhooks/webhook-server.js';
import { testWebhookConfig } from './webhook-test-kit.js';

/** A webhook server writing to real Kafka through the runtime's producer (acks=all). */
export interface KafkaWebhookServer {
  readonly url: string;
  readonly topics: WebhookTopics;
  readonly webhooks: WebhookServer;
  readonly producer: PipelineProducer;
  readonly metrics: PipelineMetrics;
  close(): Promise<void>;
}

/**
 * Provisions the raw topics of the topology under a fresh prefix (as the connector does at start), connects
 * the runtime producer and starts the webhook server on 127.0.0.1:0.
 */
export async function startKafkaWebhookServer(
  brokers: readonly string[],
  overrides: Partial<WebhookConfig> = {},
): Promise<KafkaWebhookServer> {
  const logger = createLogger({ serviceName: 'connector-it', level: 'silent' });
  const kafka = createKafkaClient(
    { clientId: uniqueName('connector-it'), brokers, connectionTimeoutMs: 3_000 },
    logger,
  );
  const raw = resolveTopics(
    TOPOLOGY.filter((topic) => topic.name === 'raw.cm-push.v1' || topic.name === 'raw.track.v1'),
    { prefix: `${uniqueName('it')}.`, replicationFactor: 1 },
  );
  await provisionTopics(kafka, raw, { create: true });
  const topicName = (name: string): string => {
    const topic = raw.find((candidate) => candidate.name === name);
    if (topic === undefined) throw new Error(`no topic ${name}`);
    return topic.fullName;
  };
  const topics = { cm: topicName('raw.cm-push.v1'), track: topicName('raw.track.v1') };
  const producer = createPipelineProducer(kafka);
  await producer.connect();
  const metrics = createPipelineMetrics({ stage: 'connector-it' });
  const webhooks = createWebhookServer({
    config: testWebhookConfig(overrides),
    producer,
    topics,
    metrics: createWebhookMetrics(metrics, 'connector-it'),
    logger,
    instanceId: 'connector-it-0',
  });
  const { port } = await webhooks.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${port}`,
    topics,
    webhooks,
    producer,
    metrics,
    async close() {
      await webhooks.close();
      await producer.disconnect();
    },
  };
}
