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
  /** Lineage of raw records: which source, when received, by which connector instance. */
  source: 'pushstream-source',
  receivedAt: 'pushstream-received-at',
  connectorInstance: 'pushstream-connector-instance',
  /** The RTDS stream and offset of a raw RTDS record. */
  rtdsStream: 'pushstream-rtds-stream',
  rtdsOffset: 'pushstream-rtds-offset',
} as const;

/** Longest error message kept in a DLQ header (the original value is kept whole). */
export const MAX_ERROR_MESSAGE_BYTES = 2048;
