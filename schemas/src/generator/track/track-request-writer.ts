import { isoTime, SECOND } from '../iso-time.js';
import type { Prng } from '../prng.js';
import { ResendMerger } from '../resend-merger.js';
import type { ResolvedTrafficOptions } from '../resolve-options.js';
import type { ItemSource } from '../timeline-queue.js';
import type { TrackMessageDraft, TrackRequestRecord } from './track-records.js';

interface QueuedTrackMessage {
  readonly message: TrackMessageDraft;
  readonly duplicate: boolean;
}

/** An SDK flushes a batch after this long even when it is not full. */
const MAX_BATCH_WAIT_MS = 30 * SECOND;

interface OpenRequest {
  readonly writeKey: string;
  readonly batch: boolean;
  readonly target: number;
  readonly openedAt: number;
  readonly items: QueuedTrackMessage[];
}

/**
 * Groups messages into requests the way analytics SDKs upload them: per app (write key), either one message
 * per request or `batch` bodies flushed when full or after 30 s. A share of messages is sent again later
 * with the same `messageId` (a retry after a lost response). After the unique-message budget only the
 * pending re-sends are uploaded; what is buffered at the end is flushed.
 */
export function* writeTrackRequests(
  messages: ItemSource<TrackMessageDraft>,
  options: ResolvedTrafficOptions['track'],
  rng: Prng,
): Generator<TrackRequestRecord, void> {
  const queue = new ResendMerger(messages, options.messages);
  const open = new Map<string, OpenRequest>();
  let index = 0;
  const flush = (request: OpenRequest, sentAtMs: number): TrackRequestRecord => {
    open.delete(request.writeKey);
    return requestOf(request, sentAtMs, index++);
  };
  for (;;) {
    const next = queue.next();
    if (next === undefined) {
      for (const request of [...open.values()]) yield flush(request, request.openedAt + MAX_BATCH_WAIT_MS);
      return;
    }
    const { time, resent } = next;
    const item: QueuedTrackMessage = { message: next.item, duplicate: resent };
    const stale = [...open.values()].filter((request) => request.openedAt + MAX_BATCH_WAIT_MS <= time);
    for (const request of stale) yield flush(request, request.openedAt + MAX_BATCH_WAIT_MS);
    const writeKey = item.message.writeKey;
    let request = open.get(writeKey);
    if (request === undefined) {
      const batch = rng.chance(options.batchRate);
      const target = batch ? rng.int(Math.min(2, options.maxBatchSize), options.maxBatchSize) : 1;
      request = { writeKey, batch, target, openedAt: time, items: [] };
      open.set(writeKey, request);
    }
    request.items.push(item);
    if (!resent && rng.chance(options.duplicateRate)) {
      const delay = Math.max(1, rng.int(options.duplicateDelayMs.min, options.duplicateDelayMs.max));
      queue.resend(time + delay, next.item);
    }
    if (request.items.length >= request.target) yield flush(request, time);
  }
}

function requestOf(request: OpenRequest, sentAtMs: number, index: number): TrackRequestRecord {
  const sentAt = isoTime(sentAtMs);
  const envelope = `"writeKey":${JSON.stringify(request.writeKey)},"sentAt":"${sentAt}"`;
  const jsons = request.items.map((item) => item.message.json);
  const body = request.batch
    ? `{"batch":[${jsons.join(',')}],${envelope}}`
    : `${(jsons[0] ?? '{}').slice(0, -1)},${envelope}}`;
  return {
    index,
    body,
    batch: request.batch,
    writeKey: request.writeKey,
    sentAtMs,
    messages: request.items.map(({ message, duplicate }) => ({
      messageId: message.messageId,
      kind: message.kind,
      name: message.name,
      writeKey: message.writeKey,
      device: message.device,
      occurredMs: message.occurredMs,
      effect: message.effect,
      duplicate,
    })),
  };
}
