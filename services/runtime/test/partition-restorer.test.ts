import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { PushstreamError, type TopicPartition } from '../src/index.js';
import { PartitionRestorer, isTransientKafkaError } from '../src/kafka/partition-restorer.js';

const {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} = kafkajs;

/** A broker's error answer as kafkajs raises it (kafkajs reads `type` and `retriable` from its argument). */
function protocolError(type: string, retriable: boolean): Error {
  return new KafkaJSProtocolError(Object.assign(new Error(`broker says ${type}`), { type, retriable }));
}

const notLeader = () => protocolError('NOT_LEADER_FOR_PARTITION', true);
const tp = (partition: number): TopicPartition => ({ topic: 'in', partition });

/** A promise with its resolve, to hold a hook call open. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('isTransientKafkaError', () => {
  it.each([
    [
      'a retriable PushstreamError (a restore read that timed out)',
      new PushstreamError('KAFKA_UNAVAILABLE', 'x'),
      true,
    ],
    [
      'a non-retriable PushstreamError (a poison record)',
      new PushstreamError('RECORD_SCHEMA_VIOLATION', 'x'),
      false,
    ],
    ['NOT_LEADER_FOR_PARTITION', notLeader(), true],
    ['COORDINATOR_LOAD_IN_PROGRESS', protocolError('COORDINATOR_LOAD_IN_PROGRESS', true), true],
    ['TOPIC_AUTHORIZATION_FAILED', protocolError('TOPIC_AUTHORIZATION_FAILED', false), false],
    [
      'kafkajs giving up its own retries of NOT_LEADER',
      new KafkaJSNumberOfRetriesExceeded(notLeader(), { retryCount: 8, retryTime: 300 }),
      true,
    ],
    [
      'kafkajs giving up its own retries of a plain error',
      new KafkaJSNumberOfRetriesExceeded(new Error('bug'), { retryCount: 8, retryTime: 300 }),
      false,
    ],
    ['a lost connection', new KafkaJSConnectionError('Connection error: ECONNREFUSED'), true],
    ['a kafkajs non-retriable error', new KafkaJSNonRetriableError('Invalid topic'), false],
    [
      'a PushstreamError wrapping a transient kafkajs error is judged by itself',
      new PushstreamError('RECORD_DECODE_FAILED', 'x', { cause: notLeader() }),
      false,
    ],
    ['a plain Error (a bug)', new TypeError('x is undefined'), false],
    ['not an Error at all', 'oops', false],
  ])('%s → %s', (_name, error, transient) => {
    expect(isTransientKafkaError(error)).toBe(transient);
  });
});

describe('PartitionRestorer', () => {
  it('calls the hook again after transient failures, with growing delays, until it restores', async () => {
    const calls: number[][] = [];
    const retries: [number, number, number[]][] = [];
    const restorer = new PartitionRestorer({
      onAssigned: async (partitions) => {
        calls.push(partitions.map((p) => p.partition));
        if (calls.length <= 3) throw notLeader();
      },
      backoff: { initialMs: 1, maxMs: 4 },
      random: () => 1,
      onRetry: (_error, attempt, delayMs, partitions) =>
        retries.push([attempt, delayMs, partitions.map((p) => p.partition)]),
    });
    await expect(restorer.restore([tp(0), tp(1)])).resolves.toBe('restored');
    expect(calls).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    expect(retries).toEqual([
      [1, 1, [0, 1]],
      [2, 2, [0, 1]],
      [3, 4, [0, 1]],
    ]);
  });

  it('fails at once on an error that retrying cannot fix', async () => {
    let calls = 0;
    let retries = 0;
    const restorer = new PartitionRestorer({
      onAssigned: async () => {
        calls += 1;
        throw new PushstreamError('RECORD_SCHEMA_VIOLATION', 'state record 7 is not a DeviceState');
      },
      onRetry: () => (retries += 1),
    });
    await expect(restorer.restore([tp(0)])).rejects.toMatchObject({ code: 'RECORD_SCHEMA_VIOLATION' });
    expect([calls, retries]).toEqual([1, 0]);
  });

  it('fails with KAFKA_UNAVAILABLE once transient failures outlast the retry time', async () => {
    let clock = 0;
    let calls = 0;
    const delays: number[] = [];
    const restorer = new PartitionRestorer({
      onAssigned: async () => {
        calls += 1;
        clock += 1000;
        throw notLeader();
      },
      retryMs: 2500,
      now: () => clock,
      backoff: { initialMs: 1, maxMs: 1000 },
      random: () => 1,
      onRetry: (_error, _attempt, delayMs) => delays.push(delayMs),
    });
    const failure = restorer.restore([tp(3)]);
    await expect(failure).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE' });
    await expect(failure).rejects.toThrow(
      /^restoring partitions in\/3 kept failing for 2500 ms \(3 tries\): /,
    );
    expect(calls).toBe(3);
    expect(delays).toEqual([1, 2]);
  });

  it('caps the last wait at the time left', async () => {
    let clock = 0;
    const delays: number[] = [];
    const restorer = new PartitionRestorer({
      onAssigned: async () => {
        clock += 900;
        throw notLeader();
      },
      retryMs: 1000,
      now: () => clock,
      backoff: { initialMs: 400, maxMs: 400 },
      random: () => 1,
      onRetry: (_error, _attempt, delayMs) => delays.push(delayMs),
    });
    await expect(restorer.restore([tp(0)])).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE' });
    expect(delays).toEqual([100]);
  });

  it('gives up when the loop stops, waking from its wait', async () => {
    let running = true;
    let calls = 0;
    const failed = deferred();
    const restorer = new PartitionRestorer({
      onAssigned: async () => {
        calls += 1;
        failed.resolve();
        throw notLeader();
      },
      // A wait nobody sits out: only stop() can end it before the test times out.
      backoff: { initialMs: 600_000, maxMs: 600_000 },
      isRunning: () => running,
    });
    const outcome = restorer.restore([tp(0)]);
    await failed.promise;
    running = false;
    restorer.stop();
    await expect(outcome).resolves.toBe('abandoned');
    expect(calls).toBe(1);
  });

  it('gives up once every partition of the restore was revoked, waking from its wait', async () => {
    let calls = 0;
    const revoked: number[][] = [];
    const waiting = deferred();
    const restorer = new PartitionRestorer({
      onAssigned: async () => {
        calls += 1;
        throw notLeader();
      },
      onRevoked: (partitions) => {
        revoked.push(partitions.map((p) => p.partition));
      },
      backoff: { initialMs: 600_000, maxMs: 600_000 },
      onRetry: () => waiting.resolve(),
    });
    const outcome = restorer.restore([tp(0), tp(1)]);
    await waiting.promise;
    await restorer.revoke([tp(1)]);
    await restorer.revoke([tp(0)]);
    await expect(outcome).resolves.toBe('abandoned');
    expect(calls).toBe(1);
    expect(revoked).toEqual([[1], [0]]);
  });

  it('retries only the partitions still assigned', async () => {
    const calls: number[][] = [];
    const restorer: PartitionRestorer = new PartitionRestorer({
      onAssigned: async (partitions) => {
        calls.push(partitions.map((p) => p.partition));
        if (calls.length < 3) throw notLeader();
      },
      backoff: { initialMs: 1, maxMs: 1 },
      onRetry: (_error, attempt) => {
        if (attempt === 1) void restorer.revoke([tp(1)]);
      },
    });
    await expect(restorer.restore([tp(0), tp(1)])).resolves.toBe('restored');
    expect(calls).toEqual([[0, 1], [0], [0]]);
  });

  it('never overlaps restores of one partition and drops state restored after its revocation', async () => {
    const events: string[] = [];
    const firstCall = deferred();
    let calls = 0;
    const restorer = new PartitionRestorer({
      onAssigned: async (partitions) => {
        calls += 1;
        const call = calls;
        events.push(`restore #${call} of ${partitions.map((p) => p.partition).join(',')} starts`);
        if (call === 1) await firstCall.promise;
        events.push(`restore #${call} ends`);
      },
      onRevoked: (partitions) => {
        events.push(`drop ${partitions.map((p) => p.partition).join(',')}`);
      },
    });
    const first = restorer.restore([tp(0)]);
    await Promise.resolve();
    await restorer.revoke([tp(0)]);
    const second = restorer.restore([tp(0)]);
    // The second restore waits for the first, which is still reading.
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(1);
    firstCall.resolve();
    await expect(first).resolves.toBe('restored');
    await expect(second).resolves.toBe('restored');
    expect(events).toEqual([
      'restore #1 of 0 starts',
      'drop 0',
      'restore #1 ends',
      // What the late first restore installed for the revoked partition is dropped before the next one.
      'drop 0',
      'restore #2 of 0 starts',
      'restore #2 ends',
    ]);
  });

  it('restores nothing without a hook and reports a failing revoke hook', async () => {
    const failures: unknown[] = [];
    const restorer = new PartitionRestorer({
      onRevoked: () => {
        throw new Error('revoke broke');
      },
      onRevokeFailed: (error) => failures.push(error),
    });
    await expect(restorer.restore([tp(0)])).resolves.toBe('restored');
    await restorer.revoke([tp(0)]);
    expect(failures).toEqual([new Error('revoke broke')]);
  });
});
