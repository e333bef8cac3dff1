import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  PushstreamError,
  envPositiveInt,
  loadConfig,
  runtimeEnvSchema,
  serviceEnvSchema,
  toRuntimeConfig,
} from '../src/index.js';

const minimal = {
  SERVICE_NAME: 'normalizer',
  KAFKA_BROKERS: 'broker-1:9092, broker-2:9092',
  SCHEMA_REGISTRY_URL: 'http://registry:8080/apis/ccompat/v7',
};

function configError(env: Record<string, string | undefined>): PushstreamError {
  try {
    loadConfig(runtimeEnvSchema, env);
  } catch (error) {
    if (error instanceof PushstreamError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('applies defaults and parses lists, numbers and booleans', () => {
    const env = loadConfig(runtimeEnvSchema, { ...minimal, KAFKA_SSL: 'TRUE', HTTP_PORT: '0' });
    expect(env.KAFKA_BROKERS).toEqual(['broker-1:9092', 'broker-2:9092']);
    expect(env.KAFKA_SSL).toBe(true);
    expect(env.HTTP_PORT).toBe(0);
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.TOPIC_PREFIX).toBe('pushstream.');
    expect(env.SHUTDOWN_TIMEOUT_MS).toBe(25_000);
  });

  it('names every missing variable in one CONFIG_INVALID error', () => {
    const error = configError({});
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('SERVICE_NAME');
    expect(error.message).toContain('KAFKA_BROKERS');
    expect(error.message).toContain('SCHEMA_REGISTRY_URL');
    expect(error.details.variables).toBe('SERVICE_NAME,KAFKA_BROKERS,SCHEMA_REGISTRY_URL');
  });

  it.each([
    ['KAFKA_BROKERS', 'localhost', 'expected host:port'],
    ['HTTP_PORT', '70000', 'between 0 and 65535'],
    ['KAFKA_SSL', 'maybe', 'expected true or false'],
    ['SCHEMA_REGISTRY_URL', 'registry:8080', 'http:// or https://'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['SHUTDOWN_TIMEOUT_MS', '-5', 'greater than 0'],
    ['TOPIC_PREFIX', 'bad prefix/', 'letters, digits'],
  ])('rejects %s=%s with a message that says what is expected', (name, value, expected) => {
    const error = configError({ ...minimal, [name]: value });
    expect(error.message).toContain(`${name}:`);
    expect(error.message).toContain(expected);
  });

  it('treats empty strings as unset', () => {
    const error = configError({ ...minimal, SERVICE_NAME: '' });
    expect(error.message).toMatch(/SERVICE_NAME: /);
  });

  it('requires both SASL credentials once a mechanism is set', () => {
    const error = configError({
      ...minimal,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'svc',
    });
    expect(error.message).toContain('KAFKA_SASL_PASSWORD: is required when KAFKA_SASL_MECHANISM is set');
    expect(error.message).not.toContain('KAFKA_SASL_USERNAME:');
  });

  it('rejects an unknown SASL mechanism', () => {
    expect(configError({ ...minimal, KAFKA_SASL_MECHANISM: 'gssapi' }).message).toContain(
      'KAFKA_SASL_MECHANISM',
    );
  });

  it('requires registry basic auth to be complete', () => {
    expect(configError({ ...minimal, SCHEMA_REGISTRY_USERNAME: 'u' }).message).toContain(
      'SCHEMA_REGISTRY_PASSWORD',
    );
  });

  it('lets a service add its own variables', () => {
    const schema = serviceEnvSchema({
      DEDUPE_WINDOW_MS: envPositiveInt.default(604_800_000),
      APP_REGISTRY: z.string().optional(),
    });
    const env = loadConfig(schema, { ...minimal, DEDUPE_WINDOW_MS: '1000' });
    expect(env.DEDUPE_WINDOW_MS).toBe(1000);
    expect(() => loadConfig(schema, { ...minimal, DEDUPE_WINDOW_MS: 'soon' })).toThrow(
      /DEDUPE_WINDOW_MS: expected a whole number/,
    );
  });
});

describe('toRuntimeConfig', () => {
  it('maps TLS and SASL settings into the Kafka connection config', () => {
    const env = loadConfig(runtimeEnvSchema, {
      ...minimal,
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
      KAFKA_SASL_USERNAME: 'svc',
      KAFKA_SASL_PASSWORD: 's3cret',
      SCHEMA_REGISTRY_USERNAME: 'reg',
      SCHEMA_REGISTRY_PASSWORD: 'regpass',
    });
    const config = toRuntimeConfig(env);
    expect(config.kafka).toEqual({
      clientId: 'normalizer',
      brokers: ['broker-1:9092', 'broker-2:9092'],
      connectionTimeoutMs: 10_000,
      ssl: { rejectUnauthorized: true, caFile: '/etc/kafka/ca.pem' },
      sasl: { mechanism: 'scram-sha-256', username: 'svc', password: 's3cret' },
    });
    expect(config.registry).toEqual({
      url: 'http://registry:8080/apis/ccompat/v7',
      auth: { username: 'reg', password: 'regpass' },
    });
  });

  it('has neither TLS nor SASL by default', () => {
    const config = toRuntimeConfig(loadConfig(runtimeEnvSchema, minimal));
    expect(config.kafka.ssl).toBeUndefined();
    expect(config.kafka.sasl).toBeUndefined();
    expect(config.registry.auth).toBeUndefined();
  });
});
