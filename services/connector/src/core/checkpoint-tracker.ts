interface Entry {
  readonly offset: string;
  acked: boolean;
}

/**
 * The RTDS checkpoint: the offset of the last stream item such that it and every earlier one are
 * acknowledged by Kafka. Items are tracked in stream order (offsets are opaque strings, never compared);
 * an OFFSET_UPDATE counts as acknowledged the moment it arrives, so it advances the checkpoint once
 * everything before it is durable.
 */
export class CheckpointTracker {
  private readonly queue: Entry[] = [];
  private head = 0;
  private readonly bySeq = new Map<number, Entry>();
  private nextSeq = 0;
  private committed: string | undefined;

  constructor(initialOffset?: string) {
    this.committed = initialOffset;
  }

  /** Registers the next stream item; returns its sequence number for `ack`. */
  track(offset: string, options: { acked?: boolean } = {}): number {
    const entry: Entry = { offset, acked: options.acked ?? false };
    const seq = this.nextSeq;
    this.nextSeq += 1;
    this.queue.push(entry);
    if (!entry.acked) this.bySeq.set(seq, entry);
    this.advance();
    return seq;
  }

  /** Marks an item durable (Kafka acknowledged it). */
  ack(seq: number): void {
    const entry = this.bySeq.get(seq);
    if (entry === undefined) return;
    entry.acked = true;
    this.bySeq.delete(seq);
    this.advance();
  }

  /** The offset to resume from: last item durable together with all before it. */
  get checkpoint(): string | undefined {
    return this.committed;
  }

  /** Items tracked but not yet acknowledged. */
  get inFlight(): number {
    return this.bySeq.size;
  }

  private advance(): void {
    while (this.head < this.queue.length) {
      const entry = this.queue[this.head];
      if (entry === undefined || !entry.acked) break;
      this.committed = entry.offset;
      this.head += 1;
    }
    // Drop the consumed prefix now and then, so the queue stays as small as what is in flight.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}
