import type avro from 'avsc';

/** avsc declares its Resolver class without exporting it. */
type AvroResolver = ReturnType<avro.Type['createResolver']>;
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';
import type { CompatibilityLevel, SchemaRegistryClient } from './registry-client.js';

/**
 * Avro encode/decode through the schema registry with the subject→id lookup cached: after the first
 * record of a subject, encoding and decoding make no registry call at all (the library caches schemas
 * by id; this caches the subject's id, which the library does not). Concurrent misses share one call;
 * failures are not cached.
 */
export class RegistrySerde {
  private readonly idBySubject = new Map<string, Promise<number>>();
  private readonly resolvers = new WeakMap<avro.Type, Map<number, Promise<AvroResolver>>>();

  constructor(private readonly client: SchemaRegistryClient) {}

  /**
   * Registers `schema` under `subject` with the given compatibility level (BACKWARD by default) and
   * caches its id for encoding; an incompatible schema is refused with SCHEMA_INCOMPATIBLE and the
   * registry's reasons. Run at start-up, once per output subject.
   */
  async register(
    subject: string,
    schema: object | string,
    compatibility: CompatibilityLevel = 'BACKWARD',
  ): Promise<number> {
    const text = typeof schema === 'string' ? schema : JSON.stringify(schema);
    await this.client.setCompatibility(subject, compatibility);
    const verdict = await this.client.checkCompatibility(subject, text);
    if (!verdict.compatible) {
      throw new PushstreamError(
        'SCHEMA_INCOMPATIBLE',
        `schema is not ${compatibility} compatible with the latest version of ${subject}${verdict.messages.length > 0 ? `: ${verdict.messages.join('; ')}` : ''}`,
      );
    }
    const id = await this.client.register(subject, text);
    this.idBySubject.set(subject, Promise.resolve(id));
    return id;
  }

  /** The schema id values of `subject` are encoded with (registered here, or the subject's latest). */
  schemaId(subject: string): Promise<number> {
    let id = this.idBySubject.get(subject);
    if (id === undefined) {
      id = this.client.latestId(subject);
      this.idBySubject.set(subject, id);
      id.catch(() => this.idBySubject.delete(subject));
    }
    return id;
  }

  /** Encodes `value` in Confluent wire format with the subject's schema. */
  async encode(subject: string, value: unknown): Promise<Buffer> {
    return this.client.encode(await this.schemaId(subject), value);
  }

  /** Decodes a Confluent wire-format record with its writer schema. */
  decode(buffer: Buffer): Promise<unknown> {
    return this.client.decode(buffer);
  }

  /**
   * Decodes a Confluent wire-format record into the shape of `reader` (schema evolution: fields the
   * writer lacked get their defaults, fields the reader lacks are skipped). The resolver is built once
   * per writer id and reader, never per record.
   */
  async decodeAs(buffer: Buffer, reader: avro.Type): Promise<unknown> {
    if (buffer.length < 5 || buffer[0] !== 0) {
      throw new PushstreamError(
        'RECORD_DECODE_FAILED',
        `not Confluent wire format: ${buffer.length < 5 ? 'shorter than its 5-byte header' : `magic byte ${buffer[0]}`}`,
      );
    }
    const schemaId = buffer.readInt32BE(1);
    const resolver = await this.resolver(reader, schemaId);
    try {
      return reader.fromBuffer(buffer.subarray(5), resolver, true) as unknown;
    } catch (error) {
      throw new PushstreamError(
        'RECORD_DECODE_FAILED',
        `record does not match its writer schema ${schemaId}: ${errorMessage(error)}`,
        { cause: error },
      );
    }
  }

  private resolver(reader: avro.Type, schemaId: number): Promise<AvroResolver> {
    let byId = this.resolvers.get(reader);
    if (byId === undefined) {
      byId = new Map();
      this.resolvers.set(reader, byId);
    }
    let resolver = byId.get(schemaId);
    if (resolver === undefined) {
      const cache = byId;
      resolver = this.client.writerType(schemaId).then((writer) => {
        try {
          return reader.createResolver(writer);
        } catch (error) {
          throw new PushstreamError(
            'SCHEMA_INCOMPATIBLE',
            `writer schema ${schemaId} cannot be read as ${reader.name ?? 'the reader schema'}: ${errorMessage(error)}`,
            { cause: error },
          );
        }
      });
      resolver.catch(() => cache.delete(schemaId));
      byId.set(schemaId, resolver);
    }
    return resolver;
  }
}

/** Subject of a topic's values under the topic-name strategy. */
export function valueSubject(topic: string): string {
  return `${topic}-value`;
}
