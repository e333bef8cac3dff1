import type { PushstreamError } from '../errors/pushstream-error.js';
import { HEADERS, MAX_ERROR_MESSAGE_BYTES } from './headers.js';
import type { ConsumedRecord, OutputRecord } from './records.js';

/**
 * The dead-letter record for a poison input: original key and value byte for byte, original headers,
 * plus the error code, message, stage and source coordinates as headers.
 */
export function deadLetterRecord(options: {
  dlqTopic: string;
  stage: string;
  record: ConsumedRecord;
  error: PushstreamError;
  now: Date;
}): OutputRecord {
  const { record, error } = options;
  const headers: Record<string, Buffer | string> = {};
  for (const [name, value] of Object.entries(record.headers)) {
    if (value !== undefined) headers[name] = value;
  }
  Object.assign(headers, errorHeaders(error, options.stage, options.now));
  headers[HEADERS.sourceTopic] = record.topic;
  headers[HEADERS.sourcePartition] = String(record.partition);
  headers[HEADERS.sourceOffset] = record.offset;
  return { topic: options.dlqTopic, key: record.key, value: record.value, headers };
}

/**
 * The error headers of a dead letter — code, message (at most MAX_ERROR_MESSAGE_BYTES of UTF-8), stage
 * and time — for stages whose poison input did not come from Kafka (the connector's stream lines).
 */
export function errorHeaders(error: PushstreamError, stage: string, now: Date): Record<string, string> {
  return {
    [HEADERS.errorCode]: error.code,
    [HEADERS.errorMessage]: truncateUtf8(error.message, MAX_ERROR_MESSAGE_BYTES),
    [HEADERS.errorStage]: stage,
    [HEADERS.errorAt]: now.toISOString(),
  };
}

function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  // Cutting can split a multi-byte character; its decoded remains (U+FFFD) are dropped.
  const head = bytes
    .subarray(0, maxBytes - 3)
    .toString('utf8')
    .replace(/\uFFFD+$/, '');
  return `${head}...`;
}
