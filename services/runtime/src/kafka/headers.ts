/**
 * Header names pushstream writes. Lineage headers travel on raw records; error headers on dead letters
 * (the same facts Kafka Connect's `__connect.errors.*` headers carry, under our own prefix).
 */
export const HEADERS = {
  errorCode: 'pushstream-error-code',
  errorMessage: 'pushstream-error-message',
  errorStage: 'pushstream-error-stage',
  errorAt: 'pushstream-error-at',
  sourceTopic: 'pushstream-source-topic',
  sourcePartition: 'pushstream-source-partition',
  sourceOffset: 'pushstream-source-offset',
} as const;

/** Longest error message kept in a DLQ header (the original value is kept whole). */
export const MAX_ERROR_MESSAGE_BYTES = 2048;
