import type { ErrorCode, RawInputError } from '@pushstream/schemas';

/** Why a webhook request is refused: the HTTP status and the JSON error the caller gets. */
export interface WebhookRejection {
  readonly status: number;
  readonly code: ErrorCode;
  /** Says what was wrong and where; never echoes credentials or field values. */
  readonly message: string;
  /** The failing field (`to.number`, `batch[3].event`, `''` for the whole body) for schema errors. */
  readonly path?: string;
  /** Response headers the status needs (`Allow` for 405, `Retry-After` for 503). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The JSON body of every non-2xx webhook response. */
export interface WebhookErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly path?: string };
}

/**
 * The HTTP status of each error code a webhook answer can carry. Kafka trouble is 503 (the caller retries
 * later: nothing was acknowledged), everything the caller sent wrong is 4xx, and 500 is reserved for a
 * defect in this code.
 */
export const WEBHOOK_STATUS_BY_CODE = {
  RECORD_INVALID_JSON: 400,
  RECORD_SCHEMA_VIOLATION: 400,
  REQUEST_UNREADABLE: 400,
  REQUEST_UNAUTHENTICATED: 401,
  REQUEST_ROUTE_NOT_FOUND: 404,
  REQUEST_METHOD_NOT_ALLOWED: 405,
  RECORD_TOO_LARGE: 413,
  REQUEST_UNSUPPORTED_MEDIA_TYPE: 415,
  PROCESSING_FAILED: 500,
  KAFKA_UNAVAILABLE: 503,
  KAFKA_PRODUCE_FAILED: 503,
  SHUTDOWN_IN_PROGRESS: 503,
} as const satisfies Partial<Record<ErrorCode, number>>;

/** An error code a webhook answer can carry. */
export type WebhookErrorCode = keyof typeof WEBHOOK_STATUS_BY_CODE;

/** Builds a rejection with the status of its code (or `status` when the code spans several, e.g. 408/431). */
export function webhookRejection(
  code: WebhookErrorCode,
  message: string,
  options: { path?: string; status?: number; headers?: Readonly<Record<string, string>> } = {},
): WebhookRejection {
  return {
    status: options.status ?? WEBHOOK_STATUS_BY_CODE[code],
    code,
    message,
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  };
}

/** The JSON error body of a rejection: `{ "error": { "code", "message", "path"? } }`. */
export function webhookErrorBody(rejection: WebhookRejection): WebhookErrorBody {
  return {
    error: {
      code: rejection.code,
      message: rejection.message,
      ...(rejection.path === undefined ? {} : { path: rejection.path }),
    },
  };
}

/** A schemas-package parse error as a webhook rejection: 400 naming the field (413 for size). */
export function rawInputRejection(error: RawInputError): WebhookRejection {
  return webhookRejection(error.code, error.message, { path: error.path });
}

/** Why a write to Kafka did not end in an acknowledgement. */
export type KafkaTrouble = 'overloaded' | 'timeout' | 'failed';

/**
 * The 503 for a request Kafka did not acknowledge. The caller may retry the same request: nothing was
 * acknowledged to it, so at worst a retry duplicates records that landed late (downstream dedupes).
 */
export function kafkaRejection(trouble: KafkaTrouble, retryAfterSeconds: number): WebhookRejection {
  const headers = { 'retry-after': String(retryAfterSeconds) };
  switch (trouble) {
    case 'overloaded':
      return webhookRejection(
        'KAFKA_UNAVAILABLE',
        'Kafka is not keeping up; the request was not accepted, retry later',
        { headers },
      );
    case 'timeout':
      return webhookRejection(
        'KAFKA_UNAVAILABLE',
        'Kafka did not acknowledge in time; the request was not accepted, retry later',
        { headers },
      );
    case 'failed':
      return webhookRejection(
        'KAFKA_PRODUCE_FAILED',
        'Kafka did not take the write; the request was not accepted, retry later',
        { headers },
      );
  }
}

/** The 503 for a request that arrives while the server shuts down; the connection is closed after it. */
export function shutdownRejection(retryAfterSeconds: number): WebhookRejection {
  return webhookRejection('SHUTDOWN_IN_PROGRESS', 'the connector is shutting down; retry', {
    headers: { 'retry-after': String(retryAfterSeconds), connection: 'close' },
  });
}
