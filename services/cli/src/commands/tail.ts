import { partitionForKey, readTopicRange } from '@pushstream/runtime';
import { matchesFilter, type RecordFilter } from '../core/record-filter.js';
import { tailRanges } from '../core/tail-start.js';
import type { ValueFormatOption } from '../core/value-format.js';
import type { CliContext } from '../context.js';
import type { Output } from '../output.js';
import { recordDecoder, type DecodedRecord } from '../record-decoder.js';

/** Options of `tail`. */
export interface TailOptions {
  readonly format: ValueFormatOption;
  readonly filter: RecordFilter;
  readonly follow: boolean;
  readonly fromBeginning: boolean;
  /** Stop after this many matching records; without a start option, also the per-partition window. */
  readonly limit: number | undefined;
  readonly showHeaders: boolean;
}

/** Default window of a plain `tail`: the last records of each partition. */
const DEFAULT_LAST = 10;

/** Prints records of a topic, decoded and filtered; follows new ones with --follow. */
export async function tailCommand(
  ctx: CliContext,
  out: Output,
  argument: string,
  options: TailOptions,
): Promise<void> {
  const topic = ctx.topicArgument(argument);
  await ctx.requireTopic(topic);
  const admin = await ctx.admin();
  let offsets = await admin.topicOffsets(topic);
  if (options.filter.key !== undefined) {
    // Keyed records live in one partition: read only that one.
    const partition = partitionForKey(options.filter.key, offsets.length);
    offsets = offsets.filter((entry) => entry.partition === partition);
  }
  const sinceOffsets =
    options.filter.sinceMs === undefined || options.fromBeginning
      ? undefined
      : new Map(
          (await admin.offsetsAtTime(topic, options.filter.sinceMs)).map((e) => [e.partition, e.offset]),
        );
  const lastWindow = !options.fromBeginning && sinceOffsets === undefined && !options.follow;
  const ranges = tailRanges(offsets, {
    fromBeginning: options.fromBeginning,
    ...(sinceOffsets === undefined ? {} : { sinceOffsets }),
    follow: options.follow,
    limit: options.limit ?? DEFAULT_LAST,
  });
  const decode = recordDecoder(ctx, topic, options.format);
  const show = (record: DecodedRecord) => out.line(record, formatRecord(record, options.showHeaders));
  const windowed: DecodedRecord[] = [];
  let shown = 0;
  if (options.follow) out.note(`following ${topic} (Ctrl-C to stop)`);
  await readTopicRange(
    ctx.kafka,
    topic,
    ranges,
    async (record) => {
      const decoded = await decode(record);
      if (
        !matchesFilter(
          { key: decoded.key, value: decoded.value, timestampMs: decoded.timestampMs },
          options.filter,
        )
      )
        return;
      if (lastWindow) {
        windowed.push(decoded);
        return;
      }
      show(decoded);
      shown += 1;
      if (options.limit !== undefined && shown >= options.limit) return 'stop';
    },
    ctx.io.signal === undefined ? {} : { signal: ctx.io.signal },
  );
  if (lastWindow) {
    // The last records over all partitions, oldest first.
    const sorted = windowed.sort((a, b) => a.timestampMs - b.timestampMs || a.partition - b.partition);
    for (const record of sorted.slice(-(options.limit ?? DEFAULT_LAST))) show(record);
  }
}

function formatRecord(record: DecodedRecord, showHeaders: boolean): string {
  const value =
    record.value === null
      ? '(tombstone)'
      : typeof record.value === 'string'
        ? record.value
        : JSON.stringify(record.value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  const headers =
    showHeaders && Object.keys(record.headers).length > 0 ? ` headers=${JSON.stringify(record.headers)}` : '';
  const problem = record.decodeError === undefined ? '' : ` (undecodable: ${record.decodeError})`;
  return `${record.timestamp} ${record.partition}@${record.offset} key=${record.key ?? '(none)'}${headers}${problem} ${value}`;
}
