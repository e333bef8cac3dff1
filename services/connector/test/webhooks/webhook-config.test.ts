import { describe, expect, it } from 'vitest';
import { PushstreamError, loadConfig, redactConfig, serviceEnvSchema } from '@pushstream/runtime';
import { toWebhookConfig, webhookEnvShape } from '../../src/webhooks/webhook-config.js';

const schema = serviceEnvSchema(webhookEnvShape);
const base = { SERVICE_NAME: 'connector', KAFKA_BROKERS: 'k:9092', SCHEMA_REGISTRY_URL: 'http://r:8080' };

function configError(env: Record<string, string>): string {
  try {
    loadConfig(schema, { ...base, ...env });
  } catch (error) {
    if (error instanceof PushstreamError) return error.message;
    throw error;
  }
  throw new Error('expected a config error');
}

describe('webhook config', () => {
  it('has documented defaults: port 8080, no sources, 512 KiB bodies, 5 s produce timeout', () => {
    expect(toWebhookConfig(loadConfig(schema, base))).toEqual({
      host: '0.0.0.0',
      port: 8080,
      sources: [],
      maxBodyBytes: 524_288,
      produceTimeoutMs: 5_000,
      retryAfterSeconds: 5,
      maxPendingBytes: 67_108_864,
      requestTimeoutMs: 30_000,
    });
  });

  it('reads sources with each auth mode; HMAC header lower-cased, hex and no prefix by default; one or a list', () => {
    const sources = [
      {
        source: 'cm',
        id: 'abc123',
        auth: { mode: 'basic', username: 'u', password: 'p' },
        maxBodyBytes: 4096,
      },
      { source: 'cm', id: 'open', auth: { mode: 'none' } },
      {
        source: 'track',
        id: 'wk_shop',
        auth: [
          { mode: 'bearer', token: 't1' },
          { mode: 'hmac-sha256', secret: 's', header: 'X-Sig' },
        ],
      },
    ];
    const config = toWebhookConfig(
      loadConfig(schema, { ...base, WEBHOOK_SOURCES: JSON.stringify(sources), WEBHOOK_PORT: '0' }),
    );
    expect(config.port).toBe(0);
    expect(config.sources).toEqual([
      {
        source: 'cm',
        id: 'abc123',
        auth: [{ mode: 'basic', username: 'u', password: 'p' }],
        maxBodyBytes: 4096,
      },
      { source: 'cm', id: 'open', auth: [{ mode: 'none' }] },
      {
        source: 'track',
        id: 'wk_shop',
        auth: [
          { mode: 'bearer', token: 't1' },
          { mode: 'hmac-sha256', secret: 's', header: 'x-sig', encoding: 'hex', prefix: '' },
        ],
      },
    ]);
  });

  it('redacts every credential when the parsed config is logged', () => {
    const env = loadConfig(schema, {
      ...base,
      WEBHOOK_SOURCES: JSON.stringify([
        { source: 'cm', id: 'a', auth: { mode: 'basic', username: 'u', password: 'hunter2' } },
      ]),
    });
    expect(JSON.stringify(redactConfig(env))).not.toContain('hunter2');
  });

  it.each([
    ['not JSON', '[{', 'WEBHOOK_SOURCES: expected a JSON array of webhook sources'],
    [
      'an unknown source',
      '[{"source":"sms","id":"a","auth":{"mode":"none"}}]',
      'WEBHOOK_SOURCES: [0].source',
    ],
    [
      'a bad id',
      '[{"source":"cm","id":"a/b","auth":{"mode":"none"}}]',
      'WEBHOOK_SOURCES: [0].id: expected 1-128 letters',
    ],
    ['no auth', '[{"source":"cm","id":"a"}]', 'WEBHOOK_SOURCES: [0].auth'],
    ['an unknown mode', '[{"source":"cm","id":"a","auth":{"mode":"magic"}}]', 'WEBHOOK_SOURCES: [0].auth'],
    [
      'an empty token',
      '[{"source":"cm","id":"a","auth":{"mode":"bearer","token":""}}]',
      'WEBHOOK_SOURCES: [0].auth.token: must not be empty',
    ],
    [
      'a typo field',
      '[{"source":"cm","id":"a","auth":{"mode":"none"},"maxBody":1}]',
      'WEBHOOK_SOURCES: [0]: Unrecognized key: "maxBody"',
    ],
    [
      'a duplicate route',
      '[{"source":"cm","id":"a","auth":{"mode":"none"}},{"source":"cm","id":"a","auth":{"mode":"none"}}]',
      'WEBHOOK_SOURCES: [1].id: duplicate route cm/a',
    ],
    [
      'none mixed with credentials',
      '[{"source":"cm","id":"a","auth":[{"mode":"none"},{"mode":"bearer","token":"t"}]}]',
      'WEBHOOK_SOURCES: [0].auth: mode "none"',
    ],
  ])('refuses %s, naming the place', (_name, value, expected) => {
    expect(configError({ WEBHOOK_SOURCES: value })).toContain(expected);
  });

  it('never prints a secret in a config error', () => {
    const message = configError({
      WEBHOOK_SOURCES:
        '[{"source":"cm","id":"a","auth":{"mode":"basic","username":"u","password":12345678}}]',
    });
    expect(message).toContain('[0].auth.password');
    expect(message).not.toContain('12345678');
  });

  it('refuses limits that are not positive', () => {
    expect(configError({ WEBHOOK_MAX_BODY_BYTES: '0' })).toContain('WEBHOOK_MAX_BODY_BYTES');
    expect(configError({ WEBHOOK_PRODUCE_TIMEOUT_MS: 'soon' })).toContain('WEBHOOK_PRODUCE_TIMEOUT_MS');
  });
});
