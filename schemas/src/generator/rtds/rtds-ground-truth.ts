import {
  countStatuses,
  DeviceTruthCollector,
  type DeviceTruth,
  type ExpectedStatus,
} from '../device-truth.js';
import type { RtdsLineRecord } from './rtds-records.js';

/** What an RTDS stream contains, for tests to compare a pipeline's output against. */
export interface RtdsGroundTruth {
  /** Every line, keepalives included. */
  readonly lines: number;
  /** Event lines, duplicates included (not OFFSET_UPDATE). */
  readonly eventLines: number;
  readonly uniqueEvents: number;
  readonly duplicateLines: number;
  readonly keepaliveLines: number;
  readonly offsetUpdateLines: number;
  /** Unique events of an undocumented type. */
  readonly unknownTypeEvents: number;
  /** Unique events of a documented type with undocumented fields. */
  readonly unknownFieldEvents: number;
  /** Unique CLOSE events that arrived late. */
  readonly latentEvents: number;
  /** Unique CUSTOM events whose `value` exceeds JS number precision. */
  readonly bigValueEvents: number;
  /** The `id` of every unique event: what a deduplicated topic must hold, no more, no less. */
  readonly uniqueIds: ReadonlySet<string>;
  /** Stream indexes of the duplicate lines. */
  readonly duplicateLineIndexes: readonly number[];
  /** Unique events per `type`. */
  readonly eventTypes: Readonly<Record<string, number>>;
  /** Offset of the last event line: a consumer that read everything checkpoints here. */
  readonly lastOffset: string | undefined;
  /** Every device with its unique events in event-time order and its final status. */
  readonly devices: ReadonlyMap<string, DeviceTruth>;
  /** Devices per final status. */
  readonly statusCounts: Readonly<Record<ExpectedStatus, number>>;
}

/** Reads a whole stream's records into its ground truth (the stream must be finite). */
export function collectRtdsGroundTruth(records: Iterable<RtdsLineRecord>): RtdsGroundTruth {
  const uniqueIds = new Set<string>();
  const duplicateLineIndexes: number[] = [];
  const eventTypes: Record<string, number> = {};
  const collector = new DeviceTruthCollector();
  let lines = 0;
  let eventLines = 0;
  let keepaliveLines = 0;
  let offsetUpdateLines = 0;
  let unknownTypeEvents = 0;
  let unknownFieldEvents = 0;
  let latentEvents = 0;
  let bigValueEvents = 0;
  let lastOffset: string | undefined;
  for (const record of records) {
    lines += 1;
    if (record.kind === 'keepalive') keepaliveLines += 1;
    if (record.kind === 'offset-update') offsetUpdateLines += 1;
    if (record.kind !== 'event') continue;
    eventLines += 1;
    lastOffset = record.offset;
    if (record.duplicate) {
      duplicateLineIndexes.push(record.index);
      continue;
    }
    uniqueIds.add(record.id);
    eventTypes[record.type] = (eventTypes[record.type] ?? 0) + 1;
    if (record.unknownType) unknownTypeEvents += 1;
    if (record.unknownFields.length > 0) unknownFieldEvents += 1;
    if (record.latent) latentEvents += 1;
    if (record.bigValue !== undefined) bigValueEvents += 1;
    if (record.device !== undefined) {
      collector.add(record.device, {
        id: record.id,
        type: record.type,
        occurredMs: record.occurredMs,
        effect: record.effect,
      });
    }
  }
  const devices = collector.finish();
  return {
    lines,
    eventLines,
    uniqueEvents: uniqueIds.size,
    duplicateLines: duplicateLineIndexes.length,
    keepaliveLines,
    offsetUpdateLines,
    unknownTypeEvents,
    unknownFieldEvents,
    latentEvents,
    bigValueEvents,
    uniqueIds,
    duplicateLineIndexes,
    eventTypes,
    lastOffset,
    devices,
    statusCounts: countStatuses(devices),
  };
}
