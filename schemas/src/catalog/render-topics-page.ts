import { avroRecordOf, avroSchema } from '../avro/avro-schemas.js';
import type { TopicSpec } from '../topology/topic-spec.js';

type Json = Record<string, unknown>;

const DAY_MS = 86_400_000;

/**
 * The human page of the topic catalog (`docs/topics.md`): how a data platform engineer consumes each
 * topic — key, value format, cleanup, retention, who writes it — and the fields of every Avro value.
 * Generated from the topology like the AsyncAPI document, so the two never disagree.
 */
export function renderTopicsPage(topics: readonly TopicSpec[], prefix = 'pushstream.'): string {
  const lines: string[] = [
    '# pushstream topics',
    '',
    '<!-- Generated from schemas/src/topology/topology.ts and schemas/avro/ by `npm run generate -w @pushstream/schemas`. Do not edit. -->',
    '',
    `Every topic pushstream writes, as a data platform engineer consumes it. Names carry a configurable prefix (\`${prefix}\` by default); the machine-readable version of this page is [\`asyncapi.json\`](asyncapi.json) (AsyncAPI 3.0).`,
    '',
    '## How to consume',
    '',
    '- **Keys** are UTF-8 strings. Device topics are keyed by device key `<source>:<app>:<device id>`, so every event, state and session of one device is in one partition, in order.',
    '- **Avro values** use the Confluent wire format (magic byte `0`, 4-byte big-endian schema id, Avro binary) with the topic-name strategy: the subject of topic `T` is `T-value`. Any Confluent-compatible client decodes them with the registry URL alone (Apicurio: `/apis/ccompat/v7`). Schemas only change BACKWARD-compatibly (new fields have defaults; enums declare a default symbol, so readers map symbols they do not know to it).',
    '- **Read with `isolation.level=read_committed`**: `device-events.v1` is written in Kafka transactions, exactly once per event id; uncommitted or aborted records must not be read.',
    "- **Compacted topics** (`device-state.v1`, `sink-acks.*`, `connector-checkpoints.v1`) hold the latest value per key: read from the beginning to rebuild the current picture. A `null` value is a tombstone (the device was erased); a reader that rebuilds state must reach the head of the topic within the topic's `delete.retention.ms` (24 h by default) or it can miss deletions.",
    "- **Raw topics** hold the source's bytes untouched, one event per record, with lineage headers; they are for replay and audit, not for analytics.",
    '- **Dead letters** (`dlq.<stage>.v1`) keep the original key, value and headers and add `pushstream-error-code`, `pushstream-error-message`, `pushstream-error-stage`, `pushstream-error-at`, `pushstream-source-topic`, `pushstream-source-partition` and `pushstream-source-offset`.',
    '',
    '## Topics',
    '',
    '| topic | key | value | cleanup | retention | partitions | written by | read by |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const topic of topics) {
    const value = topic.value.format === 'avro' ? `Avro \`${topic.value.schema}\`` : 'raw bytes';
    const retention = topic.retentionMs === undefined ? '—' : `${topic.retentionMs / DAY_MS} d`;
    lines.push(
      `| \`${prefix}${topic.name}\` | ${shortKey(topic.key)} | ${value} | ${topic.cleanupPolicy} | ${retention} | ${topic.partitions} | ${topic.producers.join(', ')} | ${topic.consumers.join(', ')} |`,
    );
  }
  lines.push('');
  for (const topic of topics) {
    lines.push(
      `### ${topic.name}`,
      '',
      topic.description,
      '',
      `- Key: ${topic.key}`,
      `- Value: ${topic.value.description}`,
      '',
    );
  }
  const documented = new Set<string>();
  lines.push('## Avro records', '');
  for (const topic of topics) {
    if (topic.value.format !== 'avro' || documented.has(topic.value.schema)) continue;
    documented.add(topic.value.schema);
    const schema = avroSchema(avroRecordOf(topic.value.schema));
    lines.push(
      `### ${topic.value.schema}`,
      '',
      text(schema.doc),
      '',
      '| field | type | doc |',
      '|---|---|---|',
    );
    for (const field of schema.fields as Json[]) {
      lines.push(
        `| \`${String(field.name)}\` | ${typeName(field.type)}${'default' in field ? ` (default \`${JSON.stringify(field.default)}\`)` : ''} | ${escapeCell(text(field.doc))} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function shortKey(key: string): string {
  return key.startsWith('Device key') ? 'device key' : escapeCell(key.replace(/\.$/, ''));
}

function typeName(type: unknown): string {
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.map(typeName).join(' \\| ');
  const node = type as Json;
  if (typeof node.logicalType === 'string') return node.logicalType;
  if (node.type === 'record' || node.type === 'enum') return `${String(node.type)} ${String(node.name)}`;
  if (node.type === 'array') return `array<${typeName(node.items)}>`;
  if (node.type === 'map') return `map<${typeName(node.values)}>`;
  return String(node.type);
}

function escapeCell(cell: string): string {
  return cell.replaceAll('|', '\\|');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
