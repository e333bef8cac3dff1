import { avroRecordOf, avroSchema } from '../avro/avro-schemas.js';
import type { TopicSpec } from '../topology/topic-spec.js';

/** AsyncAPI's media type for Avro 1.9 schemas. */
export const AVRO_SCHEMA_FORMAT = 'application/vnd.apache.avro;version=1.9.0';
const KAFKA_BINDING_VERSION = '0.5.0';

type Json = Record<string, unknown>;

/** Options of the rendered document. */
export interface AsyncApiOptions {
  /** Topic name prefix of the documented deployment. @default 'pushstream.' */
  readonly prefix?: string;
  readonly version: string;
}

/**
 * The AsyncAPI 3.0 document of every topic in the topology: address, key, value schema (Avro inline, or
 * raw bytes), cleanup policy and retention as Kafka bindings, and one send/receive operation per
 * producer and consumer. Generated, never edited: `docs/asyncapi.json`.
 */
export function renderAsyncApi(topics: readonly TopicSpec[], options: AsyncApiOptions): Json {
  const prefix = options.prefix ?? 'pushstream.';
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  for (const topic of topics) {
    const channelId = camel(topic.name);
    const messageId =
      topic.value.format === 'avro' ? avroRecordOf(topic.value.schema) : `${pascal(topic.name)}Record`;
    messages[messageId] ??= message(topic, messageId);
    channels[channelId] = {
      address: `${prefix}${topic.name}`,
      title: topic.name,
      description: topic.description,
      messages: { [messageId]: { $ref: `#/components/messages/${messageId}` } },
      bindings: {
        kafka: {
          topic: `${prefix}${topic.name}`,
          partitions: topic.partitions,
          topicConfiguration: {
            'cleanup.policy': [topic.cleanupPolicy],
            ...(topic.retentionMs === undefined ? {} : { 'retention.ms': topic.retentionMs }),
          },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    };
    for (const [action, parties] of [
      ['send', topic.producers],
      ['receive', topic.consumers],
    ] as const) {
      for (const party of parties) {
        operations[`${camel(party)}${pascal(action)}s${pascal(topic.name)}`] = {
          action,
          title: `${party} ${action === 'send' ? 'writes' : 'reads'} ${topic.name}`,
          channel: { $ref: `#/channels/${channelId}` },
          messages: [{ $ref: `#/channels/${channelId}/messages/${messageId}` }],
        };
      }
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'pushstream topics',
      version: options.version,
      description:
        'Every Kafka topic of pushstream: raw device events as received, the typed and deduplicated device-event stream, device lifecycle state and sessions, partner acknowledgements, connector checkpoints and dead letters. Avro values use the Confluent wire format (magic byte 0, 4-byte schema id) with topic-name subjects (`<topic>-value`) in the schema registry.',
    },
    defaultContentType: 'application/octet-stream',
    channels,
    operations,
    components: { messages },
  };
}

function message(topic: TopicSpec, messageId: string): Json {
  const key = { type: 'string', description: topic.key };
  const kafkaBinding = { key, bindingVersion: KAFKA_BINDING_VERSION };
  if (topic.value.format === 'avro') {
    return {
      name: messageId,
      title: messageId,
      summary: topic.value.description,
      contentType: 'application/vnd.apache.avro+binary',
      payload: { schemaFormat: AVRO_SCHEMA_FORMAT, schema: avroSchema(avroRecordOf(topic.value.schema)) },
      bindings: {
        kafka: { ...kafkaBinding, schemaIdLocation: 'payload', schemaIdPayloadEncoding: 'confluent' },
      },
    };
  }
  return {
    name: messageId,
    title: messageId,
    summary: topic.value.description,
    contentType: 'application/octet-stream',
    payload: { type: 'string', format: 'binary', description: topic.value.description },
    bindings: { kafka: kafkaBinding },
  };
}

function words(text: string): string[] {
  return text.split(/[^a-zA-Z0-9]+/).filter((word) => word.length > 0);
}

function pascal(text: string): string {
  return words(text)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
}

function camel(text: string): string {
  const value = pascal(text);
  return value.charAt(0).toLowerCase() + value.slice(1);
}
