import type { OutputRecord, PipelineProducer } from '@pushstream/runtime';

/** How waiting for Kafka ended for one request. */
export type BoundedSendResult =
  | { readonly outcome: 'acked' }
  | { readonly outcome: 'failed'; readonly error: unknown }
  /** Kafka did not answer within the timeout; the send goes on and may still land (the caller retries). */
  | { readonly outcome: 'timeout' }
  /** Too many bytes are already waiting for Kafka; nothing was sent. */
  | { readonly outcome: 'overloaded' };

/** Limits of {@link BoundedProducer}. */
export interface BoundedProducerOptions {
  readonly timeoutMs: number;
  readonly maxPendingBytes: number;
  /** Told the pending byte count after each change (a metric). */
  readonly onPendingBytes?: (bytes: number) => void;
}

/**
 * Wraps the pipeline producer (acks=all) for request handlers: a request waits at most `timeoutMs` for the
 * acknowledgement, and while Kafka is slow or down the bytes of unfinished sends (timed-out ones included,
 * since the client library keeps retrying them) are counted so new requests are turned away instead of
 * piling up in memory.
 */
export class BoundedProducer {
  private pending = 0;

  constructor(
    private readonly producer: Pick<PipelineProducer, 'send'>,
    private readonly options: BoundedProducerOptions,
  ) {}

  /** Body bytes handed to Kafka and not yet acknowledged or failed. */
  get pendingBytes(): number {
    return this.pending;
  }

  /** Sends `records` (accounted as `bytes`) and says whether Kafka acknowledged all of them in time. */
  async send(records: readonly OutputRecord[], bytes: number): Promise<BoundedSendResult> {
    if (this.pending > 0 && this.pending + bytes > this.options.maxPendingBytes)
      return { outcome: 'overloaded' };
    this.changePending(bytes);
    const sending = Promise.resolve()
      .then(() => this.producer.send(records))
      .then(
        (): BoundedSendResult => ({ outcome: 'acked' }),
        (error: unknown): BoundedSendResult => ({ outcome: 'failed', error }),
      )
      .finally(() => this.changePending(-bytes));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<BoundedSendResult>((resolve) => {
      timer = setTimeout(() => resolve({ outcome: 'timeout' }), this.options.timeoutMs);
    });
    try {
      return await Promise.race([sending, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private changePending(delta: number): void {
    this.pending += delta;
    this.options.onPendingBytes?.(this.pending);
  }
}
