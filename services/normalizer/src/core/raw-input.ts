/** The raw topics the normalizer reads, by the source part of their name (`raw.<source>.v1`). */
export const RAW_SOURCES = ['airship-rtds', 'airship-compliance', 'cm-push', 'track'] as const;
/** One of {@link RAW_SOURCES}. */
export type RawSource = (typeof RAW_SOURCES)[number];

/** The unprefixed raw topic of a source. */
export function rawTopicOf(source: RawSource): string {
  return `raw.${source}.v1`;
}

/** Lineage headers the connector writes on raw records (the facts the normalizer reads). */
export interface RawHeaders {
  /** `pushstream-received-at`: ISO-8601 time the connector received the event. */
  readonly receivedAt?: string | undefined;
  /** `pushstream-source-id`: the webhook route's app key (CM) or write key / source id (track). */
  readonly sourceId?: string | undefined;
  /** `pushstream-rtds-offset`: the RTDS stream offset of the line. */
  readonly rtdsOffset?: string | undefined;
  /** `pushstream-rtds-stream`: `<appKey>:<endpoint>:<subset>` of the RTDS stream. */
  readonly rtdsStream?: string | undefined;
  /** `pushstream-batch-envelope`: the Segment batch body without its items (root context etc.). */
  readonly batchEnvelope?: string | undefined;
}

/** One raw record as the normalizer's core sees it: bytes, key, lineage facts and coordinates. */
export interface RawInput {
  readonly source: RawSource;
  /** Full (prefixed) topic name, for lineage. */
  readonly topic: string;
  readonly partition: number;
  /** Decimal Kafka offset. */
  readonly offset: string;
  /** The device key the connector chose, if any. */
  readonly key: string | undefined;
  readonly value: Buffer | null;
  readonly headers: RawHeaders;
  /** Kafka timestamp of the raw record (when the connector produced it), ms. */
  readonly timestampMs: number;
}
