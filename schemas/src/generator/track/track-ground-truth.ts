import {
  countStatuses,
  DeviceTruthCollector,
  type DeviceTruth,
  type ExpectedStatus,
} from '../device-truth.js';
import type { TrackRequestRecord } from './track-records.js';

/** What a sequence of track requests contains. */
export interface TrackGroundTruth {
  readonly requests: number;
  /** Requests with a `batch` body. */
  readonly batchRequests: number;
  /** Messages in all requests, re-sends included. */
  readonly messages: number;
  readonly uniqueMessages: number;
  /** Messages whose `messageId` was sent before. */
  readonly duplicateMessages: number;
  readonly registerPushMessages: number;
  /** The `messageId` of every unique message. */
  readonly uniqueMessageIds: ReadonlySet<string>;
  /** Unique messages per name (track `event`, `identify`, screen name). */
  readonly eventNames: Readonly<Record<string, number>>;
  readonly devices: ReadonlyMap<string, DeviceTruth>;
  readonly statusCounts: Readonly<Record<ExpectedStatus, number>>;
}

/** Reads a whole request sequence into its ground truth. */
export function collectTrackGroundTruth(records: Iterable<TrackRequestRecord>): TrackGroundTruth {
  const uniqueMessageIds = new Set<string>();
  const eventNames: Record<string, number> = {};
  const collector = new DeviceTruthCollector();
  let requests = 0;
  let batchRequests = 0;
  let messages = 0;
  let duplicateMessages = 0;
  let registerPushMessages = 0;
  for (const record of records) {
    requests += 1;
    if (record.batch) batchRequests += 1;
    for (const message of record.messages) {
      messages += 1;
      if (message.duplicate) {
        duplicateMessages += 1;
        continue;
      }
      uniqueMessageIds.add(message.messageId);
      eventNames[message.name] = (eventNames[message.name] ?? 0) + 1;
      if (message.name === 'register push') registerPushMessages += 1;
      collector.add(message.device, {
        id: message.messageId,
        type: message.name,
        occurredMs: message.occurredMs,
        effect: message.effect,
      });
    }
  }
  const devices = collector.finish();
  return {
    requests,
    batchRequests,
    messages,
    uniqueMessages: uniqueMessageIds.size,
    duplicateMessages,
    registerPushMessages,
    uniqueMessageIds,
    eventNames,
    devices,
    statusCounts: countStatuses(devices),
  };
}
