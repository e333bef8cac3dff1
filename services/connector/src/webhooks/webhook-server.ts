import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger, PipelineProducer } from '@pushstream/runtime';
import { BoundedProducer } from './bounded-producer.js';
import { answerClientError } from './client-error.js';
import type { WebhookConfig } from './webhook-config.js';
import { createWebhookHandler, type WebhookTopics } from './webhook-handler.js';
import type { WebhookMetrics } from './webhook-metrics.js';

/** What the webhook server needs from the service shell. */
export interface WebhookServerDeps {
  readonly config: WebhookConfig;
  /** The service's producer (acks=all); only `send` is used. */
  readonly producer: Pick<PipelineProducer, 'send'>;
  readonly topics: WebhookTopics;
  readonly metrics: WebhookMetrics;
  readonly logger: Logger;
  /** This replica's name in the `pushstream-connector-instance` header, e.g. the pod name. */
  readonly instanceId: string;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/** A webhook server, created but not listening until `listen`. */
export interface WebhookServer {
  readonly server: Server;
  /** Starts listening; port 0 picks a free one. @default the config's host and port */
  listen(options?: { port?: number; host?: string }): Promise<{ port: number; host: string }>;
  /**
   * Stops taking connections, closes idle ones, lets each request in flight get Kafka's answer (within the
   * produce timeout) and be answered, then closes every connection; a request that still reaches the handler
   * meanwhile gets 503 with Retry-After. Add it to the shutdown sequence before the producer is flushed.
   */
  close(): Promise<void>;
  /** Requests being handled now. */
  inFlight(): number;
}

/** Keep idle connections open longer than load balancers do (AWS ALB: 60 s), so they close them first. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Creates the webhook server: one route per source, see `createWebhookHandler`. */
export function createWebhookServer(deps: WebhookServerDeps): WebhookServer {
  const { config } = deps;
  let closing = false;
  let closed: Promise<void> | undefined;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const producer = new BoundedProducer(deps.producer, {
    timeoutMs: config.produceTimeoutMs,
    maxPendingBytes: config.maxPendingBytes,
    onPendingBytes: (bytes) => deps.metrics.pendingBytes(bytes),
  });
  const handle = createWebhookHandler({
    config,
    producer,
    topics: deps.topics,
    metrics: deps.metrics,
    logger: deps.logger,
    instanceId: deps.instanceId,
    now: deps.now ?? (() => new Date()),
    closing: () => closing,
  });
  const server = createServer(
    {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: Math.min(config.requestTimeoutMs, 20_000),
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      // Node checks the request timeout at this interval; the default 30 s would let a slow sender stay twice as long.
      connectionsCheckingInterval: Math.max(1_000, Math.min(30_000, Math.floor(config.requestTimeoutMs / 4))),
    },
    (request, response) => {
      inFlight++;
      void handle(request, response).finally(() => {
        inFlight--;
        if (inFlight === 0) idle?.();
      });
    },
  );
  server.on('clientError', answerClientError);

  return {
    server,
    inFlight: () => inFlight,
    listen: (options = {}) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? config.port, options.host ?? config.host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          logSources(deps.logger, config);
          deps.logger.info({ port: address.port, host: address.address }, 'webhook server listening');
          resolve({ port: address.port, host: address.address });
        });
      }),
    close() {
      closed ??= (async () => {
        closing = true;
        const stopped = server.listening
          ? new Promise<void>((resolve) => server.close(() => resolve()))
          : Promise.resolve();
        server.closeIdleConnections();
        if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
        server.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}

/** Names each route and its auth modes once (never a credential); a route without credentials is a warning. */
function logSources(logger: Logger, config: WebhookConfig): void {
  const routes = config.sources.map(
    (source) =>
      `POST /webhooks/${source.source}/${source.id} (${source.auth.map((auth) => auth.mode).join(' | ')})`,
  );
  logger.info({ routes }, 'webhook routes');
  for (const source of config.sources) {
    if (source.auth.some((auth) => auth.mode === 'none'))
      logger.warn(
        { route: `/webhooks/${source.source}/${source.id}` },
        'webhook route takes requests without credentials; restrict it by network policy or an allow-list',
      );
  }
}
