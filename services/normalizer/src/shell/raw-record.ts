import { HEADERS, headerText, type ConsumedRecord } from '@pushstream/runtime';
import type { RawInput, RawSource } from '../core/raw-input.js';

/** Webhook lineage headers the connector writes (named in the connector's core; the values are the contract). */
const SOURCE_ID_HEADER = 'pushstream-source-id';
const BATCH_ENVELOPE_HEADER = 'pushstream-batch-envelope';

/** The core's view of a consumed raw record of `source`. */
export function toRawInput(record: ConsumedRecord, source: RawSource): RawInput {
  return {
    source,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key === null ? undefined : record.key.toString('utf8'),
    value: record.value,
    headers: {
      receivedAt: headerText(record, HEADERS.receivedAt),
      sourceId: headerText(record, SOURCE_ID_HEADER),
      rtdsOffset: headerText(record, HEADERS.rtdsOffset),
      rtdsStream: headerText(record, HEADERS.rtdsStream),
      batchEnvelope: headerText(record, BATCH_ENVELOPE_HEADER),
    },
    timestampMs: record.timestampMs,
  };
}
