import type { WebhookRejection } from './webhook-rejection.js';
import type { WebhookSourceKind } from './webhook-route.js';

/**
 * Lineage header names of webhook raw records (the first three are the runtime's `HEADERS` names, shared
 * with RTDS records; core code cannot import the runtime, a test keeps them equal). Every record carries source, received-at, connector
 * instance, route, source id, request id and event type; a record split from a batch also carries its index,
 * the batch size and the batch envelope (the body with the items removed, byte for byte: root `context`,
 * `sentAt`, `writeKey` and `integrations` apply to every item and would otherwise be lost).
 */
export const WEBHOOK_RAW_HEADERS = {
  source: 'pushstream-source',
  receivedAt: 'pushstream-received-at',
  connectorInstance: 'pushstream-connector-instance',
  route: 'pushstream-route',
  sourceId: 'pushstream-source-id',
  requestId: 'pushstream-request-id',
  eventType: 'pushstream-event-type',
  batchIndex: 'pushstream-batch-index',
  batchSize: 'pushstream-batch-size',
  batchEnvelope: 'pushstream-batch-envelope',
} as const;

/**
 * The `pushstream-source` value of each webhook source: the source part of its raw topic's name, as RTDS
 * records carry `airship-rtds` (raw.airship-rtds.v1).
 */
export const WEBHOOK_SOURCE_NAMES = { cm: 'cm-push', track: 'track' } as const satisfies Record<
  WebhookSourceKind,
  string
>;

/** Facts about the request that every record it yields carries. */
export interface WebhookLineage {
  /** When the request arrived, ISO-8601 UTC with milliseconds. */
  readonly receivedAt: string;
  readonly connectorInstance: string;
  /** The request path, e.g. `/webhooks/cm/2b7c…`. */
  readonly route: string;
  readonly requestId: string;
}

/** One raw record to write: the device key, the original bytes and the lineage headers. */
export interface RawWrite {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Readonly<Record<string, string | Buffer>>;
  /** The source's event type (`ClientInstalled`, `track`, `identify`, …), for metrics. */
  readonly eventType: string;
  /** True for Intilery's "register push" track event, for metrics. */
  readonly registerPush?: boolean;
}

/** The records a valid request yields (all or nothing), or why it is refused. */
export type WebhookWrites =
  | { readonly ok: true; readonly writes: readonly RawWrite[] }
  | { readonly ok: false; readonly rejection: WebhookRejection };

/** The headers every record of a request carries. */
export function lineageHeaders(
  kind: WebhookSourceKind,
  sourceId: string,
  lineage: WebhookLineage,
  eventType: string,
): Record<string, string | Buffer> {
  return {
    [WEBHOOK_RAW_HEADERS.source]: WEBHOOK_SOURCE_NAMES[kind],
    [WEBHOOK_RAW_HEADERS.receivedAt]: lineage.receivedAt,
    [WEBHOOK_RAW_HEADERS.connectorInstance]: lineage.connectorInstance,
    [WEBHOOK_RAW_HEADERS.route]: lineage.route,
    [WEBHOOK_RAW_HEADERS.sourceId]: sourceId,
    [WEBHOOK_RAW_HEADERS.requestId]: lineage.requestId,
    [WEBHOOK_RAW_HEADERS.eventType]: eventType,
  };
}
