import { webhookRejection, type WebhookRejection } from './webhook-rejection.js';

/** The webhook sources, each with its route `POST /webhooks/<source>/<id>`. */
export const WEBHOOK_SOURCE_KINDS = ['cm', 'track'] as const;
/** One webhook source kind: CM.com push events or Segment-spec track/identify/batch. */
export type WebhookSourceKind = (typeof WEBHOOK_SOURCE_KINDS)[number];

/** The path prefix of every webhook route. */
export const WEBHOOK_PATH_PREFIX = '/webhooks';

/**
 * What a source id (CM app key, track source id) may look like. It is a path segment and part of every
 * Kafka key, so it is kept to characters that need no escaping in either.
 */
export const WEBHOOK_SOURCE_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

/** The only method a webhook route accepts. */
export const WEBHOOK_METHOD = 'POST';

/** Where a request goes, as far as the method and path say; `source` is what the lookup found. */
export type RouteMatch<Source> =
  | {
      readonly ok: true;
      readonly kind: WebhookSourceKind;
      readonly id: string;
      readonly path: string;
      readonly source: Source;
    }
  | {
      readonly ok: false;
      /** The source kind named by the path even when the id or method is wrong, for metric labels. */
      readonly kind: WebhookSourceKind | undefined;
      readonly rejection: WebhookRejection;
    };

/**
 * Matches `POST /webhooks/cm/<appKey>` and `POST /webhooks/track/<sourceId>` (query strings ignored) and
 * looks the source up. A path that is not one of these, or names an id `lookup` does not know, is 404; a known route with another method
 * is 405 with `Allow: POST`.
 */
export function matchWebhookRoute<Source>(
  method: string | undefined,
  url: string | undefined,
  lookup: (kind: WebhookSourceKind, id: string) => Source | undefined,
): RouteMatch<Source> {
  const path = (url ?? '').split('?', 1)[0] ?? '';
  const segments = path.split('/');
  const [empty, prefix, kindText, id, ...rest] = segments;
  const kind = WEBHOOK_SOURCE_KINDS.find((candidate) => candidate === kindText);
  const shaped =
    empty === '' && `/${prefix ?? ''}` === WEBHOOK_PATH_PREFIX && kind !== undefined && rest.length === 0;
  const source =
    shaped && id !== undefined && WEBHOOK_SOURCE_ID_PATTERN.test(id) ? lookup(kind, id) : undefined;
  if (!shaped || id === undefined || source === undefined) {
    return {
      ok: false,
      kind: shaped ? kind : undefined,
      rejection: webhookRejection(
        'REQUEST_ROUTE_NOT_FOUND',
        `no webhook route here; routes are POST ${WEBHOOK_PATH_PREFIX}/cm/<appKey> and POST ${WEBHOOK_PATH_PREFIX}/track/<sourceId> for configured sources`,
      ),
    };
  }
  if (method !== WEBHOOK_METHOD) {
    return {
      ok: false,
      kind,
      rejection: webhookRejection(
        'REQUEST_METHOD_NOT_ALLOWED',
        `method ${method ?? '(none)'} is not allowed here; use POST`,
        { headers: { allow: WEBHOOK_METHOD } },
      ),
    };
  }
  return { ok: true, kind, id, path, source };
}
