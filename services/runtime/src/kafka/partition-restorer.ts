import { setTimeout as sleep } from 'node:timers/promises';
import { PushstreamError, errorMessage, isPushstreamError } from '../errors/pushstream-error.js';
import { KafkaJSError } from './kafkajs-values.js';
import { partitionId, type TopicPartition } from './records.js';
import type { BackoffOptions } from './retry-in-place.js';

/**
 * True when retrying can help: a PushstreamError that says it is retriable (KAFKA_UNAVAILABLE, e.g. a
 * restore read that timed out), or a kafkajs error whose innermost kafkajs cause is retriable (NOT_LEADER,
 * LEADER_NOT_AVAILABLE, UNKNOWN_TOPIC_OR_PARTITION, coordinator loading, lost connections — also when
 * kafkajs gave up after its own retries). Anything else (a decode error of a poison record, a bug, an
 * authorization failure) is not.
 */
export function isTransientKafkaError(error: unknown): boolean {
  let innermostKafka: { readonly retriable: boolean } | undefined;
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 16; depth += 1) {
    if (isPushstreamError(current)) return current.retriable;
    if (current instanceof KafkaJSError) innermostKafka = current;
    current = current.cause;
  }
  return innermostKafka?.retriable ?? false;
}

/** How a restore ended when it did not fail: done, or given up because the loop stops or lost the partitions. */
export type RestoreOutcome = 'restored' | 'abandoned';

/** Settings of a PartitionRestorer. */
export interface PartitionRestorerOptions {
  /** Restores state of newly assigned partitions; must be idempotent (see `PartitionHooks.onAssigned`). */
  readonly onAssigned?: ((partitions: readonly TopicPartition[]) => Promise<void>) | undefined;
  /** Drops state of partitions this member no longer owns. */
  readonly onRevoked?: ((partitions: readonly TopicPartition[]) => void | Promise<void>) | undefined;
  /** Backoff between tries. @default 200 ms doubling up to 10 s, each delay jittered to 50–100 % */
  readonly backoff?: BackoffOptions | undefined;
  /** Longest time a restore is retried before it fails. @default 120000 */
  readonly retryMs?: number | undefined;
  /** Called before each wait, with the partitions of the try that failed. */
  readonly onRetry?: (
    error: unknown,
    attempt: number,
    delayMs: number,
    partitions: readonly TopicPartition[],
  ) => void;
  /** Called when the revoke hook fails (the failure is not retried). */
  readonly onRevokeFailed?: (error: unknown) => void;
  /** False once the loop stops: restores in progress are abandoned. @default always true */
  readonly isRunning?: () => boolean;
  readonly now?: () => number;
  readonly random?: () => number;
}

/** One call of `restore`: its partitions, and the signal that ends its waits. */
interface RestoreRun {
  readonly partitions: readonly TopicPartition[];
  readonly abort: AbortController;
  /** Ids of the partitions the hook call in progress restores. */
  inFlight: ReadonlySet<string>;
  /** Partitions revoked while a hook call restored them: it may have left state after their drop. */
  readonly revokedInFlight: TopicPartition[];
}

/**
 * Runs a stage's partition hooks across rebalances. The restore of newly assigned partitions is retried on
 * transient Kafka errors (a fresh or restarting broker answers NOT_LEADER or "coordinator loading" for a
 * while) with jittered exponential backoff, for a bounded time; it stops retrying once the loop stops or
 * every one of its partitions was revoked, and retries only the partitions still assigned. Restores of the
 * same partition never overlap: a re-assigned partition's restore waits for the previous one to settle,
 * and state a restore left for partitions revoked while it ran is dropped again through the revoke hook.
 */
export class PartitionRestorer {
  /** Partition id → the restore run that currently owns it (absent once revoked). */
  private readonly owners = new Map<string, RestoreRun>();
  /** Partition id → settles when the last restore of that partition (and its clean-up) is over. */
  private readonly settling = new Map<string, Promise<void>>();
  private readonly runs = new Set<RestoreRun>();
  private readonly now: () => number;
  private readonly isRunning: () => boolean;

  constructor(private readonly options: PartitionRestorerOptions) {
    this.now = options.now ?? Date.now;
    this.isRunning = options.isRunning ?? (() => true);
  }

  /**
   * Restores newly assigned partitions. Resolves `restored`, or `abandoned` when the loop stopped or the
   * partitions were revoked first; rejects with the hook's error when it is not transient, or with
   * KAFKA_UNAVAILABLE once transient errors outlast the retry time.
   */
  restore(added: readonly TopicPartition[]): Promise<RestoreOutcome> {
    const run: RestoreRun = {
      partitions: added,
      abort: new AbortController(),
      inFlight: new Set(),
      revokedInFlight: [],
    };
    const ids = added.map(partitionId);
    const previous = new Set<Promise<void>>();
    for (const id of ids) {
      const settling = this.settling.get(id);
      if (settling !== undefined) previous.add(settling);
    }
    for (const id of ids) this.owners.set(id, run);
    this.runs.add(run);
    const outcome = (async () => {
      try {
        await Promise.all([...previous]);
        return await this.retry(run);
      } finally {
        this.runs.delete(run);
        // A hook that finished after its partitions were revoked may have installed their state again.
        if (run.revokedInFlight.length > 0) await this.callRevoked(run.revokedInFlight);
      }
    })();
    const settled = outcome.then(
      () => undefined,
      () => undefined,
    );
    for (const id of ids) this.settling.set(id, settled);
    void settled.then(() => {
      for (const id of ids) if (this.settling.get(id) === settled) this.settling.delete(id);
    });
    return outcome;
  }

  /** Drops the state of revoked partitions now and stops retrying their restore. */
  async revoke(removed: readonly TopicPartition[]): Promise<void> {
    for (const tp of removed) {
      const id = partitionId(tp);
      const run = this.owners.get(id);
      if (run === undefined) continue;
      this.owners.delete(id);
      if (run.inFlight.has(id)) run.revokedInFlight.push(tp);
      if (this.owned(run).length === 0) run.abort.abort();
    }
    await this.callRevoked(removed);
  }

  /** Wakes every restore waiting to retry, so it sees that the loop stops (`isRunning`) and gives up. */
  stop(): void {
    for (const run of this.runs) run.abort.abort();
  }

  private owned(run: RestoreRun): TopicPartition[] {
    return run.partitions.filter((tp) => this.owners.get(partitionId(tp)) === run);
  }

  private async retry(run: RestoreRun): Promise<RestoreOutcome> {
    const { onAssigned } = this.options;
    if (onAssigned === undefined) return 'restored';
    const retryMs = this.options.retryMs ?? 120_000;
    const initialMs = this.options.backoff?.initialMs ?? 200;
    const maxMs = this.options.backoff?.maxMs ?? 10_000;
    const random = this.options.random ?? Math.random;
    const deadline = this.now() + retryMs;
    for (let attempt = 1; ; attempt += 1) {
      const partitions = this.owned(run);
      if (!this.isRunning() || run.abort.signal.aborted || partitions.length === 0) return 'abandoned';
      const tried = await this.call(run, onAssigned, partitions);
      if (tried.ok) return 'restored';
      const { error } = tried;
      if (!isTransientKafkaError(error)) throw error;
      const remainingMs = deadline - this.now();
      if (remainingMs <= 0) {
        throw new PushstreamError(
          'KAFKA_UNAVAILABLE',
          `restoring partitions ${partitions.map(partitionId).join(', ')} kept failing for ${retryMs} ms (${attempt} tries): ${errorMessage(error)}`,
          { cause: error },
        );
      }
      const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 20));
      const delayMs = Math.min(remainingMs, Math.round(ceiling / 2 + (random() * ceiling) / 2));
      this.options.onRetry?.(error, attempt, delayMs, partitions);
      await sleep(delayMs, undefined, { signal: run.abort.signal }).catch(() => undefined);
    }
  }

  /** One hook call, its partitions marked in flight meanwhile. */
  private async call(
    run: RestoreRun,
    onAssigned: (partitions: readonly TopicPartition[]) => Promise<void>,
    partitions: readonly TopicPartition[],
  ): Promise<{ readonly ok: true } | { readonly ok: false; readonly error: unknown }> {
    run.inFlight = new Set(partitions.map(partitionId));
    try {
      await onAssigned(partitions);
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    } finally {
      run.inFlight = new Set();
    }
  }

  private async callRevoked(partitions: readonly TopicPartition[]): Promise<void> {
    try {
      await this.options.onRevoked?.(partitions);
    } catch (error) {
      this.options.onRevokeFailed?.(error);
    }
  }
}
