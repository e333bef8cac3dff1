import type { z } from 'zod';
import { envPort, envPositiveInt, envString } from '@pushstream/runtime';
import { webhookSourcesEnv, type WebhookSourceConfig } from './webhook-sources-config.js';

/**
 * The webhook server's environment variables; merge them into the connector's `serviceEnvSchema`.
 * Defaults are in each `@default`.
 */
export const webhookEnvShape = {
  /** Port of the webhook server (apart from the ops server's HTTP_PORT). @default 8080 */
  WEBHOOK_PORT: envPort.default(8080),
  /** Interface to listen on. @default 0.0.0.0 */
  WEBHOOK_HOST: envString.default('0.0.0.0'),
  /** JSON array of sources with their credentials; see `webhookSourcesEnv`. @default [] (every route 404) */
  WEBHOOK_SOURCES: webhookSourcesEnv.default([]),
  /**
   * Largest accepted body, bytes, on the wire and after decompression. The default is Segment's batch limit
   * and stays under Kafka's default 1 MB record-batch limit. @default 524288
   */
  WEBHOOK_MAX_BODY_BYTES: envPositiveInt.default(512 * 1024),
  /** How long a request waits for Kafka's acknowledgement before it gets 503. @default 5000 */
  WEBHOOK_PRODUCE_TIMEOUT_MS: envPositiveInt.default(5_000),
  /** `Retry-After` of 503 answers, seconds. @default 5 */
  WEBHOOK_RETRY_AFTER_SECONDS: envPositiveInt.default(5),
  /** Body bytes waiting for Kafka (timed-out sends included) above which new requests get 503. @default 67108864 */
  WEBHOOK_MAX_PENDING_BYTES: envPositiveInt.default(64 * 1024 * 1024),
  /** Time a client has to send a whole request (slow senders get 408). @default 30000 */
  WEBHOOK_REQUEST_TIMEOUT_MS: envPositiveInt.default(30_000),
} as const;

type WebhookEnv = z.output<z.ZodObject<typeof webhookEnvShape>>;

/** The webhook server's settings. */
export interface WebhookConfig {
  readonly host: string;
  readonly port: number;
  readonly sources: readonly WebhookSourceConfig[];
  readonly maxBodyBytes: number;
  readonly produceTimeoutMs: number;
  readonly retryAfterSeconds: number;
  readonly maxPendingBytes: number;
  readonly requestTimeoutMs: number;
}

/** The structured webhook config from validated env variables. */
export function toWebhookConfig(env: WebhookEnv): WebhookConfig {
  return {
    host: env.WEBHOOK_HOST,
    port: env.WEBHOOK_PORT,
    sources: env.WEBHOOK_SOURCES,
    maxBodyBytes: env.WEBHOOK_MAX_BODY_BYTES,
    produceTimeoutMs: env.WEBHOOK_PRODUCE_TIMEOUT_MS,
    retryAfterSeconds: env.WEBHOOK_RETRY_AFTER_SECONDS,
    maxPendingBytes: env.WEBHOOK_MAX_PENDING_BYTES,
    requestTimeoutMs: env.WEBHOOK_REQUEST_TIMEOUT_MS,
  };
}
