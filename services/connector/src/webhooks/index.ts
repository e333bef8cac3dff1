/**
 * The webhook sources of the connector: one HTTP server with a route per source (CM.com push events,
 * Segment-spec track/identify/batch) writing raw records to Kafka. What the connector's main needs:
 * the env shape and config, the metrics, and the server factory.
 */
export { webhookEnvShape, toWebhookConfig, type WebhookConfig } from './webhook-config.js';
export { webhookSourcesEnv, type WebhookSourceConfig } from './webhook-sources-config.js';
export { createWebhookMetrics, type WebhookMetrics } from './webhook-metrics.js';
export { createWebhookServer, type WebhookServer, type WebhookServerDeps } from './webhook-server.js';
export type { WebhookTopics } from './webhook-handler.js';
export { WEBHOOK_RAW_HEADERS } from '../core/webhook-raw-write.js';
export type { WebhookAuth } from '../core/webhook-auth.js';
