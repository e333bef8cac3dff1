import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import type avro from 'avsc';
import type { RegistryConfig } from '../config/runtime-config.js';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';

/** Registry compatibility levels pushstream sets on its subjects. */
export type CompatibilityLevel = 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FULL' | 'NONE';

/**
 * The few registry operations pushstream uses, over the Confluent-compatible API (Apicurio's
 * `/apis/ccompat/v7` or Confluent's). A thin port so that the caching above it can be tested alone.
 */
export interface SchemaRegistryClient {
  /** Sets the subject's compatibility level. */
  setCompatibility(subject: string, level: CompatibilityLevel): Promise<void>;
  /**
   * Whether `schema` may be registered under `subject` given the subject's compatibility level (checked
   * against its latest version); a subject that does not exist yet accepts anything.
   */
  checkCompatibility(subject: string, schema: string): Promise<{ compatible: boolean; messages: string[] }>;
  /** Registers (or finds) an Avro schema under a subject; returns its id. */
  register(subject: string, schema: string): Promise<number>;
  /** The id of the subject's latest schema. One HTTP call each time: cache above this. */
  latestId(subject: string): Promise<number>;
  /** Confluent wire format: magic byte, 4-byte schema id, Avro body. */
  encode(schemaId: number, value: unknown): Promise<Buffer>;
  /** Decodes Confluent wire format with the writer's schema (fetched once per id by the library). */
  decode(buffer: Buffer): Promise<unknown>;
  /** The writer schema of an id as an avsc Type (fetched once per id by the library). */
  writerType(schemaId: number): Promise<avro.Type>;
}

/** Creates the registry client from config (basic auth when configured). */
export function createSchemaRegistryClient(config: RegistryConfig): SchemaRegistryClient {
  const baseUrl = config.url.replace(/\/+$/, '');
  const registry = new SchemaRegistry({
    host: baseUrl,
    ...(config.auth === undefined
      ? {}
      : { auth: { username: config.auth.username, password: config.auth.password } }),
    retry: { retries: 2 },
  });
  const authHeader =
    config.auth === undefined
      ? {}
      : {
          authorization: `Basic ${Buffer.from(`${config.auth.username}:${config.auth.password}`).toString('base64')}`,
        };

  async function call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    action: string,
    body?: unknown,
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/vnd.schemaregistry.v1+json',
          'content-type': 'application/vnd.schemaregistry.v1+json',
          ...authHeader,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new PushstreamError(
        'REGISTRY_UNAVAILABLE',
        `schema registry at ${baseUrl} unreachable while ${action}: ${errorMessage(error)}`,
        { cause: error },
      );
    }
    const text = await response.text();
    if (!response.ok) throw registryError(response.status, action, text);
    return text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
  }

  return {
    async setCompatibility(subject, level) {
      await call('PUT', `/config/${encodeURIComponent(subject)}`, `setting ${level} on subject ${subject}`, {
        compatibility: level,
      });
    },
    async checkCompatibility(subject, schema) {
      let answer: unknown;
      try {
        answer = await call(
          'POST',
          `/compatibility/subjects/${encodeURIComponent(subject)}/versions/latest?verbose=true`,
          `checking compatibility on subject ${subject}`,
          { schemaType: 'AVRO', schema },
        );
      } catch (error) {
        if (error instanceof PushstreamError && error.code === 'SCHEMA_NOT_FOUND')
          return { compatible: true, messages: [] };
        throw error;
      }
      const verdict = (answer ?? {}) as { is_compatible?: unknown; messages?: unknown };
      const messages = Array.isArray(verdict.messages) ? verdict.messages.map(String) : [];
      return { compatible: verdict.is_compatible === true, messages };
    },
    async register(subject, schema) {
      // Registered over plain HTTP: the library's register() insists on its own compatibility handling.
      // schemaType is explicit: Apicurio's content-type detection fails on some valid Avro schemas.
      const answer = await call(
        'POST',
        `/subjects/${encodeURIComponent(subject)}/versions`,
        `registering a schema under subject ${subject}`,
        { schema },
      );
      if (
        typeof answer !== 'object' ||
        answer === null ||
        !('id' in answer) ||
        typeof answer.id !== 'number'
      ) {
        throw new PushstreamError(
          'REGISTRY_UNAVAILABLE',
          `schema registry answered without an id when registering under ${subject}`,
        );
      }
      return answer.id;
    },
    async latestId(subject) {
      try {
        return await registry.getLatestSchemaId(subject);
      } catch (error) {
        throw fromLibraryError(error, `looking up the latest schema of subject ${subject}`);
      }
    },
    async encode(schemaId, value) {
      try {
        return await registry.encode(schemaId, value);
      } catch (error) {
        if (hasStatus(error)) throw fromLibraryError(error, `fetching schema ${schemaId}`);
        throw new PushstreamError(
          'RECORD_ENCODE_FAILED',
          `value does not match schema ${schemaId}: ${errorMessage(error)}`,
          { cause: error },
        );
      }
    },
    async writerType(schemaId) {
      try {
        return (await registry.getSchema(schemaId)) as unknown as avro.Type;
      } catch (error) {
        throw fromLibraryError(error, `fetching schema ${schemaId}`);
      }
    },
    async decode(buffer) {
      try {
        return (await registry.decode(buffer)) as unknown;
      } catch (error) {
        if (hasStatus(error)) throw fromLibraryError(error, 'fetching the writer schema');
        throw new PushstreamError(
          'RECORD_DECODE_FAILED',
          `not a decodable Avro record: ${errorMessage(error)}`,
          { cause: error },
        );
      }
    },
  };
}

function hasStatus(error: unknown): error is { status: number; message: string } {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number';
}

function fromLibraryError(error: unknown, action: string): PushstreamError {
  if (hasStatus(error)) return registryError(error.status, action, error.message);
  return new PushstreamError(
    'REGISTRY_UNAVAILABLE',
    `schema registry failed while ${action}: ${errorMessage(error)}`,
    { cause: error },
  );
}

function registryError(status: number, action: string, body: string): PushstreamError {
  const message = `schema registry answered ${status} while ${action}: ${body.slice(0, 500)}`;
  if (status === 404) return new PushstreamError('SCHEMA_NOT_FOUND', message);
  if (status === 409) return new PushstreamError('SCHEMA_INCOMPATIBLE', message);
  if (status === 422) return new PushstreamError('SCHEMA_INCOMPATIBLE', message);
  return new PushstreamError('REGISTRY_UNAVAILABLE', message, { retriable: status >= 500 || status === 429 });
}
