import {
  countStatuses,
  DeviceTruthCollector,
  type DeviceTruth,
  type ExpectedStatus,
} from '../device-truth.js';
import type { CmRequestRecord } from './cm-records.js';

/** What a CM.com webhook sequence contains. */
export interface CmGroundTruth {
  readonly requests: number;
  readonly uniqueEvents: number;
  /** Requests that repeat an earlier body. */
  readonly redeliveries: number;
  /** Unique bodies delivered more than once. */
  readonly redeliveredEvents: number;
  readonly unknownTypeEvents: number;
  /** Unique bodies with the newer top-level `reference`. */
  readonly withReference: number;
  /** The key of every unique event (see {@link CmDraft.key}). */
  readonly eventKeys: ReadonlySet<string>;
  /** Request indexes of the redeliveries. */
  readonly redeliveryIndexes: readonly number[];
  readonly eventTypes: Readonly<Record<string, number>>;
  readonly devices: ReadonlyMap<string, DeviceTruth>;
  readonly statusCounts: Readonly<Record<ExpectedStatus, number>>;
}

/** Reads a whole request sequence into its ground truth. */
export function collectCmGroundTruth(records: Iterable<CmRequestRecord>): CmGroundTruth {
  const eventKeys = new Set<string>();
  const redelivered = new Set<string>();
  const redeliveryIndexes: number[] = [];
  const eventTypes: Record<string, number> = {};
  const collector = new DeviceTruthCollector();
  let requests = 0;
  let unknownTypeEvents = 0;
  let withReference = 0;
  for (const record of records) {
    requests += 1;
    if (record.delivery > 0) {
      redeliveryIndexes.push(record.index);
      redelivered.add(record.key);
      continue;
    }
    eventKeys.add(record.key);
    eventTypes[record.type] = (eventTypes[record.type] ?? 0) + 1;
    if (record.unknownType) unknownTypeEvents += 1;
    if (record.hasReference) withReference += 1;
    collector.add(record.device, {
      id: record.key,
      type: record.type,
      occurredMs: record.occurredMs,
      effect: record.effect,
    });
  }
  const devices = collector.finish();
  return {
    requests,
    uniqueEvents: eventKeys.size,
    redeliveries: redeliveryIndexes.length,
    redeliveredEvents: redelivered.size,
    unknownTypeEvents,
    withReference,
    eventKeys,
    redeliveryIndexes,
    eventTypes,
    devices,
    statusCounts: countStatuses(devices),
  };
}
