import type { RawInput } from '../../src/core/raw-input.js';
import type { GeneratedRawRecord } from './raw-traffic.js';

/** The core input of a generated raw record, as the shell would build it after consuming it. */
export function rawInputOf(record: GeneratedRawRecord, offset: number): RawInput {
  return {
    source: record.source,
    topic: `test.raw.${record.source}.v1`,
    partition: 0,
    offset: String(offset),
    key: record.key,
    value: record.value,
    headers: {
      receivedAt: record.headers['pushstream-received-at'],
      sourceId: record.headers['pushstream-source-id'],
      rtdsOffset: record.headers['pushstream-rtds-offset'],
      rtdsStream: record.headers['pushstream-rtds-stream'],
      batchEnvelope: record.headers['pushstream-batch-envelope'],
    },
    timestampMs: record.timestampMs,
  };
}
