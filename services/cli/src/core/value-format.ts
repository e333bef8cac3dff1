import type { TopicSpec } from '@pushstream/schemas';
import { UsageError } from './usage-error.js';

/** How `tail` shows values. */
export const VALUE_FORMATS = ['auto', 'avro', 'json', 'text', 'hex'] as const;
/** One of VALUE_FORMATS. */
export type ValueFormatOption = (typeof VALUE_FORMATS)[number];
/** The format actually used for a record. */
export type ResolvedValueFormat = Exclude<ValueFormatOption, 'auto'>;

/** Parses `--format`. */
export function parseValueFormat(text: string): ValueFormatOption {
  const found = VALUE_FORMATS.find((format) => format === text.trim().toLowerCase());
  if (found === undefined)
    throw new UsageError(`--format must be one of ${VALUE_FORMATS.join(', ')}, got "${text}"`);
  return found;
}

/** Whether bytes start like the Confluent wire format (magic byte 0, 4-byte schema id). */
export function looksLikeConfluentAvro(value: Buffer): boolean {
  return value.length >= 5 && value[0] === 0;
}

/**
 * The format of one value: what was asked, else what the topology declares (Avro topics through the
 * registry, byte topics as JSON when they parse), else a guess from the bytes.
 */
export function resolveValueFormat(
  asked: ValueFormatOption,
  declared: TopicSpec | undefined,
  value: Buffer,
): ResolvedValueFormat {
  if (asked !== 'auto') return asked;
  if (declared?.value.format === 'avro') return 'avro';
  if (declared === undefined && looksLikeConfluentAvro(value)) return 'avro';
  return 'json';
}

/** A non-Avro value for display: JSON when asked and it parses (else its text), text, or hex. */
export function decodePlainValue(value: Buffer, format: 'json' | 'text' | 'hex'): unknown {
  if (format === 'hex') return value.toString('hex');
  const textValue = value.toString('utf8');
  if (format === 'text') return textValue;
  try {
    return JSON.parse(textValue) as unknown;
  } catch {
    return textValue;
  }
}
