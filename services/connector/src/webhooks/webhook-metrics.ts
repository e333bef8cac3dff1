import { Counter, Gauge, Histogram } from 'prom-client';
import { CM_EVENT_TYPES } from '@pushstream/schemas';
import type { PipelineMetrics } from '@pushstream/runtime';
import { WEBHOOK_SOURCE_KINDS, type WebhookSourceKind } from '../core/webhook-route.js';

/** Outcomes of waiting for Kafka, the `outcome` label of the produce histogram. */
export const PRODUCE_OUTCOMES = ['acked', 'failed', 'timeout'] as const;
/** One produce outcome. */
export type ProduceOutcome = (typeof PRODUCE_OUTCOMES)[number];

/** `route` label of requests whose path named no webhook source. */
export const NO_ROUTE = 'none';

const SEGMENT_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'];

/**
 * The webhook metrics, on the service's registry. Labels are bounded: `route` (cm, track, none), `source`
 * (configured ids only, else empty), `status` (HTTP statuses this server sends), `type` (documented event
 * types, else `other`), `outcome`.
 */
export interface WebhookMetrics {
  /** Counts one answered request. */
  request(route: WebhookSourceKind | undefined, source: string, status: number): void;
  /** Adds body bytes received on a route (as sent on the wire). */
  bytes(route: WebhookSourceKind | undefined, count: number): void;
  /** Counts events Kafka acknowledged, by source type. */
  events(route: WebhookSourceKind, type: string, count: number): void;
  /** Records how long waiting for Kafka took and how it ended. */
  produced(
    route: WebhookSourceKind,
    outcome: ProduceOutcome,
    seconds: number,
    records: number,
    topic: string,
  ): void;
  /** Sets the body bytes currently waiting for Kafka. */
  pendingBytes(bytes: number): void;
}

/** Registers the webhook metrics on the pipeline registry (records acknowledged also count in `recordsProduced`). */
export function createWebhookMetrics(pipeline: PipelineMetrics, stage: string): WebhookMetrics {
  const registers = [pipeline.registry];
  const requests = new Counter({
    name: 'pushstream_webhook_requests_total',
    help: 'Webhook requests answered, by route, configured source id and HTTP status.',
    labelNames: ['route', 'source', 'status'],
    registers,
  });
  const bytes = new Counter({
    name: 'pushstream_webhook_received_bytes_total',
    help: 'Webhook body bytes received, as sent on the wire.',
    labelNames: ['route'],
    registers,
  });
  const events = new Counter({
    name: 'pushstream_webhook_events_total',
    help: 'Webhook events acknowledged by Kafka, by route and source event type.',
    labelNames: ['route', 'type'],
    registers,
  });
  const produceDuration = new Histogram({
    name: 'pushstream_webhook_produce_duration_seconds',
    help: "Time from handing a request's records to the producer until Kafka acknowledged them (or it failed or timed out).",
    labelNames: ['route', 'outcome'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const pending = new Gauge({
    name: 'pushstream_webhook_pending_bytes',
    help: 'Webhook body bytes handed to the producer and not yet acknowledged or failed.',
    registers,
  });
  for (const route of WEBHOOK_SOURCE_KINDS) {
    bytes.inc({ route }, 0);
    for (const outcome of PRODUCE_OUTCOMES) produceDuration.zero({ route, outcome });
  }
  pending.set(0);
  return {
    request: (route, source, status) =>
      requests.inc({ route: route ?? NO_ROUTE, source, status: String(status) }),
    bytes: (route, count) => bytes.inc({ route: route ?? NO_ROUTE }, count),
    events: (route, type, count) => events.inc({ route, type: eventTypeLabel(route, type) }, count),
    produced: (route, outcome, seconds, records, topic) => {
      produceDuration.observe({ route, outcome }, seconds);
      if (outcome === 'acked') pipeline.recordsProduced.inc({ stage, topic }, records);
    },
    pendingBytes: (value) => pending.set(value),
  };
}

function eventTypeLabel(route: WebhookSourceKind, type: string): string {
  const known: readonly string[] = route === 'cm' ? CM_EVENT_TYPES : SEGMENT_TYPES;
  return known.includes(type) || type === 'register_push' ? type : 'other';
}
