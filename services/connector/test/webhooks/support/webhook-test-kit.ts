import { createHmac } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import {
  createLogger,
  createPipelineMetrics,
  type OutputRecord,
  type PipelineMetrics,
} from '@pushstream/runtime';
import type { WebhookConfig } from '../../../src/webhooks/webhook-config.js';
import { createWebhookMetrics } from '../../../src/webhooks/webhook-metrics.js';
import { createWebhookServer, type WebhookServer } from '../../../src/webhooks/webhook-server.js';
import type { WebhookSourceConfig } from '../../../src/webhooks/webhook-sources-config.js';

/** CM app with Basic auth. */
export const CM_APP = '2b7c4d9e1f3a4c5b8d6e7f8091a2b3c4';
export const CM_USER = 'cm-webhooks';
export const CM_PASSWORD = 'cm-secret-8e1f';
/** CM app that sends no credentials (auth mode none), as CM documents none. */
export const CM_OPEN_APP = '9a8b7c6d5e4f40318293a4b5c6d7e8f9';
/** Track source with a bearer token. */
export const TRACK_SOURCE = 'wk_shop_3b9f0c';
export const TRACK_TOKEN = 'track-token-4c1d9a7e';
/** Track source signing bodies with HMAC-SHA256 (`x-signature: sha256=<hex>`). */
export const SIGNED_SOURCE = 'wk_news_71d2e4';
export const SIGNED_SECRET = 'hmac-secret-0b5e';

/** The sources every webhook test server has. */
export const TEST_SOURCES: readonly WebhookSourceConfig[] = [
  { source: 'cm', id: CM_APP, auth: [{ mode: 'basic', username: CM_USER, password: CM_PASSWORD }] },
  { source: 'cm', id: CM_OPEN_APP, auth: [{ mode: 'none' }] },
  { source: 'track', id: TRACK_SOURCE, auth: [{ mode: 'bearer', token: TRACK_TOKEN }] },
  {
    source: 'track',
    id: SIGNED_SOURCE,
    auth: [
      {
        mode: 'hmac-sha256',
        secret: SIGNED_SECRET,
        header: 'x-signature',
        encoding: 'hex',
        prefix: 'sha256=',
      },
    ],
  },
];

export const TEST_TOPICS = { cm: 'test.raw.cm-push.v1', track: 'test.raw.track.v1' } as const;

/** A webhook config for tests: small limits, short timeouts. */
export function testWebhookConfig(overrides: Partial<WebhookConfig> = {}): WebhookConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    sources: TEST_SOURCES,
    maxBodyBytes: 64 * 1024,
    produceTimeoutMs: 1_000,
    retryAfterSeconds: 3,
    maxPendingBytes: 1024 * 1024,
    requestTimeoutMs: 10_000,
    ...overrides,
  };
}

/** How the fake producer answers. */
export type FakeProducerMode = 'ack' | 'fail' | 'hang';

/** Stands in for Kafka: acknowledges (records kept), fails, or never answers. */
export class FakeProducer {
  readonly sent: OutputRecord[] = [];
  mode: FakeProducerMode = 'ack';
  calls = 0;

  async send(records: readonly OutputRecord[]): Promise<void> {
    this.calls++;
    if (this.mode === 'fail') throw new Error('broker went away');
    if (this.mode === 'hang') return new Promise<void>(() => undefined);
    this.sent.push(...records);
  }
}

/** A running webhook server on a free loopback port with a fake producer. */
export interface TestWebhookServer {
  readonly url: string;
  readonly webhooks: WebhookServer;
  readonly producer: FakeProducer;
  readonly metrics: PipelineMetrics;
  close(): Promise<void>;
}

/** Starts a webhook server on 127.0.0.1:0 backed by a {@link FakeProducer}. */
export async function startTestServer(overrides: Partial<WebhookConfig> = {}): Promise<TestWebhookServer> {
  const producer = new FakeProducer();
  const metrics = createPipelineMetrics({ stage: 'connector-test' });
  const webhooks = createWebhookServer({
    config: testWebhookConfig(overrides),
    producer,
    topics: TEST_TOPICS,
    metrics: createWebhookMetrics(metrics, 'connector-test'),
    logger: createLogger({ serviceName: 'connector-test', level: 'silent' }),
    instanceId: 'connector-test-0',
  });
  const { port } = await webhooks.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${port}`, webhooks, producer, metrics, close: () => webhooks.close() };
}

/** An answer as a test sees it. */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
}

/** Sends a request and reads the whole answer. */
export async function send(
  url: string,
  path: string,
  options: {
    method?: Dispatcher.HttpMethod;
    headers?: Record<string, string>;
    body?: string | Buffer;
    dispatcher?: Dispatcher;
  } = {},
): Promise<Reply> {
  const response = await request(`${url}${path}`, {
    method: options.method ?? 'POST',
    headers: options.headers ?? {},
    ...(options.body === undefined ? {} : { body: options.body }),
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
  });
  const text = await response.body.text();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: response.statusCode, headers, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `Authorization` for the Basic-auth CM app. */
export function cmAuth(user = CM_USER, password = CM_PASSWORD): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/** `Authorization` for the bearer track source. */
export function trackAuth(token = TRACK_TOKEN): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The `x-signature` header of the signed track source for `body`. */
export function signature(body: string | Buffer, secret = SIGNED_SECRET): Record<string, string> {
  return { 'x-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
}

export const JSON_TYPE = { 'content-type': 'application/json' } as const;

/** A CM.com push event for the test app, in CM's compact JSON. */
export function cmEvent(
  installationId: string,
  type = 'ClientInstalled',
  options: { appKey?: string; timeUtc?: string } = {},
): string {
  const event = type.startsWith('Message')
    ? { type, reference: '5dbc0313-9031-4f4f-8dc8-5ab712b20722' }
    : {
        type,
        custom: {
          clientId: 'com.example.shop',
          clientVersion: '5.2.0',
          deviceOs: 'iOs',
          pushAuthorization: 'Authorized',
        },
      };
  return JSON.stringify({
    from: { number: installationId },
    to: { number: options.appKey ?? CM_APP },
    event,
    timeUtc: options.timeUtc ?? '2024-03-11T08:15:02',
    channel: 'MobilePush',
  });
}

/** Intilery's "register push" for a device. */
export function registerPush(deviceId: string, userId = deviceId): string {
  return JSON.stringify({
    userId,
    event: 'register push',
    type: 'track',
    properties: { deviceId, fcmToken: `fcm-token-${deviceId}`, deviceType: 'Android' },
    messageId: `msg-${deviceId}-${userId}`,
  });
}
