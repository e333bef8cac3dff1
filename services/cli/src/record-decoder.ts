import {
  errorMessage,
  headerText,
  isPushstreamError,
  topicSerde,
  type ConsumedRecord,
} from '@pushstream/runtime';
import { avroRecordOf } from '@pushstream/schemas';
import { declaredTopic } from './core/topology-view.js';
import { decodePlainValue, resolveValueFormat, type ValueFormatOption } from './core/value-format.js';
import type { CliContext } from './context.js';

/** A record made readable: key and headers as text, value decoded. */
export interface DecodedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly timestamp: string;
  readonly timestampMs: number;
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  /** Decoded value; null for a tombstone. */
  readonly value: unknown;
  /** Why the value could not be decoded as asked (then `value` is its hex). */
  readonly decodeError?: string;
}

/**
 * The decoder of one topic: Avro through the registry (declared topics into the current schema's shape,
 * others with their writer schema), JSON, text or hex. A value that does not decode is shown as hex with
 * the reason, never dropped or fatal.
 */
export function recordDecoder(
  ctx: CliContext,
  topic: string,
  format: ValueFormatOption,
): (record: ConsumedRecord) => Promise<DecodedRecord> {
  const declared = declaredTopic(topic, ctx.prefix, ctx.topology);
  const typed =
    declared?.value.format === 'avro'
      ? topicSerde<unknown>(ctx.serde(), topic, avroRecordOf(declared.value.schema))
      : undefined;
  return async (record) => {
    const headers: Record<string, string> = {};
    for (const name of Object.keys(record.headers)) {
      const value = headerText(record, name);
      if (value !== undefined) headers[name] = value;
    }
    const base = {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      timestamp: new Date(record.timestampMs).toISOString(),
      timestampMs: record.timestampMs,
      key: record.key?.toString('utf8') ?? null,
      headers,
    };
    if (record.value === null) return { ...base, value: null };
    const resolved = resolveValueFormat(format, declared, record.value);
    if (resolved !== 'avro') return { ...base, value: decodePlainValue(record.value, resolved) };
    try {
      const value =
        typed === undefined ? await ctx.serde().decode(record.value) : await typed.decode(record.value);
      return { ...base, value };
    } catch (error) {
      // An unreachable or unconfigured registry is the environment's fault, not the record's: stop.
      if (isPushstreamError(error, 'REGISTRY_UNAVAILABLE') || isPushstreamError(error, 'CONFIG_INVALID'))
        throw error;
      return { ...base, value: record.value.toString('hex'), decodeError: errorMessage(error) };
    }
  };
}
