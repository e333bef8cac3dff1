import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** The part of kafkajs' internal request queue the patch in `patches/kafkajs+2.2.4.patch` changes. */
interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  scheduleCheckPendingRequests(): void;
}

const require = createRequire(import.meta.url);
const RequestQueueClass = require('kafkajs/src/network/requestQueue/index.js') as new (options: {
  logger: { debug(): void; info(): void; warn(): void; error(): void };
}) => RequestQueue;

/** A record as kafkajs' fetch decoder hands it to the aborted-transaction filter. */
interface FetchedRecord {
  offset: string;
  key: Buffer | null;
  isControlRecord: boolean;
  batchContext: { producerId: string; inTransaction: boolean };
}
type AbortedTransaction = { producerId: string; firstOffset: string };
const filterAbortedMessages = require('kafkajs/src/consumer/filterAbortedMessages.js') as (input: {
  messages: FetchedRecord[];
  abortedTransactions: AbortedTransaction[];
}) => FetchedRecord[];

const data = (offset: number, producerId: string): FetchedRecord => ({
  offset: String(offset),
  key: Buffer.from(`k${offset}`),
  isControlRecord: false,
  batchContext: { producerId, inTransaction: true },
});
/** A transaction marker: the control record key is version 0 and type 0 (abort) or 1 (commit). */
const marker = (offset: number, producerId: string, type: 'abort' | 'commit'): FetchedRecord => ({
  offset: String(offset),
  key: Buffer.from([0, 0, 0, type === 'abort' ? 0 : 1]),
  isControlRecord: true,
  batchContext: { producerId, inTransaction: true },
});
const visibleData = (messages: FetchedRecord[], abortedTransactions: AbortedTransaction[]) =>
  filterAbortedMessages({ messages, abortedTransactions })
    .filter((message) => !message.isControlRecord)
    .map((message) => Number(message.offset));

function queue(): RequestQueue {
  const quiet = () => undefined;
  return new RequestQueueClass({ logger: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}

describe('kafkajs request queue (patched by npm postinstall, kafkajs issue #1751)', () => {
  it('schedules no timer when nothing is pending and the broker does not throttle', () => {
    // Unpatched, every connection re-arms a 1 ms timer forever (and Node 24 warns about the negative delay).
    const idle = queue();
    idle.scheduleCheckPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still schedules a check while requests are pending or the broker throttles', () => {
    const pending = queue();
    pending.pending.push({});
    pending.scheduleCheckPendingRequests();
    expect(pending.throttleCheckTimeoutId).not.toBeNull();
    if (pending.throttleCheckTimeoutId !== null) clearTimeout(pending.throttleCheckTimeoutId);

    const throttled = queue();
    throttled.throttledUntil = Date.now() + 60_000;
    throttled.scheduleCheckPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    if (throttled.throttleCheckTimeoutId !== null) clearTimeout(throttled.throttleCheckTimeoutId);
  });
});

describe('kafkajs read_committed filter (patched by npm postinstall)', () => {
  it('hides a long transaction aborted after a shorter one that started later', () => {
    // Producer A's transaction starts at 10 and is aborted at 20; B's starts at 13 and is aborted at 15.
    // Kafka lists aborted transactions in marker order: B before A. Unpatched, A's 10–12 and 19 leaked.
    const messages = [
      data(10, 'A'),
      data(11, 'A'),
      data(12, 'A'),
      data(13, 'B'),
      data(14, 'B'),
      marker(15, 'B', 'abort'),
      data(16, 'C'),
      data(17, 'C'),
      marker(18, 'C', 'commit'),
      data(19, 'A'),
      marker(20, 'A', 'abort'),
      data(21, 'A'),
      marker(22, 'A', 'commit'),
    ];
    const aborted = [
      { producerId: 'B', firstOffset: '13' },
      { producerId: 'A', firstOffset: '10' },
    ];
    expect(visibleData(messages, aborted)).toEqual([16, 17, 21]);
  });

  it('hides every aborted transaction a fetch starts inside of', () => {
    // The fetch starts at 12, inside A's (from 10) and B's (from 11) aborted transactions.
    const messages = [data(12, 'B'), data(13, 'A'), marker(14, 'A', 'abort'), marker(15, 'B', 'abort')];
    const aborted = [
      { producerId: 'A', firstOffset: '10' },
      { producerId: 'B', firstOffset: '11' },
    ];
    expect(visibleData(messages, aborted)).toEqual([]);
  });
});
