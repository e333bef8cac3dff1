/**
 * The closed list of error codes. Every error pushstream raises or dead-letters carries one of these; the
 * code is the `pushstream-error-code` DLQ header and the `reason` label of the dead-letter metric, so the
 * label set stays bounded. Codes are never renamed or reused: retire one by leaving it here, unused.
 */
export const ERROR_CODES = {
  CONFIG_INVALID: {
    retriable: false,
    description: 'An environment variable or config value is missing or malformed.',
  },
  KAFKA_UNAVAILABLE: {
    retriable: true,
    description: 'The Kafka cluster could not be reached or did not answer in time.',
  },
  KAFKA_PRODUCE_FAILED: { retriable: true, description: 'Kafka did not acknowledge a produced batch.' },
  TOPIC_MISSING: {
    retriable: false,
    description: 'A topic the service needs does not exist and may not be created.',
  },
  TOPIC_MISCONFIGURED: {
    retriable: false,
    description: 'An existing topic differs from the topology declaration.',
  },
  REGISTRY_UNAVAILABLE: {
    retriable: true,
    description: 'The schema registry could not be reached or answered 5xx.',
  },
  SCHEMA_NOT_FOUND: { retriable: false, description: 'A subject or schema id is unknown to the registry.' },
  SCHEMA_INCOMPATIBLE: {
    retriable: false,
    description: 'The registry rejected a schema as incompatible with its subject.',
  },
  RECORD_DECODE_FAILED: {
    retriable: false,
    description: 'A record value could not be decoded (not Avro of a known schema).',
  },
  RECORD_ENCODE_FAILED: {
    retriable: false,
    description: 'A value does not match the Avro schema it was encoded with.',
  },
  RECORD_INVALID_JSON: { retriable: false, description: 'A record or request body is not valid JSON.' },
  RECORD_SCHEMA_VIOLATION: {
    retriable: false,
    description: 'A record is valid JSON but violates the input schema.',
  },
  RECORD_MISSING_KEY: { retriable: false, description: 'A record has no key where the topic requires one.' },
  RECORD_TOO_LARGE: {
    retriable: false,
    description: 'A record or request body exceeds the configured size limit.',
  },
  PROCESSING_FAILED: {
    retriable: false,
    description: 'A handler threw an unexpected error for this record.',
  },
  SHUTDOWN_TIMEOUT: {
    retriable: false,
    description: 'Graceful shutdown did not finish within its deadline.',
  },
  SHUTDOWN_IN_PROGRESS: {
    retriable: true,
    description: 'The service is shutting down and takes no new work; another replica or a retry will.',
  },
  REQUEST_UNAUTHENTICATED: {
    retriable: false,
    description: 'An inbound HTTP request had missing or wrong credentials for its source (HTTP 401).',
  },
  REQUEST_ROUTE_NOT_FOUND: {
    retriable: false,
    description: 'An inbound HTTP request named no configured route or source (HTTP 404).',
  },
  REQUEST_METHOD_NOT_ALLOWED: {
    retriable: false,
    description: 'An inbound HTTP request used a method its route does not accept (HTTP 405).',
  },
  REQUEST_UNSUPPORTED_MEDIA_TYPE: {
    retriable: false,
    description:
      'An inbound HTTP request body had a content type, charset or encoding that is not accepted (HTTP 415).',
  },
  REQUEST_UNREADABLE: {
    retriable: false,
    description:
      'An inbound HTTP request could not be read: malformed HTTP, headers too large, or sent too slowly.',
  },
  KAFKA_TRANSACTION_FAILED: {
    retriable: true,
    description:
      'A Kafka transaction was aborted or fenced (a newer owner took the partition); its records are processed again by the owner.',
  },
  PARTNER_REJECTED: {
    retriable: false,
    description:
      'A partner (Infobip, Intilery) rejected a request permanently (4xx business or validation error); the DLQ record carries its response.',
  },
  PARTNER_MERGE_CONFLICT: {
    retriable: false,
    description:
      'Infobip refused to personalize because the identity belongs to another person (USER_MERGE_INTERRUPTED): needs a human merge review, never forced.',
  },
  PARTNER_UNAUTHORIZED: {
    retriable: true,
    description:
      'A partner rejected our credentials or configuration (401/403, Infobip 48001/48012): consumption pauses and alerts until fixed.',
  },
  PARTNER_UNAVAILABLE: {
    retriable: true,
    description: 'A partner answered 5xx, timed out or could not be reached, after every retry.',
  },
  PARTNER_RATE_LIMITED: {
    retriable: true,
    description: 'A partner kept answering 429 (rate limited) after every retry.',
  },
  USAGE_INVALID: {
    retriable: false,
    description:
      'A command-line argument or option of the operator CLI is missing or malformed (exit code 2).',
  },
  CONSUMER_GROUP_ACTIVE: {
    retriable: true,
    description:
      "An operation that moves a consumer group's offsets was refused because the group still has members; stop them first.",
  },
  OPERATION_ABORTED: {
    retriable: false,
    description: 'An operator declined the confirmation of a change (nothing was changed).',
  },
} as const satisfies Record<string, { retriable: boolean; description: string }>;

/** One of the closed list of error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Every error code, in declaration order (for pre-exporting zero-valued metric series). */
export const ALL_ERROR_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

/** True when `value` is one of the declared error codes. */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
