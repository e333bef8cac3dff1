import { avroRecordOf, avroSchema, type ResolvedTopic } from '@pushstream/schemas';
import { valueSubject, type RegistrySerde } from './registry-serde.js';

/**
 * Registers the Avro value schema of every Avro topic in `topics` under its topic-name subject with
 * BACKWARD compatibility — the registry check every deployment runs before writing. Returns the schema
 * id per subject. Raw-bytes topics are skipped.
 */
export async function registerTopologySchemas(
  serde: RegistrySerde,
  topics: readonly ResolvedTopic[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const topic of topics) {
    if (topic.value.format !== 'avro') continue;
    const subject = valueSubject(topic.fullName);
    ids.set(subject, await serde.register(subject, avroSchema(avroRecordOf(topic.value.schema))));
  }
  return ids;
}
