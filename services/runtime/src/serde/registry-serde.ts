import { PushstreamError } from '../errors/pushstream-error.js';
import type { CompatibilityLevel, SchemaRegistryClient } from './registry-client.js';

/**
 * Avro encode/decode through the schema registry with the subject→id lookup cached: after the first
 * record of a subject, encoding and decoding make no registry call at all (the library caches schemas
 * by id; this caches the subject's id, which the library does not). Concurrent misses share one call;
 * failures are not cached.
 */
export class RegistrySerde {
  private readonly idBySubject = new Map<string, Promise<number>>();

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
}

/** Subject of a topic's values under the topic-name strategy. */
export function valueSubject(topic: string): string {
  return `${topic}-value`;
}
