import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorMessage, type Logger, type OutputRecord } from '@pushstream/runtime';
import { authNeedsBody, checkWebhookAuth } from '../core/webhook-auth.js';
import { checkBodyFormat } from '../core/webhook-body-format.js';
import { cmWebhookWrites } from '../core/webhook-cm-writes.js';
import type { RawWrite, WebhookLineage, WebhookWrites } from '../core/webhook-raw-write.js';
import {
  kafkaRejection,
  shutdownRejection,
  webhookErrorBody,
  webhookRejection,
  type WebhookRejection,
} from '../core/webhook-rejection.js';
import { matchWebhookRoute, type WebhookSourceKind } from '../core/webhook-route.js';
import { trackWebhookWrites } from '../core/webhook-track-writes.js';
import type { BoundedProducer } from './bounded-producer.js';
import { sendJson } from './json-response.js';
import { decodeBody, readRequestBody } from './read-body.js';
import type { WebhookConfig } from './webhook-config.js';
import type { WebhookMetrics } from './webhook-metrics.js';
import type { WebhookSourceConfig } from './webhook-sources-config.js';

/** The full names of the raw topics the webhook routes write to (prefix applied). */
export interface WebhookTopics {
  readonly cm: string;
  readonly track: string;
}

/** What the request handler needs. */
export interface WebhookHandlerDeps {
  readonly config: WebhookConfig;
  readonly producer: BoundedProducer;
  readonly topics: WebhookTopics;
  readonly metrics: WebhookMetrics;
  readonly logger: Logger;
  /** This connector replica, for the lineage header (a pod name). */
  readonly instanceId: string;
  readonly now: () => Date;
  /** True once shutdown began: new requests get 503. */
  readonly closing: () => boolean;
}

/** The answer to one request. */
interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What is known of a request: set on arrival, completed as it is routed (for metrics and logs). */
interface RequestFacts {
  readonly requestId: string;
  /** Arrival time, ISO-8601 UTC. */
  readonly receivedAt: string;
  kind: WebhookSourceKind | undefined;
  source: string;
}

/**
 * Handles one webhook request: route (404/405), header credentials (401), content type (415), body size
 * (413), HMAC of the body (401), decoding and validation (400), then the write to Kafka; 200 only once Kafka
 * acknowledged every record of the request, 503 with Retry-After when it did not in time. Never throws.
 */
export function createWebhookHandler(
  deps: WebhookHandlerDeps,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const sources = new Map(deps.config.sources.map((source) => [routeId(source.source, source.id), source]));
  const { retryAfterSeconds } = deps.config;

  async function answer(request: IncomingMessage, facts: RequestFacts): Promise<Answer> {
    if (deps.closing()) return refuse(shutdownRejection(retryAfterSeconds));
    const route = matchWebhookRoute(request.method, request.url, (kind, id) =>
      sources.get(routeId(kind, id)),
    );
    facts.kind = route.kind;
    if (!route.ok) return drainAndRefuse(request, route.rejection);
    const { source } = route;
    facts.source = source.id;
    const header = (name: string): string | undefined => headerValue(request, name);
    const deferredAuth = authNeedsBody(source.auth);
    if (!deferredAuth && !checkWebhookAuth(source.auth, header, undefined))
      return drainAndRefuse(request, unauthenticated());
    const format = checkBodyFormat(header('content-type'), header('content-encoding'));
    if (!format.ok) return drainAndRefuse(request, format.rejection);
    const limit = source.maxBodyBytes ?? deps.config.maxBodyBytes;
    const read = await readRequestBody(request, limit);
    deps.metrics.bytes(route.kind, read.ok ? read.body.length : read.wireBytes);
    if (!read.ok) return refuse(read.rejection);
    if (deferredAuth && !checkWebhookAuth(source.auth, header, read.body)) return refuse(unauthenticated());
    const decoded = await decodeBody(read.body, format.encoding, limit);
    if (!decoded.ok) return refuse(decoded.rejection);
    const lineage: WebhookLineage = {
      receivedAt: facts.receivedAt,
      connectorInstance: deps.instanceId,
      route: route.path,
      requestId: facts.requestId,
    };
    const writes = writesOf(source, decoded.body, lineage);
    if (!writes.ok) return refuse(writes.rejection);
    return produce(route.kind, writes.writes, decoded.body.length, facts.requestId);
  }

  async function produce(
    kind: WebhookSourceKind,
    writes: readonly RawWrite[],
    bytes: number,
    requestId: string,
  ): Promise<Answer> {
    const topic = deps.topics[kind];
    const records: OutputRecord[] = writes.map((write) => ({
      topic,
      key: write.key,
      value: write.value,
      headers: write.headers,
    }));
    const started = performance.now();
    const result = await deps.producer.send(records, bytes);
    const seconds = (performance.now() - started) / 1000;
    if (result.outcome !== 'overloaded')
      deps.metrics.produced(kind, result.outcome, seconds, records.length, topic);
    if (result.outcome === 'acked') {
      for (const write of writes)
        deps.metrics.events(kind, write.registerPush === true ? 'register_push' : write.eventType, 1);
      return { status: 200, body: { accepted: records.length, requestId } };
    }
    deps.logger.warn(
      {
        route: kind,
        records: records.length,
        requestId,
        outcome: result.outcome,
        pendingBytes: deps.producer.pendingBytes,
        ...(result.outcome === 'failed' ? { err: errorMessage(result.error) } : {}),
      },
      'webhook request refused: Kafka did not acknowledge it',
    );
    return refuse(kafkaRejection(result.outcome, retryAfterSeconds));
  }

  return async (request, response) => {
    const started = deps.now();
    const requestId = randomUUID();
    const facts: RequestFacts = { requestId, receivedAt: started.toISOString(), kind: undefined, source: '' };
    let result: Answer;
    try {
      result = await answer(request, facts);
    } catch (error) {
      deps.logger.error({ err: error, route: facts.kind, requestId }, 'webhook handler failed');
      result = refuse(webhookRejection('PROCESSING_FAILED', 'internal error; the request was not accepted'));
    }
    sendJson(response, result.status, result.body, { ...result.headers, 'x-request-id': requestId });
    deps.metrics.request(facts.kind, facts.source, result.status);
    deps.logger.debug(
      {
        route: facts.kind,
        source: facts.source,
        status: result.status,
        requestId,
        ms: deps.now().getTime() - started.getTime(),
      },
      'webhook request',
    );
  };
}

function writesOf(source: WebhookSourceConfig, body: Buffer, lineage: WebhookLineage): WebhookWrites {
  return source.source === 'cm'
    ? cmWebhookWrites(source.id, body, lineage)
    : trackWebhookWrites(source.id, body, lineage);
}

function refuse(rejection: WebhookRejection): Answer {
  return {
    status: rejection.status,
    body: webhookErrorBody(rejection),
    ...(rejection.headers === undefined ? {} : { headers: rejection.headers }),
  };
}

/**
 * A refusal decided before the body was read: the body is discarded as it arrives, so the connection stays
 * usable and the client reads the answer instead of a reset.
 */
function drainAndRefuse(request: IncomingMessage, rejection: WebhookRejection): Answer {
  request.resume();
  return refuse(rejection);
}

function unauthenticated(): WebhookRejection {
  return webhookRejection('REQUEST_UNAUTHENTICATED', 'authentication required');
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function routeId(kind: WebhookSourceKind, id: string): string {
  return `${kind}/${id}`;
}
