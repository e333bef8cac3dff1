/** `status_class` of `pushstream_partner_requests_total`. */
export const STATUS_CLASSES = ['2xx', '4xx', '5xx', 'timeout', 'network'] as const;
/** One status class. */
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** A partner's HTTP answer, body read as text. */
export interface PartnerResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

/** A request that got no HTTP answer. */
export interface TransportFailure {
  readonly failure: 'timeout' | 'network';
  readonly detail: string;
}

/** What came back from one try: an answer or a transport failure. */
export type PartnerReply = PartnerResponse | TransportFailure;

/** The status class of a reply. */
export function statusClassOf(reply: PartnerReply): StatusClass {
  if ('failure' in reply) return reply.failure;
  if (reply.status >= 200 && reply.status < 300) return '2xx';
  if (reply.status >= 500) return '5xx';
  return '4xx';
}

/**
 * What the sink does with a reply (reference/sinks-and-webhooks.md D.3):
 * - ok: acknowledged;
 * - retry: 429, 5xx, timeouts, resets — retry in place (Retry-After honoured);
 * - halt: our credentials or partner config are wrong (401/403, Infobip 48001/48012) — every call would
 *   fail, so consumption pauses and an alert is raised instead of dead-lettering;
 * - not-found: the registration is unknown to the partner (Infobip 48013 / 404);
 * - personalization-impossible: Infobip refuses to re-personalize without forceDepersonalize;
 * - too-large: Intilery 413 (a batch is split);
 * - reject: permanent (4xx business or validation error) — dead-letter with the partner's response.
 */
export type PartnerVerdict =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'retry';
      readonly reason: 'rate-limited' | 'unavailable';
      readonly retryAfterMs?: number;
      readonly detail: string;
    }
  | { readonly kind: 'halt'; readonly detail: string }
  | { readonly kind: 'not-found'; readonly detail: string }
  | { readonly kind: 'personalization-impossible'; readonly detail: string }
  | { readonly kind: 'too-large'; readonly detail: string }
  | {
      readonly kind: 'reject';
      readonly code: 'PARTNER_REJECTED' | 'PARTNER_MERGE_CONFLICT';
      /** The partner's own error code, when its body has one. */
      readonly partnerCode?: string;
      readonly detail: string;
    };

/** The verdict of a transport failure: always worth a retry. */
export function transportVerdict(failure: TransportFailure): PartnerVerdict {
  return { kind: 'retry', reason: 'unavailable', detail: `${failure.failure}: ${failure.detail}` };
}

/** A short description of an HTTP answer for logs and DLQ messages. */
export function describeResponse(response: PartnerResponse, maxBody = 500): string {
  const body = response.body.length > maxBody ? `${response.body.slice(0, maxBody)}…` : response.body;
  return `HTTP ${response.status}${body === '' ? '' : ` ${body}`}`;
}
