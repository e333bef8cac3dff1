import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { REDACTED, createLogger, redactConfig } from '../src/index.js';

describe('redactConfig', () => {
  it('blanks secret-looking keys at any depth and masks URL credentials', () => {
    const redacted = redactConfig({
      KAFKA_SASL_PASSWORD: 'p',
      SCHEMA_REGISTRY_URL: 'https://user:pw@registry:8081/apis/ccompat/v7',
      KAFKA_BROKERS: ['a:9092'],
      partner: { apiKey: 'k', AUTH_TOKEN: 't', baseUrl: 'https://api.infobip.com' },
      SERVICE_NAME: 'sink',
      KAFKA_SSL_REJECT_UNAUTHORIZED: true,
      KAFKA_SSL_KEY_FILE: '/etc/tls/key.pem',
      RTDS_MASTER_SECRET: 'ms',
      authToken: 'at',
    });
    expect(redacted).toEqual({
      KAFKA_SASL_PASSWORD: REDACTED,
      SCHEMA_REGISTRY_URL: `https://${REDACTED}@registry:8081/apis/ccompat/v7`,
      KAFKA_BROKERS: ['a:9092'],
      partner: { apiKey: REDACTED, AUTH_TOKEN: REDACTED, baseUrl: 'https://api.infobip.com' },
      SERVICE_NAME: 'sink',
      KAFKA_SSL_REJECT_UNAUTHORIZED: true,
      KAFKA_SSL_KEY_FILE: '/etc/tls/key.pem',
      RTDS_MASTER_SECRET: REDACTED,
      authToken: REDACTED,
    });
  });

  it('leaves unset secrets unset', () => {
    expect(redactConfig({ KAFKA_SASL_PASSWORD: undefined })).toEqual({ KAFKA_SASL_PASSWORD: undefined });
  });
});

describe('createLogger', () => {
  it('writes JSON lines with secrets redacted', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    });
    const logger = createLogger({ serviceName: 'sink', level: 'info', destination });
    logger.info({ request: { headers: { authorization: 'App abc' } }, password: 'x' }, 'calling partner');
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'info',
      service: 'sink',
      msg: 'calling partner',
      password: REDACTED,
      request: { headers: { authorization: REDACTED } },
    });
  });
});
