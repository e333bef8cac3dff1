import { avroType, type AvroRecordName } from '@pushstream/schemas';
import { valueSubject, type RegistrySerde } from './registry-serde.js';

/** Avro values of one topic, typed: encoded with the topic's subject, decoded into the current schema. */
export interface TopicSerde<T> {
  readonly subject: string;
  encode(value: T): Promise<Buffer>;
  /** Decodes whatever schema version wrote the record into the current shape of `T`. */
  decode(buffer: Buffer): Promise<T>;
}

/**
 * The serde of an Avro topic: `record` names the `.avsc` whose generated type is `T`, e.g.
 * `topicSerde<DeviceEvent>(serde, 'pushstream.device-events.v1', 'DeviceEvent')`.
 */
export function topicSerde<T>(serde: RegistrySerde, topic: string, record: AvroRecordName): TopicSerde<T> {
  const subject = valueSubject(topic);
  const reader = avroType(record);
  return {
    subject,
    encode: (value) => serde.encode(subject, value),
    // The reader schema is the generated type's own schema, so the decoded value has the shape of T.
    decode: async (buffer) => (await serde.decodeAs(buffer, reader)) as T,
  };
}
